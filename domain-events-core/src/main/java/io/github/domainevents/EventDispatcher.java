package io.github.domainevents;

import io.github.domainevents.internal.Checks;

/**
 * Delivers domain events to the handlers that want them.
 *
 * <p>Application code depends on this interface; {@link InProcessEventDispatcher} is the
 * implementation for handlers in the same JVM. Implementations are expected to be safe for
 * concurrent use.
 *
 * @since 0.1.0
 */
public interface EventDispatcher {

  /**
   * Delivers {@code event} to its handlers.
   *
   * @param event the event to deliver
   * @throws NullPointerException if {@code event} is null
   * @throws RuntimeException whatever the implementation's error policy propagates when a
   *     handler fails
   */
  void dispatch(DomainEvent event);

  /**
   * Delivers each event in order, as if by calling {@link #dispatch} for each. If one dispatch
   * throws, the events after it are not dispatched and the exception propagates.
   *
   * @param events the events, in the order to deliver them; for example an aggregate's
   *     {@code pullEvents()}
   * @throws NullPointerException if {@code events} or one of its elements is null (nothing
   *     after the null element is dispatched)
   */
  default void dispatchAll(Iterable<? extends DomainEvent> events) {
    Checks.requireNonNull(events, "events");
    for (DomainEvent event : events) {
      dispatch(event);
    }
  }
}
