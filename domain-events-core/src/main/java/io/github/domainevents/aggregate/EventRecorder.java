package io.github.domainevents.aggregate;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.internal.SafeText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

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
 *
 * @since 0.1.0
 */
public final class EventRecorder {
  private final Object lock = new Object();
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
    Objects.requireNonNull(event, "event must not be null");
    synchronized (lock) {
      recorded.add(event);
    }
    return event;
  }

  /**
   * Returns the events recorded and not yet pulled, in the order recorded, without taking them.
   *
   * @return an unmodifiable snapshot
   */
  public List<DomainEvent> peek() {
    synchronized (lock) {
      return List.copyOf(recorded);
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
    synchronized (lock) {
      if (recorded.isEmpty()) {
        return List.of();
      }
      taken = recorded;
      recorded = new ArrayList<>();
    }
    return Collections.unmodifiableList(taken);
  }

  /**
   * Tells whether any event is waiting to be pulled.
   *
   * @return true if {@link #pull()} would return events
   */
  public boolean hasEvents() {
    synchronized (lock) {
      return !recorded.isEmpty();
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return SafeText.escape("EventRecorder" + recorded);
    }
  }
}
