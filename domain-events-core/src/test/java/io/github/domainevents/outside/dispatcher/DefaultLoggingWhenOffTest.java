package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.LogCapture;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default dead-event and error handlers build no log message when their level is switched
 * off: the dispatch path then makes no string and reads nothing from the event to describe it.
 */
class DefaultLoggingWhenOffTest {

  /**
   * An event that counts how often its type name is read. Every default log message names the
   * event type, and dispatching alone never reads it, so a read means a message was built.
   */
  record Counted(EventHeader header, AtomicInteger typeReads) implements DomainEvent {
    Counted() {
      this(EventHeader.create(), new AtomicInteger());
    }

    @Override
    public String eventType() {
      typeReads.incrementAndGet();
      return "counted";
    }
  }

  /** Held strongly: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
  private final Logger logger = Logger.getLogger(InProcessEventDispatcher.class.getName());

  private Level previousLevel;

  @BeforeEach
  void switchOffTheDispatchersLogger() {
    previousLevel = logger.getLevel();
    logger.setLevel(Level.OFF);
  }

  @AfterEach
  void restoreTheLogger() {
    logger.setLevel(previousLevel);
  }

  @Test
  void defaultDeadEventHandler_withLoggingOff_buildsNoMessage() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(Ping.class, event -> {});
    Counted event = new Counted();

    try (LogCapture log = LogCapture.open()) {
      for (int i = 0; i < 3; i++) {
        dispatcher.dispatch(event);
      }

      assertThat(event.typeReads()).hasValue(0);
      assertThat(log.records()).isEmpty();
    }
  }

  @Test
  void defaultErrorHandler_withLoggingOff_buildsNoMessage_andTheOtherHandlersStillRun() {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().errorPolicy(ErrorPolicy.REPORT_AND_CONTINUE).build();
    AtomicInteger secondHandlerRuns = new AtomicInteger();
    dispatcher.register(Counted.class, event -> {
      throw new IllegalStateException("handler down");
    });
    dispatcher.register(Counted.class, event -> secondHandlerRuns.incrementAndGet());
    Counted event = new Counted();

    try (LogCapture log = LogCapture.open()) {
      dispatcher.dispatch(event);

      assertThat(event.typeReads()).hasValue(0);
      assertThat(secondHandlerRuns).hasValue(1);
      assertThat(log.records()).isEmpty();
    }
  }

  @Test
  void defaultDeadEventHandler_withWarningsOn_stillLogsTheEvent() {
    logger.setLevel(Level.WARNING);
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    Counted event = new Counted();

    try (LogCapture log = LogCapture.open()) {
      dispatcher.dispatch(event);

      assertThat(log.records()).singleElement().satisfies(record -> {
        assertThat(record.getLevel()).isEqualTo(Level.WARNING);
        assertThat(record.getMessage()).contains("counted", event.eventId().toString());
      });
    }
  }
}
