package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DispatchDepthExceededException;
import io.github.domainevents.DispatchReport;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventIdGenerator;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.CausalFixtures.OrderPlaced;
import io.github.domainevents.outside.CausalFixtures.ParcelShipped;
import io.github.domainevents.outside.CausalFixtures.PaymentTaken;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A wrapped task run on the same thread, in the middle of a dispatch, runs in its captured
 * context on top of the dispatch in progress and leaves that dispatch exactly as it was: the
 * handler's cause, and after the dispatch the caller's scopes, are back.
 */
class WrappedTaskInsideAHandlerTest {

  @Test
  void aTaskCapturedOutsideAnyDispatchRunsInsideAHandlerWithoutTouchingIt() {
    Clock fixed = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);
    Runnable[] task = new Runnable[1];
    List<Optional<DomainEvent>> causesSeen = new ArrayList<>();
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<DomainEvent> raised = new ArrayList<>();
    dispatcher.register(PaymentTaken.class, event -> causesSeen.add(EventContext.currentCause()));
    dispatcher.register(OrderPlaced.class, event -> {
      task[0].run(); // installs the captured (empty) context over this dispatch, then removes it
      raised.add(new ParcelShipped());
      causesSeen.add(EventContext.currentCause());
    });
    UUID correlation = UUID.randomUUID();
    task[0] = EventContext.wrap(() -> {
      causesSeen.add(EventContext.currentCause());
      dispatcher.dispatch(new PaymentTaken());
    });

    OrderPlaced order;
    try (EventDefaults.Scope defaults = EventDefaults.with(fixed, EventIdGenerator.random());
        EventContext.Scope scope = EventContext.openCorrelation(correlation)) {
      order = new OrderPlaced();
      dispatcher.dispatch(order);

      assertThat(EventDefaults.clock()).as("the caller's scoped clock is back").isSameAs(fixed);
      assertThat(EventContext.correlationId()).contains(correlation);
      assertThat(EventContext.currentCause()).isEmpty();
    }

    assertThat(causesSeen).hasSize(3);
    assertThat(causesSeen.get(0)).as("the task runs with its captured context: no cause").isEmpty();
    assertThat(causesSeen.get(1)).as("the task's own dispatch is its cause")
        .hasValueSatisfying(cause -> assertThat(cause).isInstanceOf(PaymentTaken.class));
    assertThat(causesSeen.get(2)).as("back in the handler: the handled event again")
        .contains(order);
    assertThat(raised.get(0).causationId()).contains(order.eventId());
    assertThat(raised.get(0).correlationId()).contains(correlation);
    assertThat(raised.get(0).occurredAt()).isEqualTo(fixed.instant());
    assertThat(EventContext.correlationId()).isEmpty();
  }

  /**
   * The nesting limit counts the chain the task carries, not the dispatches in progress beneath
   * it on the thread; and a context captured there carries exactly that chain.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aTaskRunInsideAHandlerCountsAndCapturesOnlyItsOwnChain() throws Exception {
    InProcessEventDispatcher outer = new InProcessEventDispatcher();
    InProcessEventDispatcher limited = InProcessEventDispatcher.builder().maxDepth(2).build();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<Object> seen = new ArrayList<>();
    try {
      Runnable task = EventContext.wrap(() -> limited.dispatch(new PaymentTaken()));
      limited.register(PaymentTaken.class, payment -> limited.dispatch(new ParcelShipped()));
      limited.register(ParcelShipped.class, parcel -> {
        Callable<Optional<DomainEvent>> carried = EventContext.wrap(EventContext::currentCause);
        seen.add(pool.submit(carried).get(10, TimeUnit.SECONDS).orElseThrow());
        try {
          limited.dispatch(new PaymentTaken()); // the third in the task's chain: over the limit
        } catch (DispatchDepthExceededException expected) {
          seen.add(expected.chain());
        }
      });
      outer.register(OrderPlaced.class, order -> outer.dispatch(new OrderPlaced.Nested()));
      outer.register(OrderPlaced.Nested.class, nested -> task.run()); // two dispatches beneath

      outer.dispatch(new OrderPlaced());
    } finally {
      pool.shutdownNow();
    }

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).isInstanceOf(ParcelShipped.class);
    assertThat(seen.get(1)).isEqualTo(List.of("payment.taken", "parcel.shipped", "payment.taken"));
  }

  /** Under the reporting path too, each handler starts from the dispatch's context. */
  @Test
  void aScopeOneHandlerLeavesOpenIsGoneForTheNextOnTheReportingPath() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    Clock fixed = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);
    List<Object> seen = new ArrayList<>();
    dispatcher.register(OrderPlaced.class, event -> {
      EventContext.openCorrelation(UUID.randomUUID()); // left open on purpose
      EventDefaults.withClock(fixed); // left open on purpose
    });
    dispatcher.register(OrderPlaced.class, event -> {
      seen.add(EventContext.correlationId());
      seen.add(EventDefaults.clock());
    });

    OrderPlaced order = new OrderPlaced();
    DispatchReport report = dispatcher.dispatchAndReport(order);

    assertThat(report.succeeded()).isTrue();
    assertThat(seen.get(0)).as("the handled event's correlation, not the leaked scope's")
        .isEqualTo(Optional.of(order.eventId()));
    assertThat(seen.get(1)).isNotSameAs(fixed);
    assertThat(EventDefaults.clock()).isNotSameAs(fixed);
    assertThat(EventContext.correlationId()).isEmpty();
  }
}
