package io.github.domainevents;

import io.github.domainevents.internal.SafeText;
import java.util.List;
import java.util.Optional;

/**
 * Attached as a suppressed exception to the failure that stopped {@link
 * InProcessEventDispatcher#dispatchAll(Iterable)}: says which event failed (its index and id)
 * and which events after it were not dispatched, so the caller can retry or store them.
 *
 * <pre>{@code
 * try {
 *   dispatcher.dispatchAll(invite.pullEvents());
 * } catch (RuntimeException e) {
 *   UndispatchedEventsException.in(e).ifPresent(u -> outbox.store(u.notDispatched()));
 *   throw e;
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class UndispatchedEventsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int failedIndex;
  private final transient DomainEvent failedEvent;
  private final transient List<DomainEvent> notDispatched;

  UndispatchedEventsException(int failedIndex, DomainEvent failedEvent, List<DomainEvent> notDispatched) {
    super(
        "dispatchAll stopped at event " + failedIndex + " ("
            + SafeText.escape(failedEvent.eventType()) + " "
            + failedEvent.eventId() + "); " + notDispatched.size()
            + " later event(s) were not dispatched",
        null,
        false,
        false);
    this.failedIndex = failedIndex;
    this.failedEvent = failedEvent;
    this.notDispatched = List.copyOf(notDispatched);
  }

  /**
   * Finds the attachment among {@code failure}'s suppressed exceptions. Where {@code dispatchAll}
   * calls were nested (a handler calling {@code dispatchAll}), each attached its own; this
   * returns the one attached last, by the outermost call: the caller's own batch.
   *
   * @param failure what {@code dispatchAll} threw
   * @return the attachment, or empty if {@code failure} did not come from {@code dispatchAll}
   */
  public static Optional<UndispatchedEventsException> in(Throwable failure) {
    Throwable[] suppressed = failure.getSuppressed();
    for (int i = suppressed.length - 1; i >= 0; i--) {
      if (suppressed[i] instanceof UndispatchedEventsException attachment) {
        return Optional.of(attachment);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the position of the failed event in the iteration, from 0.
   *
   * @return the index
   */
  public int failedIndex() {
    return failedIndex;
  }

  /**
   * Returns the event whose dispatch failed (its handlers may have partly run).
   *
   * @return the event
   */
  public DomainEvent failedEvent() {
    return failedEvent;
  }

  /**
   * Returns the events after the failed one, none of which was dispatched, in order.
   *
   * @return the events; empty if the failed event was the last
   */
  public List<DomainEvent> notDispatched() {
    return notDispatched;
  }
}
