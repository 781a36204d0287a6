package io.github.domainevents.outside;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that make the library log on purpose (failing handlers, dead events, slow async
 * work): captures what the library logs through {@link System.Logger} (which goes to {@code
 * java.util.logging} when no other backend is installed) while each test runs, instead of
 * printing it, so a green build prints no SEVERE or WARNING lines. Tests assert on {@link
 * #records()}; if a test fails, what was captured is printed to standard error after it, so
 * nothing is lost for diagnosis.
 *
 * <pre>{@code
 * @RegisterExtension final LogCapture log = new LogCapture();
 * }</pre>
 *
 * <p>Or for one block of a test, attached until closed:
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.open()) { ... }
 * }</pre>
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
  /** The parent of every logger the library uses; held so the JDK cannot collect it. */
  private static final Logger LIBRARY = Logger.getLogger("io.github.domainevents");

  private boolean usedParentHandlers = true;
  private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  /** Creates a capture; registered as an extension, it is active while each test runs. */
  public LogCapture() {
    handler.setLevel(Level.ALL);
  }

  /**
   * Starts capturing at once, until {@link #close()}.
   *
   * @return the attached capture
   */
  public static LogCapture open() {
    LogCapture capture = new LogCapture();
    capture.attach();
    return capture;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    attach();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
    if (context.getExecutionException().isPresent()) {
      PrintStream err = System.err;
      SimpleFormatter formatter = new SimpleFormatter();
      for (LogRecord record : records()) {
        err.print(formatter.format(record));
      }
    }
  }

  private void attach() {
    records.clear();
    usedParentHandlers = LIBRARY.getUseParentHandlers();
    LIBRARY.setUseParentHandlers(false);
    LIBRARY.addHandler(handler);
  }

  /** Stops capturing: the library logs to the console again. */
  @Override
  public void close() {
    LIBRARY.removeHandler(handler);
    LIBRARY.setUseParentHandlers(usedParentHandlers);
  }

  /**
   * Returns what was logged so far in the current test, in order.
   *
   * @return the records
   */
  public List<LogRecord> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  /**
   * Returns the messages logged at {@code level} so far in the current test.
   *
   * @param level the exact level
   * @return the messages, in order
   */
  public List<String> messages(Level level) {
    List<String> messages = new ArrayList<>();
    for (LogRecord record : records()) {
      if (record.getLevel().equals(level)) {
        messages.add(record.getMessage());
      }
    }
    return messages;
  }
}
