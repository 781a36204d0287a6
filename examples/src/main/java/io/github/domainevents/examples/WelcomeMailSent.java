package io.github.domainevents.examples;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;

/**
 * The welcome mail for an invite went out: raised by a handler, so caused by the invite.
 *
 * @param header the standard event fields
 * @param inviteId the invite the mail was for
 * @param email where the mail went
 */
@EventType("email.sent")
public record WelcomeMailSent(EventHeader header, long inviteId, String email)
    implements DomainEvent {

  /**
   * Creates the event with a fresh header from the current context.
   *
   * @param inviteId the invite the mail was for
   * @param email where the mail went
   */
  public WelcomeMailSent(long inviteId, String email) {
    this(EventHeader.create(), inviteId, email);
  }
}
