package io.github.domainevents.slf4j.outside;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.slf4j.outside.Events.InviteCreated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With {@code domain-events-slf4j} on the class path, the library's own logging (it logs through
 * {@link System.Logger}) reaches SLF4J, here a real Logback, through the JDK platform-logging
 * bridge: same logger names, levels mapped, exceptions attached, nothing printed by {@code
 * java.util.logging}.
 */
class PlatformLoggingTest {
  private static final String DISPATCHER_LOGGER = InProcessEventDispatcher.class.getName();

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Logger logger;

  @BeforeEach
  void attach() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    appender.setContext(context);
    appender.start();
    logger = context.getLogger(DISPATCHER_LOGGER);
    logger.setAdditive(false); // the captured lines are asserted, not printed
    logger.addAppender(appender);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(appender);
    logger.setAdditive(true);
    appender.stop();
  }

  @Test
  void systemLoggerOfTheJdk_isBackedBySlf4j() {
    System.Logger platform = System.getLogger(DISPATCHER_LOGGER);

    assertThat(platform.getClass().getName()).startsWith("org.slf4j.jdk.platform.logging.");
  }

  @Test
  void deadEventWarning_isLoggedThroughLogback() {
    InviteCreated event = new InviteCreated("ada@example.com");

    new InProcessEventDispatcher().dispatch(event);

    assertThat(appender.list).singleElement().satisfies(line -> {
      assertThat(line.getLevel()).isEqualTo(Level.WARN);
      assertThat(line.getLoggerName()).isEqualTo(DISPATCHER_LOGGER);
      assertThat(line.getFormattedMessage())
          .isEqualTo("no handler registered for invite.created " + event.eventId() + " ("
              + InviteCreated.class.getName() + ")");
    });
  }

  @Test
  void reportedHandlerFailure_isLoggedThroughLogbackAsAnError_withTheException() {
    IllegalStateException failure = new IllegalStateException("mail server down");
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .errorPolicy(io.github.domainevents.ErrorPolicy.REPORT_AND_CONTINUE)
        .build();
    dispatcher.register(InviteCreated.class, event -> {
      throw failure;
    });

    dispatcher.dispatch(new InviteCreated("ada@example.com"));

    assertThat(appender.list).singleElement().satisfies(line -> {
      assertThat(line.getLevel()).isEqualTo(Level.ERROR);
      assertThat(line.getFormattedMessage()).contains("failed on invite.created");
      assertThat(line.getThrowableProxy().getMessage()).isEqualTo("mail server down");
    });
  }
}
