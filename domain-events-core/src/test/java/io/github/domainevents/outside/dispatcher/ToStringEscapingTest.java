package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.domainevents.BaseDomainEvent;
import io.github.domainevents.DispatchReport;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.HandlerFailedException;
import io.github.domainevents.HandlerFailure;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.wire.UnknownEventTypeException;
import io.github.domainevents.outside.LogCapture;
import io.github.domainevents.outside.LogCapture;
import io.github.domainevents.trace.EventTrace;
import io.github.domainevents.trace.TracedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every text the library writes for a log (toString, exception messages, trace renderings, its
 * own log lines) escapes control characters, so a value holding a line break cannot forge a
 * second log line, and a terminal escape cannot reach the terminal.
 */
class ToStringEscapingTest {
  /** Captures the warnings and errors these tests cause on purpose. */
  @RegisterExtension final LogCapture logs = new LogCapture();

  /** Any control character the library must never write raw. */
  private static final Pattern RAW_CONTROL =
      Pattern.compile("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]");
  private static final String FORGERY = "ok\n12:00:00 INFO  admin logged in\u2028\u001b[31m";

  @EventType("bell\u0007type")
  record Noted(EventHeader header) implements DomainEvent {}

  @EventType("bell\u0007class")
  static final class Rung extends BaseDomainEvent {}

  private static void assertOneSafeLine(String text) {
    assertThat(RAW_CONTROL.matcher(text).find()).as("raw control character in <%s>", text).isFalse();
  }

  @Test
  void recordEventsAndHeaders_escapeMetadataKeysAndValues() {
    Noted event = new Noted(EventHeader.builder().metadata(Map.of("note", FORGERY)).build());

    assertOneSafeLine(event.header().toString());
    assertOneSafeLine(event.toString());
    assertThat(event.header().toString())
        .contains("note=ok\\n12:00:00 INFO  admin logged in\\u2028\\u001b[31m");
    assertThat(event.metadata()).containsEntry("note", FORGERY); // the value itself is kept
  }

  @Test
  void baseDomainEvents_escapeTheirEventType() {
    assertOneSafeLine(new Rung().toString());
    assertThat(new Rung().toString()).contains("type=bell\\u0007class");
  }

  @Test
  void reportsFailuresAndExceptions_escapeEventTypesAndFailureMessages() {
    List<HandlerFailure> failures = new ArrayList<>();
    InProcessEventDispatcher continuing =
        InProcessEventDispatcher.builder().reportAndContinue(failures::add).build();
    InProcessEventDispatcher runAll =
        InProcessEventDispatcher.builder().errorPolicy(ErrorPolicy.RUN_ALL_THEN_THROW).build();
    InProcessEventDispatcher failFast = new InProcessEventDispatcher();
    for (InProcessEventDispatcher dispatcher : List.of(continuing, runAll, failFast)) {
      dispatcher.register(Noted.class, event -> {
        throw new IllegalStateException(FORGERY);
      });
    }
    Noted event = new Noted(EventHeader.create());

    DispatchReport report = continuing.dispatchAndReport(event);
    EventDispatchException collected =
        (EventDispatchException) catchThrowable(() -> runAll.dispatch(event));
    Throwable propagated = catchThrowable(() -> failFast.dispatch(event));

    assertThat(report.toString().lines()).hasSize(2).allSatisfy(ToStringEscapingTest::assertOneSafeLine);
    assertThat(report.toString()).contains("bell\\u0007type", "ok\\n12:00:00");
    assertOneSafeLine(report.outcomes().get(0).toString());
    assertOneSafeLine(report.outcomes().get(0).handler().toString());
    assertOneSafeLine(failures.get(0).toString());
    assertThat(collected.getMessage().lines()).hasSize(2)
        .allSatisfy(ToStringEscapingTest::assertOneSafeLine);
    assertOneSafeLine(HandlerFailedException.in(propagated).orElseThrow().getMessage());
  }

  @Test
  void traces_escapeEventTypesAndFailures_inEveryRendering() {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .errorPolicy(ErrorPolicy.RUN_ALL_THEN_THROW).interceptor(trace).build();
    dispatcher.register(Noted.class, event -> {
      throw new IllegalStateException("\u001b[2Jcleared");
    });

    catchThrowable(() -> dispatcher.dispatch(new Noted(EventHeader.create())));

    TracedEvent traced = trace.events().get(0);
    assertOneSafeLine(traced.toString());
    assertOneSafeLine(traced.handlerRuns().get(0).toString());
    assertThat(trace.renderText().lines()).allSatisfy(ToStringEscapingTest::assertOneSafeLine);
    assertThat(trace.renderText()).contains("bell\\u0007type", "\\u001b[2Jcleared");
    assertThat(trace.renderMermaid().lines()).allSatisfy(ToStringEscapingTest::assertOneSafeLine);
  }

  @Test
  void unknownEventTypeReadFromOutside_isEscapedInTheMessage_butKeptAsRead() {
    UnknownEventTypeException unknown = catchThrowableOfType(UnknownEventTypeException.class,
        () -> EventTypeRegistry.of(Noted.class).classOf("x\n12:00:00 INFO forged"));

    assertOneSafeLine(unknown.getMessage());
    assertThat(unknown.eventType()).isEqualTo("x\n12:00:00 INFO forged");
  }

  @Test
  void theDispatchersOwnLogLines_escapeEventTypes() {
    try (LogCapture log = LogCapture.open()) {
      new InProcessEventDispatcher().dispatch(new Noted(EventHeader.create()));

      assertThat(log.records()).singleElement()
          .satisfies(record -> assertOneSafeLine(record.getMessage()))
          .satisfies(record -> assertThat(record.getMessage()).contains("bell\\u0007type"));
    }
  }
}
