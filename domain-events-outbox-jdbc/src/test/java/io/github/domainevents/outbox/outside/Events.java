package io.github.domainevents.outbox.outside;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.jackson.EventJson;
import io.github.domainevents.outbox.Outbox;
import io.github.domainevents.outbox.TransactionalConnection;
import io.github.domainevents.wire.EventTypeRegistry;

/** The events of the tests and the outbox that exports them. */
final class Events {
  static final EventTypeRegistry REGISTRY =
      EventTypeRegistry.of(InviteCreated.class, InviteAccepted.class, WelcomeSent.class);
  static final EventJson JSON = EventJson.create(REGISTRY);

  private Events() {}

  @EventType("invite.created")
  record InviteCreated(EventHeader header, String inviteId, String email) implements DomainEvent {
    InviteCreated(String inviteId, String email) {
      this(EventHeader.create(), inviteId, email);
    }
  }

  @EventType("invite.accepted")
  record InviteAccepted(EventHeader header, String inviteId, int sequence) implements DomainEvent {
    InviteAccepted(String inviteId, int sequence) {
      this(EventHeader.create(), inviteId, sequence);
    }
  }

  /** Raised by a consumer; not exported. */
  @EventType("welcome.sent")
  record WelcomeSent(EventHeader header, String inviteId) implements DomainEvent {
    WelcomeSent(String inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  static Outbox outbox(TransactionalConnection connections) {
    return Outbox.builder(connections, JSON::toJson)
        .export(InviteCreated.class, "invite", InviteCreated::inviteId)
        .export(InviteAccepted.class, "invite", InviteAccepted::inviteId)
        .build();
  }
}
