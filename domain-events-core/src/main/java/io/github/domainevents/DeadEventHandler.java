package io.github.domainevents;

/**
 * Receives events that no handler was registered for. The default logs a warning through
 * {@link System.Logger}, as the seed package does.
 *
 * <p>It runs on the dispatching thread, once per dead event. What it throws propagates from
 * {@code dispatch}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface DeadEventHandler {

  /**
   * Handles an event nobody listens to.
   *
   * @param event the event
   */
  void handle(DomainEvent event);
}
