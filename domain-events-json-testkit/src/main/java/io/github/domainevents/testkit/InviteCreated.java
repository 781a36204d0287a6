package io.github.domainevents.testkit;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;

/** Record-style fixture: the seed's {@code InviteCreated(invite_id, token, email)}. */
@EventType("invite.created")
public record InviteCreated(EventHeader header, long inviteId, String token, String email)
    implements DomainEvent {}
