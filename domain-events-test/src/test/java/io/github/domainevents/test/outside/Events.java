package io.github.domainevents.test.outside;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;

/** The events the kit's tests dispatch. */
final class Events {
  private Events() {}

  @EventType("invite.created")
  record InviteCreated(EventHeader header, long inviteId, String email) implements DomainEvent {
    InviteCreated(long inviteId, String email) {
      this(EventHeader.create(), inviteId, email);
    }
  }

  @EventType("welcome-mail.sent")
  record WelcomeMailSent(EventHeader header, String email) implements DomainEvent {
    WelcomeMailSent(String email) {
      this(EventHeader.create(), email);
    }
  }

  @EventType("audit.logged")
  record AuditLogged(EventHeader header, String what) implements DomainEvent {
    AuditLogged(String what) {
      this(EventHeader.create(), what);
    }
  }

  @EventType("cache.warmed")
  record CacheWarmed(EventHeader header, long inviteId) implements DomainEvent {
    CacheWarmed(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  @EventType("invite.revoked")
  record InviteRevoked(EventHeader header, long inviteId) implements DomainEvent {
    InviteRevoked(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }
}
