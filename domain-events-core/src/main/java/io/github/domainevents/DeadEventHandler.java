package io.github.domainevents;

/**
 * Receives events that no handler was registered for. The default logs a warning through
 * {@link System.Logger}, as the seed package does.
 *
 * <p>It runs on the dispatching thread, once per dead event, inside the dispatch: an event it
 * creates is caused by the dead event, and an event it dispatches counts towards the nesting
 * limit. What it throws propagates from {@code dispatch}.
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

  /**
   * Returns the handler that ignores dead events. A dispatcher given it returns from {@code
   * dispatch} of an event without handlers at once, without entering the dispatch (nothing runs,
   * so there is no causal context to set up): the cheapest dead path, for applications that
   * publish events nobody needs to hear. Prefer it to a no-op lambda, which the dispatcher must
   * run inside the dispatch like any other handler.
   *
   * @return the shared ignoring handler; safe for concurrent use
   */
  static DeadEventHandler ignore() {
    return IgnoredDeadEvents.INSTANCE;
  }
}
