package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;

/**
 * Sees each dead event (one without handlers) before it is logged: the counters and the trace.
 * Beans of this type are combined into the auto-configured dispatcher's dead-event handler.
 */
@FunctionalInterface
interface DeadEventObserver {
  /**
   * Sees a dead event.
   *
   * @return true if the observer reported the event where a reader will see it (the test kit's
   *     capture, in a test), so the warning line is not needed; false otherwise
   */
  boolean observe(DomainEvent event);
}
