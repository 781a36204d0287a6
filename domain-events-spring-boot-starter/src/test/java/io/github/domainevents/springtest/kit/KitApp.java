package io.github.domainevents.springtest.kit;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventDispatcher;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.springtest.kit.KitEvents.CacheWarmed;
import io.github.domainevents.springtest.kit.KitEvents.InviteCreated;
import io.github.domainevents.springtest.kit.KitEvents.InviteRolledBack;
import io.github.domainevents.springtest.kit.KitEvents.MailLogged;
import io.github.domainevents.springtest.kit.KitEvents.WelcomeMailSent;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application under test: H2 in memory, Boot's transaction manager and task executor, the
 * auto-configured dispatcher (connected to the test kit by the starter) and its handler beans.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class KitApp {

  @Bean
  InitializingBean schema(JdbcTemplate jdbc) {
    return () -> jdbc.execute("create table invite (id bigint primary key)");
  }

  @Bean
  Invites invites(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      EventDispatcher events,
      ApplicationEventPublisher publisher) {
    return new Invites(jdbc, new TransactionTemplate(transactions), events, publisher);
  }

  @Bean
  Threads threads() {
    return new Threads();
  }

  @Bean
  InviteHandlers inviteHandlers(InProcessEventDispatcher dispatcher, Threads threads) {
    return new InviteHandlers(dispatcher, threads);
  }

  /** Creates invites in real transactions: a row in H2, an event dispatched in the transaction. */
  static final class Invites {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventDispatcher events;
    private final ApplicationEventPublisher publisher;

    Invites(
        JdbcTemplate jdbc,
        TransactionTemplate transaction,
        EventDispatcher events,
        ApplicationEventPublisher publisher) {
      this.jdbc = jdbc;
      this.transaction = transaction;
      this.events = events;
      this.publisher = publisher;
    }

    /** Inserts the row and dispatches the event; the transaction commits before this returns. */
    void create(long inviteId) {
      transaction.executeWithoutResult(status -> {
        jdbc.update("insert into invite (id) values (?)", inviteId);
        events.dispatch(new InviteCreated(inviteId));
      });
    }

    /** As {@link #create}, but the transaction is marked rollback-only. */
    void createThenRollBack(long inviteId) {
      transaction.executeWithoutResult(status -> {
        jdbc.update("insert into invite (id) values (?)", inviteId);
        events.dispatch(new InviteCreated(inviteId));
        status.setRollbackOnly();
      });
    }

    /** As {@link #create}, the event published through Spring's ApplicationEventPublisher. */
    void createThroughSpring(long inviteId) {
      transaction.executeWithoutResult(status -> {
        jdbc.update("insert into invite (id) values (?)", inviteId);
        publisher.publishEvent(new InviteCreated(inviteId));
      });
    }

    boolean exists(long inviteId) {
      Integer rows =
          jdbc.queryForObject("select count(*) from invite where id = ?", Integer.class, inviteId);
      return rows != null && rows > 0;
    }
  }

  /** The threads handlers ran on, by event id. */
  static final class Threads {
    private final Map<UUID, String> byEvent = new ConcurrentHashMap<>();

    void record(DomainEvent event) {
      byEvent.put(event.eventId(), Thread.currentThread().getName());
    }

    /**
     * The thread the handler of {@code event} ran on. Ids repeat across tests (each test's
     * sequence starts at 1), so only ask for an event of the asking test after it was awaited.
     */
    Optional<String> of(DomainEvent event) {
      return Optional.ofNullable(byEvent.get(event.eventId()));
    }
  }

  /** Fans out from a created invite: immediately (async), after commit, after rollback. */
  public static final class InviteHandlers {
    private final InProcessEventDispatcher dispatcher;
    private final Threads threads;

    InviteHandlers(InProcessEventDispatcher dispatcher, Threads threads) {
      this.dispatcher = dispatcher;
      this.threads = threads;
    }

    @HandleEvent
    public void warmCache(InviteCreated invite) {
      dispatcher.dispatchAsync(new CacheWarmed(invite.inviteId()));
    }

    @HandleEvent(phase = TransactionPhase.AFTER_COMMIT)
    public void sendWelcomeMail(InviteCreated invite) {
      dispatcher.dispatch(new WelcomeMailSent(invite.inviteId()));
    }

    @HandleEvent(phase = TransactionPhase.AFTER_ROLLBACK)
    public void reportRollback(InviteCreated invite) {
      dispatcher.dispatch(new InviteRolledBack(invite.inviteId()));
    }

    @HandleEvent
    public void logMail(WelcomeMailSent mail) {
      dispatcher.dispatchAsync(new MailLogged(mail.inviteId()));
    }

    @HandleEvent
    public void onMailLogged(MailLogged logged) {
      threads.record(logged);
    }

    @HandleEvent
    public void onCacheWarmed(CacheWarmed warmed) {
      threads.record(warmed);
    }
  }
}
