package io.github.domainevents;

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
}
