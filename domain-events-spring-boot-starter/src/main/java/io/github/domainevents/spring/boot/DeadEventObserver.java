package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;

/**
 * Sees each dead event (one without handlers) before it is logged: the counters and the trace.
 * Beans of this type are combined into the auto-configured dispatcher's dead-event handler.
 */
@FunctionalInterface
interface DeadEventObserver {
  void observe(DomainEvent event);
}
