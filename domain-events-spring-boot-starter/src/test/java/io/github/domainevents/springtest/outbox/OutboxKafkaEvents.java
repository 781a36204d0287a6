package io.github.domainevents.springtest.outbox;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;

/** The events of the outbox-to-Kafka applications (found by the starter's @EventType scan). */
final class OutboxKafkaEvents {
  private OutboxKafkaEvents() {}

  @EventType("e2e.invite.created")
  record InviteCreated(EventHeader header, long inviteId, String email) implements DomainEvent {}

  @EventType("e2e.welcome.mail.sent")
  record WelcomeMailSent(EventHeader header, long inviteId) implements DomainEvent {}
}
