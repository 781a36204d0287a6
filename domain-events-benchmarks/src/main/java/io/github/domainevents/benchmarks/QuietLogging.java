package io.github.domainevents.benchmarks;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sets {@code java.util.logging} (where {@code System.Logger} goes when nothing else is
 * installed) for the default-configuration contenders, for the whole JVM: the benchmark JVM
 * runs one contender per fork.
 *
 * <p>At the default level (INFO, so the dead-event WARNING is logged) the records of the
 * library's loggers go to a handler that formats each one as the default console handler would
 * ({@link SimpleFormatter}, which also looks up the calling class) and then throws the text
 * away instead of writing it to the console: millions of lines per second would flood it. So
 * this measures everything a default set-up does except the write to standard error.
 */
final class QuietLogging {
  /** The library's loggers are children of this one. Held strongly: JUL holds loggers weakly. */
  private static final Logger LIBRARY = Logger.getLogger("io.github.domainevents");

  private static final FormatAndDiscard HANDLER = new FormatAndDiscard();

  private QuietLogging() {}

  /** The library's loggers at the JVM's default level, their output formatted and dropped. */
  static synchronized void defaultLevel() {
    route();
    LIBRARY.setLevel(null); // inherit the root logger's level, INFO by default
  }

  /** The library's loggers switched off. */
  static synchronized void off() {
    route();
    LIBRARY.setLevel(Level.OFF);
  }

  /** How many records were formatted and dropped, for checks. */
  static long formattedRecords() {
    return HANDLER.formatted.get();
  }

  private static void route() {
    LIBRARY.setUseParentHandlers(false);
    for (Handler installed : LIBRARY.getHandlers()) {
      if (installed == HANDLER) {
        return;
      }
    }
    LIBRARY.addHandler(HANDLER);
  }

  /** Formats like the console handler, writes nothing. */
  private static final class FormatAndDiscard extends Handler {
    private final AtomicLong formatted = new AtomicLong();

    FormatAndDiscard() {
      setFormatter(new SimpleFormatter());
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
      if (isLoggable(record) && !getFormatter().format(record).isEmpty()) {
        formatted.incrementAndGet();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
