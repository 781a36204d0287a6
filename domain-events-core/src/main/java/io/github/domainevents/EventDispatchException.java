package io.github.domainevents;

import io.github.domainevents.internal.SafeText;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A dispatch failed: thrown for a handler's checked exception (which is the cause), for the
 * collected failures of {@link ErrorPolicy#RUN_ALL_THEN_THROW} (attached as suppressed
 * exceptions, with the {@link DispatchReport}), and as {@link DispatchDepthExceededException}.
 *
 * <p>The message names the event type and id and, where one handler failed, the handler.
 *
 * @since 0.1.0
 */
public sealed class EventDispatchException extends RuntimeException
    permits DispatchDepthExceededException {
  private static final long serialVersionUID = 1L;

  private final transient DomainEvent event;
  private final transient @Nullable DispatchReport report;

  /** Only the library creates these: the class is sealed, its constructor package-private. */
  EventDispatchException(
      String message,
      DomainEvent event,
      @Nullable DispatchReport report,
      @Nullable Throwable cause) {
    super(message, cause);
    this.event = event;
    this.report = report;
  }

  static EventDispatchException wrapping(
      Throwable checked, DomainEvent event, HandlerInfo handler, @Nullable DispatchReport report) {
    return new EventDispatchException(
        SafeText.escape("handler " + handler.description() + " failed on " + event.eventType()
            + " " + event.eventId() + ": " + checked),
        event,
        report,
        checked);
  }

  static EventDispatchException collecting(DispatchReport report) {
    DomainEvent event = report.event();
    StringBuilder message =
        new StringBuilder()
            .append(report.failures().size())
            .append(" of ")
            .append(report.outcomes().size())
            .append(" handlers failed on ")
            .append(SafeText.escape(event.eventType()))
            .append(' ')
            .append(event.eventId())
            .append(':');
    for (DispatchReport.Outcome outcome : report.outcomes()) {
      outcome
          .failure()
          .ifPresent(f -> message.append("\n  ").append(SafeText.escape(outcome.handler()
              .description())).append(": ").append(SafeText.of(f)));
    }
    EventDispatchException exception =
        new EventDispatchException(message.toString(), event, report, null);
    report.failures().forEach(exception::addSuppressed);
    return exception;
  }

  /**
   * Returns the event whose dispatch failed.
   *
   * @return the event
   */
  public DomainEvent event() {
    return event;
  }

  /**
   * Returns the report of the failed dispatch, where one was recorded (run-all, asynchronous
   * and reporting dispatches).
   *
   * @return the report, or empty
   */
  public Optional<DispatchReport> report() {
    return Optional.ofNullable(report);
  }
}
