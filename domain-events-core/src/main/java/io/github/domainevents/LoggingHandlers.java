package io.github.domainevents;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The default dead-event and error handlers: both log through {@link System.Logger}. Each asks
 * {@code isLoggable} first, so with its level switched off it builds no message and allocates
 * nothing on the dispatch path.
 */
final class LoggingHandlers {
  private static final System.Logger LOG =
      System.getLogger(InProcessEventDispatcher.class.getName());

  static final DeadEventHandler DEAD_EVENTS =
      event -> {
        if (LOG.isLoggable(Level.WARNING)) {
          LOG.log(
              Level.WARNING,
              "no handler registered for " + event.eventType() + " " + event.eventId()
                  + " (" + event.getClass().getName() + ")");
        }
      };

  static final ErrorHandler ERRORS =
      failure -> {
        if (LOG.isLoggable(Level.ERROR)) {
          LOG.log(Level.ERROR, failure.toString(), failure.exception());
        }
      };

  private LoggingHandlers() {}

  /** {@code type id, type id, ...}, for log lines. */
  static String describe(List<DomainEvent> events) {
    StringBuilder text = new StringBuilder();
    for (DomainEvent event : events) {
      text.append(text.length() == 0 ? "" : ", ")
          .append(event.eventType())
          .append(' ')
          .append(event.eventId());
    }
    return text.toString();
  }
}
