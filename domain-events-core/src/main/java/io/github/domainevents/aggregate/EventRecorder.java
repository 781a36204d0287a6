package io.github.domainevents.aggregate;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.internal.Checks;
import io.github.domainevents.internal.SafeText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Collects the events an aggregate raises until the application takes them over, exactly once,
 * to dispatch after saving the aggregate.
 *
 * <p>Hold one in an aggregate that cannot extend {@link AggregateRoot}:
 *
 * <pre>{@code
 * public final class Invite {
 *   private final EventRecorder events = new EventRecorder();
 *
 *   public void accept() {
 *     events.record(new InviteAccepted(id));
 *   }
 *
 *   public List<DomainEvent> pullEvents() {
 *     return events.pull();
 *   }
 * }
 * }</pre>
 *
 * <p>Safe for concurrent use: each recorded event is handed over by exactly one {@link #pull()}.
 * An aggregate is usually confined to one thread, but an application may record from one thread
 * (a command handler) and pull from another (an after-commit hook), so every operation takes a
 * short {@link ReentrantLock}: not {@code synchronized}, so that a virtual thread recording is
 * never pinned to its carrier, as nothing else in the library pins it either.
 *
 * @since 0.1.0
 */
public final class EventRecorder {
  private final ReentrantLock lock = new ReentrantLock();
  private List<DomainEvent> recorded = new ArrayList<>();

  /** Creates an empty recorder. */
  public EventRecorder() {}

  /**
   * Records {@code event}, after every event recorded before it.
   *
   * @param event the event raised
   * @param <E> the event's type
   * @return {@code event}, for chaining
   * @throws NullPointerException if {@code event} is null
   */
  public <E extends DomainEvent> E record(E event) {
    Checks.requireNonNull(event, "event");
    lock.lock();
    try {
      recorded.add(event);
    } finally {
      lock.unlock();
    }
    return event;
  }

  /**
   * Returns the events recorded and not yet pulled, in the order recorded, without taking them.
   *
   * @return an unmodifiable snapshot
   */
  public List<DomainEvent> peek() {
    lock.lock();
    try {
      return List.copyOf(recorded);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes over the recorded events: returns them in the order recorded and forgets them, so a
   * second call returns only events recorded since.
   *
   * @return an unmodifiable list of the events; empty if there are none
   */
  public List<DomainEvent> pull() {
    List<DomainEvent> taken;
    lock.lock();
    try {
      if (recorded.isEmpty()) {
        return List.of();
      }
      taken = recorded;
      recorded = new ArrayList<>();
    } finally {
      lock.unlock();
    }
    return Collections.unmodifiableList(taken);
  }

  /**
   * Tells whether any event is waiting to be pulled.
   *
   * @return true if {@link #pull()} would return events
   */
  public boolean hasEvents() {
    lock.lock();
    try {
      return !recorded.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    lock.lock();
    try {
      return SafeText.escape("EventRecorder" + recorded);
    } finally {
      lock.unlock();
    }
  }
}
