package io.github.domainevents.outbox.outside;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures what the library logs through {@link System.Logger} (java.util.logging here) while each
 * test runs, so that tests which provoke failures print nothing; they assert on the messages.
 */
final class LogCapture implements BeforeEachCallback, AfterEachCallback {
  private static final Logger LIBRARY = Logger.getLogger("io.github.domainevents");

  private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
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

  @Override
  public void beforeEach(ExtensionContext context) {
    records.clear();
    handler.setLevel(Level.ALL);
    LIBRARY.setUseParentHandlers(false);
    LIBRARY.addHandler(handler);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    LIBRARY.removeHandler(handler);
    LIBRARY.setUseParentHandlers(true);
  }

  List<String> messages(Level level) {
    List<String> messages = new ArrayList<>();
    synchronized (records) {
      for (LogRecord record : records) {
        if (record.getLevel().equals(level)) {
          messages.add(record.getMessage());
        }
      }
    }
    return messages;
  }
}
