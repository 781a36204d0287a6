package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.EventDispatcher;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.TransactionPhase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The README's Spring Boot example, verbatim between the tags; {@link ReadmeExampleTest} runs it. */
final class ReadmeExample {
  private ReadmeExample() {}

  /** Stands in for a mail gateway: records what was sent. */
  static final class Outbox {
    final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    void send(String to, String text) {
      sent.add(to + ": " + text);
    }
  }

  // tag::spring[]
  @EventType("invite.created")
  record InviteCreated(EventHeader header, String email) implements DomainEvent {
    InviteCreated(String email) {
      this(EventHeader.create(), email);
    }
  }

  @Service
  static class InviteService {
    private final JdbcTemplate jdbc;
    private final EventDispatcher events; // the auto-configured InProcessEventDispatcher

    InviteService(JdbcTemplate jdbc, EventDispatcher events) {
      this.jdbc = jdbc;
      this.events = events;
    }

    @Transactional
    public void invite(String email) {
      jdbc.update("insert into invite (email) values (?)", email);
      events.dispatch(new InviteCreated(email)); // the mail waits for the commit
    }
  }

  @Component
  static class WelcomeMail {
    private final Outbox outbox;

    WelcomeMail(Outbox outbox) {
      this.outbox = outbox;
    }

    @HandleEvent(phase = TransactionPhase.AFTER_COMMIT) // never for a rolled-back invite
    public void send(InviteCreated event) {
      outbox.send(event.email(), "Welcome!");
    }
  }

  @Component
  @Order(-10) // Spring's order, negated: priority 10, runs before priority-0 handlers
  static class AuditTrail implements DomainEventHandler<InviteCreated> {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void handle(InviteCreated event) {
      lines.add("invited " + event.email());
    }
  }
  // end::spring[]
}
