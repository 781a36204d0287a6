package io.github.domainevents.springtest.endpoint;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.EventDispatcher;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.TransactionPhase;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * An application whose package holds two events, with three handlers, for the actuator
 * endpoint's tests.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class EndpointApp {

  @Bean
  Audit audit() {
    return new Audit();
  }

  @Bean
  Mail mail(EventDispatcher events) {
    return new Mail(events);
  }

  /** An invite was created. */
  @EventType("endpoint.invite.created")
  public record InviteCreated(EventHeader header, String email) implements DomainEvent {
    /**
     * Creates the event.
     *
     * @param email who was invited
     */
    public InviteCreated(String email) {
      this(EventHeader.create(), email);
    }
  }

  /** A mail was sent; no handler listens. */
  public record MailSent(EventHeader header, String email) implements DomainEvent {
    MailSent(String email) {
      this(EventHeader.create(), email);
    }
  }

  /** Audits every invite first. */
  @Order(-5)
  public static class Audit implements DomainEventHandler<InviteCreated> {
    @Override
    public void handle(InviteCreated event) {}
  }

  /** Sends the mail after commit, and says so. */
  public static class Mail {
    private final EventDispatcher events;

    Mail(EventDispatcher events) {
      this.events = events;
    }

    /**
     * Announces the mail immediately (for the trace's tree).
     *
     * @param event the invite
     */
    @HandleEvent
    public void announce(InviteCreated event) {
      events.dispatch(new MailSent(event.email()));
    }

    /**
     * Sends the mail once the invite is committed.
     *
     * @param event the invite
     */
    @HandleEvent(phase = TransactionPhase.AFTER_COMMIT)
    public void send(InviteCreated event) {}
  }
}
