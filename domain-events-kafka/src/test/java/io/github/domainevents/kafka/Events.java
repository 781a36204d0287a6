package io.github.domainevents.kafka;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.jackson.EventJson;
import io.github.domainevents.outbox.OutboxMessage;
import io.github.domainevents.wire.EventTypeRegistry;
import java.net.URI;
import java.util.List;

/** The test events, their registry and codec, and outbox messages made from them. */
final class Events {
  static final URI SOURCE = URI.create("/invites");
  static final EventTypeRegistry REGISTRY =
      EventTypeRegistry.of(InviteCreated.class, WelcomeMailSent.class);
  static final EventJson JSON =
      EventJson.builder(REGISTRY).cloudEventsSource(SOURCE).build();

  private Events() {}

  @EventType("invite.created")
  record InviteCreated(EventHeader header, long inviteId, String email, List<String> tags)
      implements DomainEvent {}

  @EventType("welcome.mail.sent")
  record WelcomeMailSent(EventHeader header, long inviteId) implements DomainEvent {}

  /** An event of a type the consumer's registry does not know. */
  @EventType("invite.revoked")
  record InviteRevoked(EventHeader header, long inviteId) implements DomainEvent {}

  static InviteCreated invite(long id) {
    return new InviteCreated(EventHeader.create(), id, "ann" + id + "@example.com",
        List.of("a", "ü\"q"));
  }

  static InviteCreated invite(EventHeader header, long id) {
    return new InviteCreated(header, id, "ann" + id + "@example.com", List.of("x"));
  }

  /** The outbox message the outbox module would hand the relay for {@code event}. */
  static OutboxMessage message(DomainEvent event, String aggregateId) {
    return message(event, aggregateId, JSON);
  }

  static OutboxMessage message(DomainEvent event, String aggregateId, EventJson json) {
    return new OutboxMessage(
        event.eventId(),
        event.eventType(),
        "invite",
        aggregateId,
        event.occurredAt(),
        event.correlationId().orElse(null),
        event.causationId().orElse(null),
        json.mapper().writeValueAsString(event.metadata()),
        json.toJson(event),
        1);
  }
}
