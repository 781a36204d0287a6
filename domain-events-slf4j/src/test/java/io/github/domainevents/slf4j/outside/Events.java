package io.github.domainevents.slf4j.outside;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;

/** The events the tests dispatch. */
final class Events {
  private Events() {}

  @EventType("invite.created")
  record InviteCreated(EventHeader header, String email) implements DomainEvent {
    InviteCreated(String email) {
      this(EventHeader.create(), email);
    }
  }

  @EventType("email.sent")
  record EmailSent(EventHeader header, String email) implements DomainEvent {
    EmailSent(String email) {
      this(EventHeader.create(), email);
    }
  }
}
