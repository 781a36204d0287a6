package io.github.domainevents.kafka;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the consumer logs through {@code System.Logger} (backed by {@code
 * java.util.logging} here) instead of printing it, for tests that provoke failures.
 */
final class CapturedLog implements AutoCloseable {
  private final Logger logger = Logger.getLogger(KafkaEventConsumer.class.getName());
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final boolean parentHandlers;
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  CapturedLog() {
    parentHandlers = logger.getUseParentHandlers();
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  List<String> messages() {
    return records.stream().map(LogRecord::getMessage).toList();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(parentHandlers);
  }
}
