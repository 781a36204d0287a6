package io.github.domainevents.slf4j.outside;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * A real Logback appender that formats each line with {@code %X{..}} conversions when it is
 * logged (on the logging thread), so the captured text is exactly what a log file would show.
 */
final class LogLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  static final String PATTERN =
      "%X{event_type:--} id=%X{event_id:--} corr=%X{correlation_id:--} cause=%X{causation_id:--}"
          + " tenant=%X{tenant:--} | %msg";

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final PatternLayout layout = new PatternLayout();
  private final Logger logger;

  private LogLines(String loggerName) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    layout.setContext(context);
    layout.setPattern(PATTERN);
    layout.start();
    setContext(context);
    setName("capture-" + loggerName);
    start();
    logger = context.getLogger(loggerName);
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
    logger.addAppender(this);
  }

  /** Starts capturing what is logged through the logger {@code loggerName}. */
  static LogLines capture(String loggerName) {
    return new LogLines(loggerName);
  }

  @Override
  protected void append(ILoggingEvent event) {
    lines.add(layout.doLayout(event));
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    stop();
    layout.stop();
  }
}
