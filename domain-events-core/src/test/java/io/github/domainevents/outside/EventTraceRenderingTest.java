package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.EventIdGenerator;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.CausalFixtures.OrderPlaced;
import io.github.domainevents.outside.CausalFixtures.ParcelShipped;
import io.github.domainevents.outside.CausalFixtures.PaymentTaken;
import io.github.domainevents.trace.EventTrace;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link EventTrace#renderText()} and {@link EventTrace#renderMermaid()}, with deterministic ids
 * from {@link EventIdGenerator#sequential}. Durations vary from run to run, so golden texts
 * replace them with {@code <t>} after checking their format.
 */
class EventTraceRenderingTest {
  private static final UUID REQUEST = UUID.fromString("0b5e7a1c-2d3f-4e5a-8b6c-7d8e9f0a1b2c");
  private static final UUID FIRST_ID = UUID.fromString("01a219cc-93f7-7000-ada7-0b0a5c0c1f9e");
  private static final Pattern DURATION = Pattern.compile("(?:[0-9]+ µs|[0-9]+\\.[0-9] ms)");

  /** Sends the mail and raises that it was sent. */
  static final class SendMail implements DomainEventHandler<OrderPlaced> {
    private final InProcessEventDispatcher dispatcher;

    SendMail(InProcessEventDispatcher dispatcher) {
      this.dispatcher = dispatcher;
    }

    @Override
    public void handle(OrderPlaced event) {
      dispatcher.dispatch(new PaymentTaken());
    }
  }

  /** Audits the mail, raising one event nobody handles and another one that is handled. */
  static final class Audit implements DomainEventHandler<PaymentTaken> {
    private final InProcessEventDispatcher dispatcher;

    Audit(InProcessEventDispatcher dispatcher) {
      this.dispatcher = dispatcher;
    }

    @Override
    public void handle(PaymentTaken event) {
      dispatcher.dispatch(new ParcelShipped());
    }
  }

  /** Fails with the message it is given. */
  static final class WarmCache implements DomainEventHandler<OrderPlaced> {
    private final String message;

    WarmCache(String message) {
      this.message = message;
    }

    @Override
    public void handle(OrderPlaced event) {
      throw new IllegalStateException(message);
    }
  }

  /** Records one order through SendMail (raising a payment, audited) and a failing WarmCache. */
  private static EventTrace story(String failureMessage) {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .errorPolicy(ErrorPolicy.RUN_ALL_THEN_THROW)
        .interceptor(trace)
        .deadEventHandler(trace.recordingDeadEvents(event -> { }))
        .build();
    dispatcher.register(OrderPlaced.class, new SendMail(dispatcher));
    dispatcher.register(OrderPlaced.class, new WarmCache(failureMessage));
    dispatcher.register(PaymentTaken.class, new Audit(dispatcher));

    try (EventDefaults.Scope ids = EventDefaults.withIdGenerator(EventIdGenerator.sequential(FIRST_ID));
        EventContext.Scope request = EventContext.openCorrelation(REQUEST)) {
      OrderPlaced order = new OrderPlaced();
      assertThatThrownBy(() -> dispatcher.dispatch(order))
          .isInstanceOf(EventDispatchException.class);
    }
    return trace;
  }

  /** Checks every duration has the expected ASCII format, then replaces it with {@code <t>}. */
  private static String withoutDurations(String rendered) {
    Matcher matcher = DURATION.matcher(rendered);
    return matcher.replaceAll("<t>");
  }

  @Test
  void theTextTreeShowsEventsRunsOutcomesAndShortIds() {
    String text = story("cache down").renderText();

    assertThat(withoutDurations(text)).isEqualTo(String.join("\n",
        "order.placed …5c0c1f9e  (correlation 0b5e7a1c-2d3f-4e5a-8b6c-7d8e9f0a1b2c)",
        "├─ EventTraceRenderingTest.SendMail ✓ <t>",
        "│  └─ payment.taken …5c0c1f9f",
        "│     └─ EventTraceRenderingTest.Audit ✓ <t>",
        "│        └─ parcel.shipped …5c0c1fa0",
        "└─ EventTraceRenderingTest.WarmCache ✗ <t> IllegalStateException: cache down",
        ""));
  }

  @Test
  void everyRunLineHasAWellFormedDuration() {
    String text = story("cache down").renderText();

    List<String> runLines = Arrays.stream(text.split("\n"))
        .filter(line -> line.contains("✓") || line.contains("✗"))
        .toList();
    assertThat(runLines).hasSize(3).allSatisfy(line ->
        assertThat(line).containsPattern("[✓✗] (?:[0-9]+ µs|[0-9]+\\.[0-9] ms)(?: |$)"));
  }

  @Test
  void severalRootsAreRenderedOneAfterAnother() {
    EventTrace trace = EventTrace.create();
    try (EventDefaults.Scope ids = EventDefaults.withIdGenerator(EventIdGenerator.sequential(FIRST_ID))) {
      trace.record(new OrderPlaced());
      trace.record(new ParcelShipped());
    }

    assertThat(trace.renderText()).isEqualTo(
        "order.placed …5c0c1f9e  (correlation 01a219cc-93f7-7000-ada7-0b0a5c0c1f9e)\n"
            + "parcel.shipped …5c0c1f9f  (correlation 01a219cc-93f7-7000-ada7-0b0a5c0c1f9f)\n");
  }

  @Test
  void renderTextOfOneRootShowsOnlyItsTree() {
    EventTrace trace = story("cache down");
    try (EventDefaults.Scope ids = EventDefaults.withIdGenerator(EventIdGenerator.sequential(new UUID(5, 5)))) {
      trace.record(new ParcelShipped());
    }

    String whole = trace.renderText();
    String first = trace.renderText(FIRST_ID);

    assertThat(whole).contains("…00000005");
    assertThat(first).doesNotContain("…00000005").hasLineCount(6);
    assertThat(whole).startsWith(first);
    assertThat(trace.renderText(UUID.randomUUID())).isEmpty();
    assertThat(trace.renderText(new UUID(FIRST_ID.getMostSignificantBits(),
        FIRST_ID.getLeastSignificantBits() + 1)))
        .as("a non-root can start a rendering too")
        .startsWith("payment.taken …5c0c1f9f  (correlation " + REQUEST + ")\n");
  }

  @Test
  void anEmptyTraceRendersNothing() {
    EventTrace trace = EventTrace.create();

    assertThat(trace.renderText()).isEmpty();
    assertThat(trace.renderMermaid()).isEqualTo("flowchart TD\n");
  }

  @Test
  void theMermaidChartHasOneNodePerEventAndRunAndMarksFailedRuns() {
    String mermaid = story("cache down").renderMermaid();

    assertThat(withoutDurations(mermaid)).isEqualTo(String.join("\n",
        "flowchart TD",
        "  E1[\"order.placed<br/>…5c0c1f9e\"]",
        "  E1 --> H1(\"EventTraceRenderingTest.SendMail ✓ <t>\")",
        "  E2[\"payment.taken<br/>…5c0c1f9f\"]",
        "  E2 --> H2(\"EventTraceRenderingTest.Audit ✓ <t>\")",
        "  E3[\"parcel.shipped<br/>…5c0c1fa0\"]",
        "  H2 --> E3",
        "  H1 --> E2",
        "  E1 --> H3(\"EventTraceRenderingTest.WarmCache ✗ <t> IllegalStateException: cache down\")",
        "  classDef failed fill:#fde2e2,stroke:#c62828,color:#8e0000",
        "  class H3 failed",
        ""));
  }

  @Test
  void theMermaidChartCountsNodesAndEdges() {
    String mermaid = story("cache down").renderMermaid();
    List<String> lines = Arrays.asList(mermaid.split("\n"));

    assertThat(lines.get(0)).isEqualTo("flowchart TD");
    assertThat(lines).filteredOn(line -> line.matches("  E\\d+\\[\".*\"]")).hasSize(3);
    assertThat(lines).filteredOn(line -> line.matches("  E\\d+ --> H\\d+\\(\".*\"\\)")).hasSize(3);
    assertThat(lines).filteredOn(line -> line.matches("  H\\d+ --> E\\d+")).hasSize(2);
    assertThat(lines).filteredOn(line -> line.startsWith("  class ")).containsExactly("  class H3 failed");
  }

  @Test
  void mermaidLabelsEscapeQuotesAndAngleBrackets() {
    String mermaid = story("say \"hi\" to <b>").renderMermaid();

    assertThat(mermaid).contains("IllegalStateException: say #quot;hi#quot; to #lt;b#gt;\")");
    for (String line : mermaid.split("\n")) {
      int open = line.indexOf("(\"");
      if (open >= 0) {
        String label = line.substring(open + 2, line.lastIndexOf("\")"));
        assertThat(label).doesNotContain("\"").doesNotContain("<").doesNotContain(">");
      }
    }
  }

  @Test
  void anAsynchronouslyRaisedChildIsMarkedAndDrawnWithADottedEdge() {
    EventTrace trace = EventTrace.create();
    try (EventDefaults.Scope ids = EventDefaults.withIdGenerator(EventIdGenerator.sequential(FIRST_ID))) {
      OrderPlaced order = new OrderPlaced();
      trace.record(order);
      ParcelShipped later;
      InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
      ParcelShipped[] holder = new ParcelShipped[1];
      dispatcher.register(OrderPlaced.class, event -> holder[0] = new ParcelShipped());
      dispatcher.dispatch(order); // not traced: only creates the child in the order's context
      later = holder[0];
      trace.record(later);
    }

    assertThat(trace.renderText()).isEqualTo(
        "order.placed …5c0c1f9e  (correlation 01a219cc-93f7-7000-ada7-0b0a5c0c1f9e)\n"
            + "└─ parcel.shipped …5c0c1f9f (raised outside a handler run)\n");
    assertThat(trace.renderMermaid()).isEqualTo(
        "flowchart TD\n"
            + "  E1[\"order.placed<br/>…5c0c1f9e\"]\n"
            + "  E2[\"parcel.shipped<br/>…5c0c1f9f\"]\n"
            + "  E1 -.-> E2\n");
  }

  @Test
  void aMultiLineFailureMessageStaysOnItsRunsLine() {
    EventTrace trace = story("cache down\nretry in 5 s\r\nsee runbook");

    String text = trace.renderText();
    assertThat(text.split("\n")).hasSize(6).allSatisfy(line ->
        assertThat(line).matches("(?:order|payment|parcel)\\..*|[│├└ ].*"));
    assertThat(text).contains(" IllegalStateException: cache down retry in 5 s see runbook\n");
    assertThat(text).doesNotContain("\r");

    String mermaid = trace.renderMermaid();
    assertThat(mermaid.split("\n")).allSatisfy(line ->
        assertThat(line).matches("flowchart TD|  .*"));
    assertThat(mermaid).doesNotContain("\r")
        .contains(" IllegalStateException: cache down retry in 5 s see runbook\")\n");
    assertThat(trace.events().get(0).handlerRuns().get(1).failure())
        .as("the recorded failure keeps the whole message")
        .isEqualTo("IllegalStateException: cache down\nretry in 5 s\r\nsee runbook");
  }

  @Test
  void durationsAreRenderedTheSameUnderAHostileDefaultLocale() {
    Locale original = Locale.getDefault();
    try {
      for (Locale hostile : List.of(
          Locale.forLanguageTag("hi-IN"), Locale.GERMANY, Locale.forLanguageTag("ar-EG"))) {
        Locale.setDefault(hostile);
        String text = slowStory().renderText();
        assertThat(text).as("under %s", hostile).containsPattern("SlowHandler ✓ [0-9]+\\.[0-9] ms\n");
      }
    } finally {
      Locale.setDefault(original);
    }
  }

  /** Takes long enough that its duration is printed in milliseconds. */
  static final class SlowHandler implements DomainEventHandler<OrderPlaced> {
    @Override
    public void handle(OrderPlaced event) throws InterruptedException {
      Thread.sleep(5);
    }
  }

  private static EventTrace slowStory() {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(trace).build();
    dispatcher.register(OrderPlaced.class, new SlowHandler());
    dispatcher.dispatch(new OrderPlaced());
    return trace;
  }
}
