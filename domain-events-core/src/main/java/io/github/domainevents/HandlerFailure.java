package io.github.domainevents;

import io.github.domainevents.internal.SafeText;

/**
 * One handler's failure: which event, which handler, what was thrown. What an {@link
 * ErrorHandler} receives.
 *
 * @since 0.1.0
 */
public final class HandlerFailure {
  private final DomainEvent event;
  private final HandlerInfo handler;
  private final Throwable exception;

  HandlerFailure(DomainEvent event, HandlerInfo handler, Throwable exception) {
    this.event = event;
    this.handler = handler;
    this.exception = exception;
  }

  /**
   * Returns the event being handled.
   *
   * @return the event
   */
  public DomainEvent event() {
    return event;
  }

  /**
   * Returns the handler that failed.
   *
   * @return the handler
   */
  public HandlerInfo handler() {
    return handler;
  }

  /**
   * Returns what the handler threw, unwrapped.
   *
   * @return the exception
   */
  public Throwable exception() {
    return exception;
  }

  /** Returns a one-line description naming the handler, event type and id, and exception. */
  @Override
  public String toString() {
    return SafeText.escape("handler " + handler.description() + " failed on " + event.eventType()
        + " " + event.eventId() + ": " + exception);
  }
}
