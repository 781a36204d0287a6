package io.github.domainevents;

import io.github.domainevents.internal.Checks;
import io.github.domainevents.internal.SafeText;
import java.util.Optional;

/**
 * Says where a failure came from: attached as a suppressed exception to what a handler threw
 * when, under {@link ErrorPolicy#FAIL_FAST}, that exception propagates out of a dispatch
 * unchanged. It names the event (type and id) and the handler, so a bare {@code
 * IllegalStateException} caught far from the dispatcher still tells which dispatch it stopped.
 *
 * <pre>{@code
 * try {
 *   dispatcher.dispatch(event);
 * } catch (RuntimeException e) {
 *   HandlerFailedException.in(e).ifPresent(f -> log.warn("{} failed on {}",
 *       f.handler().description(), f.event().eventId()));
 *   throw e;
 * }
 * }</pre>
 *
 * <p>Where dispatches were nested (a handler dispatching), each level attaches its own, innermost
 * first. One exception carries at most {@value #MAX_ATTACHED}: a handler that rethrows one shared
 * exception instance must not make it grow without bound. Nothing is attached to a {@link
 * VirtualMachineError}, nor to an exception created with suppression disabled. This exception is
 * never thrown by the library, has no stack trace of its own and is not serialisable with its
 * event.
 *
 * @since 0.1.0
 */
public final class HandlerFailedException extends RuntimeException {
  /** How many attachments one exception carries at most. */
  public static final int MAX_ATTACHED = 64;

  private static final long serialVersionUID = 1L;

  private final transient DomainEvent event;
  private final transient HandlerInfo handler;

  private HandlerFailedException(DomainEvent event, HandlerInfo handler) {
    super(
        SafeText.escape("handler " + handler.description() + " failed on " + event.eventType()
            + " " + event.eventId()),
        null,
        false,
        false);
    this.event = event;
    this.handler = handler;
  }

  /** Attaches one to {@code failure}, unless it is fatal or already carries the maximum. */
  static void attachTo(Throwable failure, DomainEvent event, HandlerInfo handler) {
    if (failure instanceof VirtualMachineError) {
      return;
    }
    int attached = 0;
    for (Throwable suppressed : failure.getSuppressed()) {
      if (suppressed instanceof HandlerFailedException) {
        attached++;
      }
    }
    if (attached < MAX_ATTACHED) {
      failure.addSuppressed(new HandlerFailedException(event, handler));
    }
  }

  /**
   * Finds the attachment among {@code failure}'s suppressed exceptions: the first one attached,
   * by the dispatch whose handler threw (with nested dispatches, the innermost).
   *
   * @param failure what a dispatch threw
   * @return the attachment, or empty if {@code failure} did not come from a fail-fast dispatch
   * @throws NullPointerException if {@code failure} is null
   */
  public static Optional<HandlerFailedException> in(Throwable failure) {
    for (Throwable suppressed : Checks.requireNonNull(failure, "failure").getSuppressed()) {
      if (suppressed instanceof HandlerFailedException attachment) {
        return Optional.of(attachment);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the event whose dispatch the failure stopped.
   *
   * @return the event
   */
  public DomainEvent event() {
    return event;
  }

  /**
   * Returns the handler that threw.
   *
   * @return the handler
   */
  public HandlerInfo handler() {
    return handler;
  }
}
