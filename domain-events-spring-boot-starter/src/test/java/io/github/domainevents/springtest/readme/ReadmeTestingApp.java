package io.github.domainevents.springtest.readme;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventDispatcher;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.TransactionPhase;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application that the README's "Testing with Spring Boot" example ({@link InviteServiceTest})
 * tests: the Spring Boot section's invite service, with handlers that dispatch events.
 */
@SpringBootApplication
class ReadmeTestingApp {

  @Bean
  InitializingBean schema(JdbcTemplate jdbc) {
    return () -> jdbc.execute("create table invite (email varchar(100) primary key)");
  }

  @EventType("invite.created")
  record InviteCreated(EventHeader header, String email) implements DomainEvent {
    InviteCreated(String email) {
      this(EventHeader.create(), email);
    }
  }

  @EventType("welcome-mail.sent")
  record WelcomeMailSent(EventHeader header, String email) implements DomainEvent {
    WelcomeMailSent(String email) {
      this(EventHeader.create(), email);
    }
  }

  @EventType("cache.warmed")
  record CacheWarmed(EventHeader header, String email) implements DomainEvent {
    CacheWarmed(String email) {
      this(EventHeader.create(), email);
    }
  }

  @Service
  static class InviteService {
    private final JdbcTemplate jdbc;
    private final EventDispatcher events;

    InviteService(JdbcTemplate jdbc, EventDispatcher events) {
      this.jdbc = jdbc;
      this.events = events;
    }

    @Transactional
    public void invite(String email) {
      jdbc.update("insert into invite (email) values (?)", email);
      events.dispatch(new InviteCreated(email));
    }
  }

  /** Sends the mail after the commit, and warms a cache in the background. */
  @Component
  static class InviteHandlers {
    private final io.github.domainevents.InProcessEventDispatcher dispatcher;

    InviteHandlers(io.github.domainevents.InProcessEventDispatcher dispatcher) {
      this.dispatcher = dispatcher;
    }

    @HandleEvent(phase = TransactionPhase.AFTER_COMMIT)
    public void sendWelcomeMail(InviteCreated invite) {
      dispatcher.dispatch(new WelcomeMailSent(invite.email()));
    }

    @HandleEvent
    public void warmCache(InviteCreated invite) {
      dispatcher.dispatchAsync(new CacheWarmed(invite.email()));
    }

    @HandleEvent
    public void cacheWarmed(CacheWarmed warmed) {
      // the cache would be filled here
    }
  }
}
