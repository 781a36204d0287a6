package io.github.domainevents.slf4j.outside;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.github.domainevents.EventContext;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.slf4j.EventMdc;
import io.github.domainevents.slf4j.outside.Events.InviteCreated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The README's Logback pattern, applied by a real Logback to a line a handler logs, gives the
 * sample line the README shows (ids and the time differ from run to run).
 */
class ReadmeLogbackSampleTest {
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern TIME = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");

  /** A handler class named as in the README, logging through its own logger. */
  static final class SendWelcomeMail {
    /** As {@code getLogger(SendWelcomeMail.class)} names it for a top-level class in an app. */
    static final String LOGGER = "com.example.invites.SendWelcomeMail";

    private final org.slf4j.Logger log = LoggerFactory.getLogger(LOGGER);

    void handle(InviteCreated event) {
      log.info("mail sent to {}", event.email());
    }
  }

  @Test
  void readmesPattern_formatsAHandlersLine_asTheReadmeShows() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("../README.md"));
    String pattern = readme.stream().map(String::strip)
        .filter(line -> line.startsWith("<pattern>") && line.contains("%X{event_id}"))
        .findFirst().orElseThrow()
        .replace("<pattern>", "").replace("</pattern>", "");
    String sample = sampleAfterPattern(readme);

    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern(pattern);
    layout.start();
    List<String> lines = new CopyOnWriteArrayList<>();
    AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        lines.add(layout.doLayout(event)); // formatted while the MDC is set, as a file appender
      }
    };
    appender.setContext(context);
    appender.start();
    Logger logger = context.getLogger(SendWelcomeMail.LOGGER);
    logger.setAdditive(false);
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    logger.addAppender(appender);
    try {
      SendWelcomeMail handler = new SendWelcomeMail();
      InProcessEventDispatcher dispatcher =
          InProcessEventDispatcher.builder().interceptor(EventMdc.interceptor()).build();
      dispatcher.register(InviteCreated.class, handler::handle);
      try (EventContext.Scope scope = EventContext.openCorrelation(UUID.randomUUID())) {
        dispatcher.dispatch(new InviteCreated("ada@example.com"));
      }
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(null);
      logger.setAdditive(true);
    }

    assertThat(lines).hasSize(1);
    String line = lines.get(0).stripTrailing();
    String expected = Pattern.quote(sample);
    expected = UUID_TEXT.matcher(expected)
        .replaceAll(Matcher.quoteReplacement("\\E" + UUID_TEXT.pattern() + "\\Q"));
    expected = TIME.matcher(expected)
        .replaceAll(Matcher.quoteReplacement("\\E" + TIME.pattern() + "\\Q"));
    assertThat(line).matches(expected);
  }

  /** The first line of the first code block after the one holding the pattern. */
  private static String sampleAfterPattern(List<String> readme) {
    int patternLine = 0;
    while (!readme.get(patternLine).strip().startsWith("<pattern>")) {
      patternLine++;
    }
    int fence = patternLine;
    while (!readme.get(fence).equals("```")) {
      fence++; // the end of the pattern's block
    }
    fence++;
    while (!readme.get(fence).startsWith("```")) {
      fence++; // the start of the next block
    }
    return readme.get(fence + 1);
  }
}
