package io.github.domainevents.examples;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;

/**
 * An invite was created: the seed package's example event, as a record.
 *
 * @param header the standard event fields
 * @param inviteId the invite's id
 * @param token the secret token in the invite link
 * @param email where the invite was sent
 */
@EventType("invite.created")
public record InviteCreated(EventHeader header, long inviteId, String token, String email)
    implements DomainEvent {

  /**
   * Creates the event with a fresh header from the current context.
   *
   * @param inviteId the invite's id
   * @param token the secret token in the invite link
   * @param email where the invite was sent
   */
  public InviteCreated(long inviteId, String token, String email) {
    this(EventHeader.create(), inviteId, token, email);
  }
}
