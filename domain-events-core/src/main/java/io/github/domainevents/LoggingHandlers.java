package io.github.domainevents;

import io.github.domainevents.internal.SafeText;
import java.lang.System.Logger.Level;
import java.util.List;

/** The default dead-event and error handlers: both log through {@link System.Logger}. */
final class LoggingHandlers {
  private static final System.Logger LOG =
      // the dispatcher's name, spelled out: this class must not depend on the dispatcher
      System.getLogger("io.github.domainevents.InProcessEventDispatcher");

  static final DeadEventHandler DEAD_EVENTS =
      event -> LOG.log(
          Level.WARNING,
          "no handler registered for " + SafeText.escape(event.eventType()) + " "
              + event.eventId() + " (" + event.getClass().getName() + ")");

  static final ErrorHandler ERRORS =
      failure -> LOG.log(Level.ERROR, failure.toString(), failure.exception());

  private LoggingHandlers() {}

  /** {@code type id, type id, ...}, for log lines. */
  static String describe(List<DomainEvent> events) {
    StringBuilder text = new StringBuilder();
    for (DomainEvent event : events) {
      text.append(text.length() == 0 ? "" : ", ")
          .append(SafeText.escape(event.eventType()))
          .append(' ')
          .append(event.eventId());
    }
    return text.toString();
  }
}
