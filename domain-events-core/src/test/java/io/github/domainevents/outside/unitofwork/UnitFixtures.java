package io.github.domainevents.outside.unitofwork;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Events, a journal and log capture shared by the unit-of-work tests. */
final class UnitFixtures {
  private UnitFixtures() {}

  @EventType("invite.created")
  record InviteCreated(EventHeader header, long inviteId) implements DomainEvent {
    InviteCreated(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  @EventType("mail.sent")
  record MailSent(EventHeader header, long inviteId) implements DomainEvent {
    MailSent(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  @EventType("audit.written")
  record AuditWritten(EventHeader header, long inviteId) implements DomainEvent {
    AuditWritten(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  /** Records what handlers saw, in order; safe for concurrent use. */
  static final class Journal {
    private final List<String> entries = Collections.synchronizedList(new ArrayList<>());

    <E extends DomainEvent> DomainEventHandler<E> handler(String name) {
      return event -> entries.add(name + ":" + label(event));
    }

    void add(String entry) {
      entries.add(entry);
    }

    List<String> entries() {
      synchronized (entries) {
        return List.copyOf(entries);
      }
    }

    void clear() {
      entries.clear();
    }
  }

  /** {@code invite.created7}: short labels for assertions on order. */
  static String label(DomainEvent event) {
    if (event instanceof InviteCreated invite) {
      return event.eventType() + invite.inviteId();
    }
    if (event instanceof MailSent mail) {
      return event.eventType() + mail.inviteId();
    }
    if (event instanceof AuditWritten audit) {
      return event.eventType() + audit.inviteId();
    }
    return event.eventType();
  }
}
