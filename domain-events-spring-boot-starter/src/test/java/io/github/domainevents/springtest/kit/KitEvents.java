package io.github.domainevents.springtest.kit;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;

/** The events of the kit's Spring tests; every one carries the invite id of the test. */
final class KitEvents {
  private KitEvents() {}

  /** An event about one invite: each test uses invite ids of its own. */
  interface ForInvite extends DomainEvent {
    long inviteId();
  }

  /** Dispatched in a transaction; its handlers fan out immediately, after commit, after rollback. */
  @EventType("invite.created")
  record InviteCreated(EventHeader header, long inviteId) implements ForInvite {
    InviteCreated(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  /** Dispatched by an after-commit handler of {@link InviteCreated}, on the committing thread. */
  @EventType("welcome-mail.sent")
  record WelcomeMailSent(EventHeader header, long inviteId) implements ForInvite {
    WelcomeMailSent(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  /** Dispatched asynchronously by the handler of {@link WelcomeMailSent}. */
  @EventType("mail.logged")
  record MailLogged(EventHeader header, long inviteId) implements ForInvite {
    MailLogged(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  /** Dispatched asynchronously by an immediate handler of {@link InviteCreated}. */
  @EventType("cache.warmed")
  record CacheWarmed(EventHeader header, long inviteId) implements ForInvite {
    CacheWarmed(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  /** Dispatched by an after-rollback handler of {@link InviteCreated}. */
  @EventType("invite.rolled-back")
  record InviteRolledBack(EventHeader header, long inviteId) implements ForInvite {
    InviteRolledBack(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  /** Has no handler: a dead event. */
  @EventType("nobody.listens")
  record NobodyListens(EventHeader header, long inviteId) implements ForInvite {
    NobodyListens(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }
}
