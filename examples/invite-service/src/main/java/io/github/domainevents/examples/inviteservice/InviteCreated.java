package io.github.domainevents.examples.inviteservice;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;

/** An invite was stored; dispatched inside the transaction that stored it. */
@EventType("invite.created")
record InviteCreated(EventHeader header, long inviteId, String email) implements DomainEvent {
  InviteCreated(long inviteId, String email) {
    this(EventHeader.create(), inviteId, email);
  }
}
