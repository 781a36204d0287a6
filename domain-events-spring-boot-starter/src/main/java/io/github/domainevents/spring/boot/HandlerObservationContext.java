package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.HandlerInfo;
import io.micrometer.observation.Observation;

/**
 * The Micrometer {@link Observation.Context} of one handler invocation: the event being handled
 * and the handler. A {@link DomainEventsObservationConvention} reads its key values from it; after
 * the handler has run, {@link #getError()} holds what it threw, or null.
 *
 * <p>One instance per observed invocation, used by the thread running the handler; not meant to
 * be shared.
 *
 * @since 0.1.0
 */
public final class HandlerObservationContext extends Observation.Context {
  private final DomainEvent event;
  private final HandlerInfo handler;

  /**
   * Creates the context of one invocation.
   *
   * @param event the event being handled
   * @param handler the handler about to run
   * @throws NullPointerException if an argument is null
   */
  public HandlerObservationContext(DomainEvent event, HandlerInfo handler) {
    if (event == null || handler == null) {
      throw new NullPointerException(event == null ? "event must not be null" : "handler must not be null");
    }
    this.event = event;
    this.handler = handler;
  }

  /**
   * Returns the event being handled.
   *
   * @return the event
   */
  public DomainEvent getEvent() {
    return event;
  }

  /**
   * Returns the handler that runs.
   *
   * @return the handler, with its description, registered type, priority and phase
   */
  public HandlerInfo getHandler() {
    return handler;
  }
}
