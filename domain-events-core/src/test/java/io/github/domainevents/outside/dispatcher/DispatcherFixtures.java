package io.github.domainevents.outside.dispatcher;

import io.github.domainevents.BaseDomainEvent;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Events, handlers and helpers shared by the dispatcher tests. */
final class DispatcherFixtures {
  private DispatcherFixtures() {}

  /** Every invite event. */
  interface InviteEvent extends DomainEvent {
    long inviteId();
  }

  @EventType("invite.created")
  record InviteCreated(EventHeader header, long inviteId) implements InviteEvent {
    InviteCreated(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  @EventType("invite.accepted")
  record InviteAccepted(EventHeader header, long inviteId) implements InviteEvent {
    InviteAccepted(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  /** An event with no @EventType: its type is its simple name. */
  record Ping(EventHeader header, int n) implements DomainEvent {
    Ping(int n) {
      this(EventHeader.create(), n);
    }
  }

  record Pong(EventHeader header, int n) implements DomainEvent {
    Pong(int n) {
      this(EventHeader.create(), n);
    }
  }

  /** An invite event whose @EventType is invalid: fails when its type is first used. */
  @EventType("invite revoked")
  record BadlyTyped(EventHeader header, long inviteId) implements InviteEvent {
    BadlyTyped() {
      this(EventHeader.create(), 1);
    }
  }

  /** A class-style event with a subclass, for routing over a class hierarchy. */
  static class AccountEvent extends BaseDomainEvent {}

  static final class AccountClosed extends AccountEvent {}

  /** Records what handlers saw, safe for concurrent use. */
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
  }

  /** {@code Ping1}, {@code invite.created7}: short labels for assertions on order. */
  static String label(DomainEvent event) {
    if (event instanceof Ping ping) {
      return "Ping" + ping.n();
    }
    if (event instanceof Pong pong) {
      return "Pong" + pong.n();
    }
    if (event instanceof InviteEvent invite) {
      return event.eventType() + invite.inviteId();
    }
    return event.eventType();
  }

  /** Throws any exception, checked or not, without declaring it. */
  @SuppressWarnings("unchecked")
  static <T extends Throwable> RuntimeException sneakyThrow(Throwable failure) throws T {
    throw (T) failure;
  }
}
