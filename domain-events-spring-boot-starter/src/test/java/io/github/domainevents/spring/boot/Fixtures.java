package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Events, a journal and log capture shared by the starter's tests. */
final class Fixtures {
  private Fixtures() {}

  @EventType("fixture.invite.created")
  record InviteCreated(EventHeader header, long inviteId) implements DomainEvent {
    InviteCreated(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  @EventType("fixture.mail.sent")
  record MailSent(EventHeader header, long inviteId) implements DomainEvent {
    MailSent(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  /** Records what handlers saw, in order; safe for concurrent use. */
  static final class Journal {
    private final List<String> entries = Collections.synchronizedList(new ArrayList<>());

    void add(String entry) {
      entries.add(entry);
    }

    List<String> entries() {
      synchronized (entries) {
        return List.copyOf(entries);
      }
    }

    void clear() {
      entries.clear();
    }
  }

  /** The logger Spring reports a context that failed to start on. */
  static final String CONTEXT_LOGGER =
      "org.springframework.context.annotation.AnnotationConfigApplicationContext";

  /** Captures the records of one JUL logger, silencing its console output while open. */
  static final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final boolean useParentHandlers;
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord logRecord) {
            records.add(logRecord);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };

    LogCapture(Class<?> source) {
      this(source.getName());
    }

    LogCapture(String loggerName) {
      logger = Logger.getLogger(loggerName);
      useParentHandlers = logger.getUseParentHandlers();
      handler.setLevel(Level.ALL);
      logger.addHandler(handler);
      logger.setUseParentHandlers(false);
    }

    List<String> messages(Level level) {
      synchronized (records) {
        return records.stream()
            .filter(r -> r.getLevel().equals(level))
            .map(LogRecord::getMessage)
            .toList();
      }
    }

    @Override
    public void close() {
      logger.removeHandler(handler);
      logger.setUseParentHandlers(useParentHandlers);
    }
  }
}
