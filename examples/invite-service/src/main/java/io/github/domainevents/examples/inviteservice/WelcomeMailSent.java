package io.github.domainevents.examples.inviteservice;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;

/**
 * The welcome mail of an invite went out. Raised by {@link WelcomeMail} after the commit, so it is
 * caused by the {@link InviteCreated} event it answers.
 */
@EventType("welcome-mail.sent")
record WelcomeMailSent(EventHeader header, long inviteId, String email) implements DomainEvent {
  WelcomeMailSent(long inviteId, String email) {
    this(EventHeader.create(), inviteId, email);
  }
}
