package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.CausalFixtures.OrderPlaced;
import io.github.domainevents.outside.CausalFixtures.ParcelShipped;
import io.github.domainevents.outside.CausalFixtures.PaymentTaken;
import io.github.domainevents.trace.EventTrace;
import io.github.domainevents.trace.HandlerRun;
import io.github.domainevents.trace.TracedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link EventTrace}: what it records while dispatches run, and the queries over it. */
class EventTraceTest {
  private static final UUID REQUEST = UUID.fromString("0b5e7a1c-2d3f-4e5a-8b6c-7d8e9f0a1b2c");

  /** H1: handles the order and raises the payment, synchronously. */
  static final class TakePayment implements DomainEventHandler<OrderPlaced> {
    private final InProcessEventDispatcher dispatcher;

    TakePayment(InProcessEventDispatcher dispatcher) {
      this.dispatcher = dispatcher;
    }

    @Override
    public void handle(OrderPlaced event) {
      dispatcher.dispatch(new PaymentTaken());
    }
  }

  /** H2: handles the payment. */
  static final class PrintReceipt implements DomainEventHandler<PaymentTaken> {
    @Override
    public void handle(PaymentTaken event) {}
  }

  /** H3: fails. */
  static final class WarmCache implements DomainEventHandler<OrderPlaced> {
    @Override
    public void handle(OrderPlaced event) {
      throw new IllegalStateException("cache down");
    }
  }

  /** A traced run-all dispatcher with H1 and H3 for the order and H2 for the payment. */
  private static InProcessEventDispatcher storyDispatcher(EventTrace trace) {
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .errorPolicy(ErrorPolicy.RUN_ALL_THEN_THROW)
        .interceptor(trace)
        .build();
    dispatcher.register(OrderPlaced.class, new TakePayment(dispatcher));
    dispatcher.register(OrderPlaced.class, new WarmCache());
    dispatcher.register(PaymentTaken.class, new PrintReceipt());
    return dispatcher;
  }

  /** Dispatches a new order through the story and returns it. */
  private static OrderPlaced runStory(InProcessEventDispatcher dispatcher) {
    OrderPlaced order = new OrderPlaced();
    assertThatThrownBy(() -> dispatcher.dispatch(order))
        .isInstanceOf(EventDispatchException.class);
    return order;
  }

  @Test
  void theRecordedTreeMatchesWhatRan() {
    EventTrace trace = EventTrace.create();
    OrderPlaced order = runStory(storyDispatcher(trace));

    assertThat(trace.roots()).singleElement().satisfies(root -> {
      assertThat(root.eventId()).isEqualTo(order.eventId());
      assertThat(root.eventType()).isEqualTo("order.placed");
      assertThat(root.causationId()).isNull();
      assertThat(root.cause()).isEmpty();
      assertThat(root.occurredAt()).isEqualTo(order.occurredAt());
      assertThat(root.anyHandlerFailed()).isTrue();
      assertThat(root.handlerRuns()).extracting(HandlerRun::handler)
          .containsExactly("EventTraceTest.TakePayment", "EventTraceTest.WarmCache");
    });

    TracedEvent root = trace.roots().get(0);
    HandlerRun takePayment = root.handlerRuns().get(0);
    HandlerRun warmCache = root.handlerRuns().get(1);
    TracedEvent payment = trace.children(order.eventId()).get(0);

    assertThat(takePayment.failed()).isFalse();
    assertThat(takePayment.failure()).isNull();
    assertThat(takePayment.running()).isFalse();
    assertThat(takePayment.raisedEvents()).containsExactly(payment.eventId());
    assertThat(takePayment.duration().isNegative()).isFalse();

    assertThat(warmCache.failed()).isTrue();
    assertThat(warmCache.failure()).isEqualTo("IllegalStateException: cache down");
    assertThat(warmCache.running()).isFalse();
    assertThat(warmCache.raisedEvents()).isEmpty();
    assertThat(warmCache.startedAt()).isAfterOrEqualTo(takePayment.startedAt());

    assertThat(payment.eventType()).isEqualTo("payment.taken");
    assertThat(payment.causationId()).isEqualTo(order.eventId());
    assertThat(payment.correlationId()).isEqualTo(order.eventId());
    assertThat(payment.anyHandlerFailed()).isFalse();
    assertThat(payment.handlerRuns()).singleElement().satisfies(run -> {
      assertThat(run.handler()).isEqualTo("EventTraceTest.PrintReceipt");
      assertThat(run.failed()).isFalse();
      assertThat(run.raisedEvents()).isEmpty();
    });
  }

  @Test
  void queriesAnswerFromTheRecordedTree() {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher dispatcher = storyDispatcher(trace);
    OrderPlaced order;
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      order = runStory(dispatcher);
    }
    OrderPlaced unrelated = runStory(dispatcher);
    UUID payment = trace.children(order.eventId()).get(0).eventId();
    UUID unrelatedPayment = trace.children(unrelated.eventId()).get(0).eventId();

    assertThat(trace.size()).isEqualTo(4);
    assertThat(trace.events()).extracting(TracedEvent::eventId)
        .containsExactly(order.eventId(), payment, unrelated.eventId(), unrelatedPayment);
    assertThat(trace.roots()).extracting(TracedEvent::eventId)
        .containsExactly(order.eventId(), unrelated.eventId());
    assertThat(trace.children(payment)).isEmpty();
    assertThat(trace.children(UUID.randomUUID())).isEmpty();

    assertThat(trace.chain(payment)).extracting(TracedEvent::eventId)
        .containsExactly(order.eventId(), payment);
    assertThat(trace.chain(order.eventId())).extracting(TracedEvent::eventId)
        .containsExactly(order.eventId());
    assertThat(trace.chain(UUID.randomUUID())).isEmpty();

    assertThat(trace.correlated(REQUEST)).extracting(TracedEvent::eventId)
        .containsExactly(order.eventId(), payment);
    assertThat(trace.correlated(order.eventId())).isEmpty();
    assertThat(trace.correlated(unrelated.eventId()))
        .as("a root without a correlation id is correlated with its own id")
        .extracting(TracedEvent::eventId)
        .containsExactly(unrelated.eventId(), unrelatedPayment);

    assertThat(trace.find(payment)).get().extracting(TracedEvent::causationId)
        .isEqualTo(order.eventId());
    assertThat(trace.find(UUID.randomUUID())).isEmpty();
  }

  @Test
  void snapshotsDoNotChangeWhenMoreIsRecorded() {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher dispatcher = storyDispatcher(trace);
    runStory(dispatcher);
    List<TracedEvent> before = trace.events();

    runStory(dispatcher);

    assertThat(before).hasSize(2);
    assertThat(trace.events()).hasSize(4);
    assertThatThrownBy(() -> before.add(before.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> before.get(0).handlerRuns().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theTraceReportsHandlerFailuresUnchanged() {
    EventTrace trace = EventTrace.create();
    IllegalStateException failure = new IllegalStateException("cache down");
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(trace).build();
    dispatcher.register(OrderPlaced.class, event -> {
      throw failure;
    });

    assertThatThrownBy(() -> dispatcher.dispatch(new OrderPlaced())).isSameAs(failure);
    assertThat(trace.events().get(0).handlerRuns().get(0).failure())
        .isEqualTo("IllegalStateException: cache down");
  }

  @Test
  void underReportAndContinueTheTraceAndTheErrorHandlerBothSeeTheFailure() {
    EventTrace trace = EventTrace.create();
    List<Throwable> reported = new ArrayList<>();
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .interceptor(trace)
        .reportAndContinue(failure -> reported.add(failure.exception()))
        .build();
    dispatcher.register(OrderPlaced.class, new WarmCache());
    dispatcher.register(OrderPlaced.class, new PrintOrder());

    dispatcher.dispatch(new OrderPlaced());

    assertThat(reported).singleElement().satisfies(failure ->
        assertThat(failure).hasMessage("cache down"));
    assertThat(trace.events().get(0).handlerRuns())
        .extracting(HandlerRun::handler, HandlerRun::failure)
        .containsExactly(
            tuple(
                "EventTraceTest.WarmCache", "IllegalStateException: cache down"),
            tuple("EventTraceTest.PrintOrder", null));
  }

  @Test
  void aFailureWithoutAMessageIsSummarisedByItsSimpleName() {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(trace).build();
    dispatcher.register(OrderPlaced.class, event -> {
      throw new UnsupportedOperationException();
    });

    assertThatThrownBy(() -> dispatcher.dispatch(new OrderPlaced()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(trace.events().get(0).handlerRuns().get(0).failure())
        .isEqualTo("UnsupportedOperationException");
  }

  @Test
  void aRunningHandlerIsShownAsRunning() {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(trace).build();
    List<HandlerRun> seenFromInside = new ArrayList<>();
    List<String> textFromInside = new ArrayList<>();
    dispatcher.register(OrderPlaced.class, event -> {
      seenFromInside.addAll(trace.find(event.eventId()).orElseThrow().handlerRuns());
      textFromInside.add(trace.renderText());
    });

    OrderPlaced order = new OrderPlaced();
    dispatcher.dispatch(order);

    assertThat(seenFromInside).singleElement().satisfies(run -> {
      assertThat(run.running()).isTrue();
      assertThat(run.failed()).isFalse();
      assertThat(run.duration()).isEqualTo(Duration.ZERO);
    });
    assertThat(textFromInside.get(0)).contains("… running");
    assertThat(trace.find(order.eventId()).orElseThrow().handlerRuns().get(0).running()).isFalse();
  }

  @Test
  void deadEventsAreRecordedAndPassedOnExactlyOnce() {
    EventTrace trace = EventTrace.create();
    List<DomainEvent> passedOn = new ArrayList<>();
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .interceptor(trace)
        .deadEventHandler(trace.recordingDeadEvents(passedOn::add))
        .build();
    dispatcher.register(OrderPlaced.class, event -> dispatcher.dispatch(new ParcelShipped()));

    ParcelShipped unheardRoot = new ParcelShipped();
    dispatcher.dispatch(unheardRoot);
    OrderPlaced order = new OrderPlaced();
    dispatcher.dispatch(order);

    assertThat(passedOn).hasSize(2);
    assertThat(passedOn.get(0)).isSameAs(unheardRoot);
    DomainEvent unheardChild = passedOn.get(1);

    assertThat(trace.find(unheardRoot.eventId())).get().satisfies(event -> {
      assertThat(event.handlerRuns()).isEmpty();
      assertThat(event.causationId()).isNull();
    });
    assertThat(trace.roots()).extracting(TracedEvent::eventId)
        .containsExactly(unheardRoot.eventId(), order.eventId());
    assertThat(trace.children(order.eventId())).extracting(TracedEvent::eventId)
        .containsExactly(unheardChild.eventId());
    assertThat(trace.find(order.eventId()).orElseThrow().handlerRuns().get(0).raisedEvents())
        .as("a dead event raised in a handler belongs to that handler run")
        .containsExactly(unheardChild.eventId());
  }

  @Test
  void whatTheDeadEventHandlerThrowsStillPropagatesAfterRecording() {
    EventTrace trace = EventTrace.create();
    IllegalStateException refused = new IllegalStateException("no handler");
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .deadEventHandler(trace.recordingDeadEvents(event -> {
          throw refused;
        }))
        .build();
    ParcelShipped unheard = new ParcelShipped();

    assertThatThrownBy(() -> dispatcher.dispatch(unheard)).isSameAs(refused);
    assertThat(trace.find(unheard.eventId())).isPresent();
  }

  @Test
  void recordAddsAnEventOnceAndRejectsNull() {
    EventTrace trace = EventTrace.create();
    OrderPlaced order = new OrderPlaced();

    trace.record(order);
    trace.record(order);

    assertThat(trace.size()).isEqualTo(1);
    assertThatThrownBy(() -> trace.record(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> trace.recordingDeadEvents(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void anEventDispatchedTwiceIsOneEventWithTheRunsOfBothDispatches() {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(trace).build();
    dispatcher.register(OrderPlaced.class, new PrintOrder());
    OrderPlaced order = new OrderPlaced();

    dispatcher.dispatch(order);
    dispatcher.dispatch(order);

    assertThat(trace.events()).singleElement()
        .satisfies(event -> assertThat(event.handlerRuns()).hasSize(2));
  }

  /** A handler that does nothing. */
  static final class PrintOrder implements DomainEventHandler<OrderPlaced> {
    @Override
    public void handle(OrderPlaced event) {}
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anEventDispatchedAsynchronouslyFromAHandlerHangsUnderItsCauseNotUnderTheRun()
      throws Exception {
    EventTrace trace = EventTrace.create();
    List<CompletableFuture<?>> pending = new CopyOnWriteArrayList<>();
    OrderPlaced order = new OrderPlaced();
    try (InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(trace).build()) {
      dispatcher.register(OrderPlaced.class, event ->
          pending.add(dispatcher.dispatchAsync(new PaymentTaken())));
      dispatcher.register(PaymentTaken.class, new PrintReceipt());

      dispatcher.dispatch(order);
      for (CompletableFuture<?> future : pending) {
        future.get(30, TimeUnit.SECONDS);
      }
    }

    TracedEvent root = trace.find(order.eventId()).orElseThrow();
    assertThat(trace.roots()).extracting(TracedEvent::eventId).containsExactly(order.eventId());
    assertThat(trace.children(order.eventId())).singleElement().satisfies(payment -> {
      assertThat(payment.eventType()).isEqualTo("payment.taken");
      assertThat(payment.handlerRuns()).extracting(HandlerRun::handler)
          .containsExactly("EventTraceTest.PrintReceipt");
    });
    assertThat(root.handlerRuns()).singleElement()
        .satisfies(run -> assertThat(run.raisedEvents()).isEmpty());
    assertThat(trace.renderText())
        .contains("└─ payment.taken …")
        .contains("(raised outside a handler run)");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anEventRaisedByWorkAHandlerHandsToAnotherThreadHangsUnderItsCause() throws Exception {
    EventTrace trace = EventTrace.create();
    ExecutorService pool = EventContext.wrap(Executors.newSingleThreadExecutor());
    List<Future<?>> pending = new CopyOnWriteArrayList<>();
    try {
      InProcessEventDispatcher dispatcher =
          InProcessEventDispatcher.builder().interceptor(trace).build();
      dispatcher.register(OrderPlaced.class, event ->
          pending.add(pool.submit(() -> dispatcher.dispatch(new PaymentTaken()))));
      dispatcher.register(PaymentTaken.class, new PrintReceipt());

      OrderPlaced order = new OrderPlaced();
      dispatcher.dispatch(order);
      pending.get(0).get(30, TimeUnit.SECONDS);

      assertThat(trace.roots()).extracting(TracedEvent::eventId).containsExactly(order.eventId());
      assertThat(trace.chain(trace.children(order.eventId()).get(0).eventId()))
          .extracting(TracedEvent::eventType)
          .containsExactly("order.placed", "payment.taken");
      assertThat(trace.find(order.eventId()).orElseThrow().handlerRuns().get(0).raisedEvents())
          .isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withCapacityKeepsTheNewestEventsAndOrphansBecomeRoots() {
    EventTrace trace = EventTrace.withCapacity(3);
    List<DomainEvent> chain = new ArrayList<>();
    DomainEvent previous = null;
    for (int i = 0; i < 5; i++) {
      EventHeader.Builder header = EventHeader.builder();
      if (previous != null) {
        header.causationId(previous.eventId()).correlationId(chain.get(0).eventId());
      }
      previous = new OrderPlaced(header.build());
      chain.add(previous);
      trace.record(previous);
    }

    assertThat(trace.size()).isEqualTo(3);
    assertThat(trace.events()).extracting(TracedEvent::eventId)
        .containsExactly(chain.get(2).eventId(), chain.get(3).eventId(), chain.get(4).eventId());
    assertThat(trace.find(chain.get(0).eventId())).isEmpty();
    assertThat(trace.find(chain.get(1).eventId())).isEmpty();
    assertThat(trace.roots()).extracting(TracedEvent::eventId)
        .as("the third event lost its cause to eviction and is a root now")
        .containsExactly(chain.get(2).eventId());
    assertThat(trace.children(chain.get(1).eventId())).isEmpty();
    assertThat(trace.children(chain.get(2).eventId())).extracting(TracedEvent::eventId)
        .containsExactly(chain.get(3).eventId());
    assertThat(trace.chain(chain.get(4).eventId())).extracting(TracedEvent::eventId)
        .containsExactly(chain.get(2).eventId(), chain.get(3).eventId(), chain.get(4).eventId());
    assertThat(trace.renderText()).startsWith("order.placed ").hasLineCount(3);
    assertThat(trace.toString()).isEqualTo("EventTrace[3 of 3 events]");
  }

  @Test
  void evictionDuringADispatchKeepsTheNewestEventsAndTheTreeRenderable() {
    EventTrace trace = EventTrace.withCapacity(1);
    runStory(storyDispatcher(trace));

    assertThat(trace.size()).isEqualTo(1);
    assertThat(trace.roots()).hasSize(1);
    assertThat(trace.renderText()).isNotEmpty();
    assertThat(trace.renderMermaid()).startsWith("flowchart TD\n");
  }

  @Test
  void capacityMustBeAtLeastOne() {
    assertThatThrownBy(() -> EventTrace.withCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity")
        .hasMessageContaining("0");
    assertThat(EventTrace.withCapacity(1).size()).isZero();
    assertThat(EventTrace.create().toString()).isEqualTo("EventTrace[0 of 10000 events]");
  }

  @Test
  void clearForgetsEverything() {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher dispatcher = storyDispatcher(trace);
    OrderPlaced order = runStory(dispatcher);

    trace.clear();

    assertThat(trace.size()).isZero();
    assertThat(trace.events()).isEmpty();
    assertThat(trace.roots()).isEmpty();
    assertThat(trace.find(order.eventId())).isEmpty();
    assertThat(trace.children(order.eventId())).isEmpty();
    assertThat(trace.renderText()).isEmpty();

    OrderPlaced next = runStory(dispatcher);
    assertThat(trace.roots()).extracting(TracedEvent::eventId).containsExactly(next.eventId());
    assertThat(trace.size()).isEqualTo(2);
  }

  @Test
  void clearingWhileAHandlerRunsLetsTheRunCompleteNormally() {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(trace).build();
    dispatcher.register(OrderPlaced.class, event -> {
      trace.clear();
      dispatcher.dispatch(new PaymentTaken());
    });
    dispatcher.register(PaymentTaken.class, new PrintReceipt());

    dispatcher.dispatch(new OrderPlaced());

    assertThat(trace.roots()).singleElement().satisfies(payment -> {
      assertThat(payment.eventType()).isEqualTo("payment.taken");
      assertThat(payment.handlerRuns()).singleElement()
          .satisfies(run -> assertThat(run.running()).isFalse());
    });
    assertThat(trace.renderText()).startsWith("payment.taken ");
  }

  /** Builds an event with explicit, possibly corrupt, ids: as read from a buggy producer. */
  private static OrderPlaced explicit(UUID id, UUID cause) {
    return new OrderPlaced(EventHeader.of(id, Instant.EPOCH, null, cause, Map.of()));
  }

  /** Regression: an event that is its own cause vanished from roots and renderings, and
   * renderText(its id) overflowed the stack; chain(its id) listed it twice. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anEventThatIsItsOwnCauseIsShownOnceAndEveryQueryEnds() {
    EventTrace trace = EventTrace.create();
    UUID id = new UUID(0, 0x5e1f);
    trace.record(explicit(id, id));

    assertThat(trace.roots()).extracting(TracedEvent::eventId).containsExactly(id);
    assertThat(trace.chain(id)).extracting(TracedEvent::eventId).containsExactly(id);
    assertThat(trace.renderText()).isEqualTo(
        "order.placed …00005e1f  (correlation 00000000-0000-0000-0000-000000005e1f)\n");
    assertThat(trace.renderText(id)).isEqualTo(trace.renderText());
    assertThat(trace.renderMermaid())
        .isEqualTo("flowchart TD\n  E1[\"order.placed<br/>…00005e1f\"]\n");
  }

  /** Regression: two events naming each other as cause were hidden from roots and renderings. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void eventsCausingEachOtherAreEachShownOnceUnderTheOldest() {
    EventTrace trace = EventTrace.create();
    UUID first = new UUID(0, 0xa);
    UUID second = new UUID(0, 0xb);
    UUID below = new UUID(0, 0xc);
    OrderPlaced ordinary = new OrderPlaced();
    trace.record(ordinary);
    trace.record(explicit(first, second));
    trace.record(explicit(second, first));
    trace.record(explicit(below, second));

    assertThat(trace.roots()).extracting(TracedEvent::eventId)
        .containsExactly(ordinary.eventId(), first);
    assertThat(trace.chain(first)).extracting(TracedEvent::eventId).containsExactly(second, first);
    assertThat(trace.chain(below)).extracting(TracedEvent::eventId)
        .containsExactly(first, second, below);
    String text = trace.renderText();
    assertThat(text.lines().filter(line -> line.contains("…0000000a"))).hasSize(1);
    assertThat(text.lines().filter(line -> line.contains("…0000000b"))).hasSize(1);
    assertThat(text.lines().filter(line -> line.contains("…0000000c"))).hasSize(1);
    assertThat(text).hasLineCount(4);
    assertThat(trace.renderText(second)).hasLineCount(3);
    assertThat(trace.renderMermaid().lines().filter(line -> line.matches("  E\\d+\\[.*")))
        .hasSize(4);
  }

  @Test
  void aHandlerRunsDuration_liesWithinTheDispatchThatRanIt() {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(trace).build();
    dispatcher.register(OrderPlaced.class, event -> { });
    OrderPlaced order = new OrderPlaced();

    long before = System.nanoTime();
    dispatcher.dispatch(order);
    Duration window = Duration.ofNanos(System.nanoTime() - before);

    HandlerRun run = trace.find(order.eventId()).orElseThrow().handlerRuns().get(0);
    assertThat(run.running()).isFalse();
    assertThat(run.duration()).isBetween(Duration.ZERO, window);
  }
}
