package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.EventContext;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.CausalFixtures.OrderPlaced;
import io.github.domainevents.outside.CausalFixtures.ParcelShipped;
import io.github.domainevents.outside.CausalFixtures.PaymentTaken;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scope values (a clock, a correlation) that a handler or a wrapped task inherits without having
 * opened a scope: nested dispatches keep them and put them back, scopes opened on top of them
 * close back to them, and nothing outlives the code that opened the scope.
 */
class InheritedScopeValuesTest {
  private static final Clock FIRST = fixed("2026-01-01T00:00:00Z");
  private static final Clock SECOND = fixed("2026-02-02T00:00:00Z");

  private final InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void nothingIsLeftInEffect() {
    assertThat(EventContext.currentCause()).isEmpty();
    assertThat(EventContext.correlationId()).isEmpty();
    assertThat(EventDefaults.clock()).isNotIn(FIRST, SECOND);
  }

  @Test
  void aNestedDispatchInsideAHandler_keepsTheInheritedClock_andPutsBackTheOuterCause() {
    dispatcher.register(OrderPlaced.class, order -> {
      seen.add("before " + timeAndCause(order.eventId()));
      dispatcher.dispatch(new PaymentTaken());
      seen.add("after " + timeAndCause(order.eventId()));
    });
    dispatcher.register(PaymentTaken.class,
        payment -> seen.add("nested " + timeAndCause(payment.eventId())));

    try (EventDefaults.Scope scope = EventDefaults.withClock(FIRST)) {
      dispatcher.dispatch(new OrderPlaced());
      assertThat(EventHeader.create().occurredAt()).isEqualTo(FIRST.instant());
    }
    assertThat(seen).containsExactly(
        "before 2026-01-01T00:00:00Z caused by its event",
        "nested 2026-01-01T00:00:00Z caused by its event",
        "after 2026-01-01T00:00:00Z caused by its event");
  }

  @Test
  void aScopeOpenedInAHandlerOnTopOfInheritedValues_closesBackToThem() {
    dispatcher.register(OrderPlaced.class, order -> {
      try (EventDefaults.Scope inner = EventDefaults.withClock(SECOND)) {
        seen.add("inner " + EventHeader.create().occurredAt());
        dispatcher.dispatch(new PaymentTaken());
      }
      seen.add("closed " + EventHeader.create().occurredAt());
    });
    dispatcher.register(PaymentTaken.class,
        payment -> seen.add("nested " + EventHeader.create().occurredAt()));

    try (EventDefaults.Scope scope = EventDefaults.withClock(FIRST)) {
      dispatcher.dispatch(new OrderPlaced());
    }
    assertThat(seen).containsExactly(
        "inner 2026-02-02T00:00:00Z",
        "nested 2026-02-02T00:00:00Z",
        "closed 2026-01-01T00:00:00Z");
  }

  @Test
  void aScopeAHandlerLeavesOpen_isUndoneForTheNextHandlerAndTheCaller_whoCanStillCloseTheirs() {
    dispatcher.register(OrderPlaced.class, order -> {
      EventDefaults.withClock(SECOND); // left open: a bug in this handler
      seen.add("leaky " + EventHeader.create().occurredAt());
    });
    dispatcher.register(OrderPlaced.class,
        order -> seen.add("next " + EventHeader.create().occurredAt()));

    EventDefaults.Scope scope = EventDefaults.withClock(FIRST);
    try {
      dispatcher.dispatch(new OrderPlaced());
      assertThat(EventHeader.create().occurredAt()).isEqualTo(FIRST.instant());
    } finally {
      scope.close(); // would throw "closed out of order" if the handler's scope had survived
    }
    assertThat(seen).containsExactly("leaky 2026-02-02T00:00:00Z", "next 2026-01-01T00:00:00Z");
  }

  @Test
  void aScopeLeftOpenInANestedDispatch_isUndone_andTheOuterHandlerKeepsItsInheritedClock() {
    dispatcher.register(OrderPlaced.class, order -> {
      dispatcher.dispatch(new PaymentTaken());
      seen.add("outer handler " + EventHeader.create().occurredAt());
    });
    dispatcher.register(PaymentTaken.class, payment -> {
      EventDefaults.withClock(SECOND); // left open: a bug in this handler
    });

    try (EventDefaults.Scope scope = EventDefaults.withClock(FIRST)) {
      dispatcher.dispatch(new OrderPlaced());
    }
    assertThat(seen).containsExactly("outer handler 2026-01-01T00:00:00Z");
  }

  @Test
  void aHandlerSeesTheEventsCorrelation_andTheCallersScopeIsBackAfterwards() {
    UUID requestId = UUID.randomUUID();
    dispatcher.register(OrderPlaced.class, order -> {
      seen.add(EventContext.correlationId().equals(order.header().correlationId())
          ? "the event's correlation" : "something else");
      dispatcher.dispatch(new PaymentTaken());
    });
    dispatcher.register(PaymentTaken.class, payment -> seen.add(
        payment.header().correlationId().equals(Optional.of(requestId))
            ? "nested in the request" : "lost"));

    try (EventContext.Scope scope = EventContext.openCorrelation(requestId)) {
      dispatcher.dispatch(new OrderPlaced());
      assertThat(EventContext.correlationId()).contains(requestId);
    }
    assertThat(seen).containsExactly("the event's correlation", "nested in the request");
  }

  @Test
  @Timeout(30)
  void aWrappedTaskWithACapturedClock_dispatchesWithIt_andLeavesThePoolThreadClean()
      throws Exception {
    dispatcher.register(ParcelShipped.class,
        parcel -> seen.add("shipped " + timeAndCause(parcel.eventId())));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Runnable task;
      try (EventDefaults.Scope scope = EventDefaults.withClock(FIRST)) {
        task = EventContext.wrap(() -> dispatcher.dispatch(new ParcelShipped()));
      }
      pool.submit(task).get(10, TimeUnit.SECONDS);
      pool.submit(() -> seen.add("pool thread afterwards "
          + (EventDefaults.clock() == FIRST ? "still scoped" : "clean")
          + (EventContext.currentCause().isPresent() ? ", with a cause" : ""))).get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(seen).containsExactly(
        "shipped 2026-01-01T00:00:00Z caused by its event", "pool thread afterwards clean");
  }

  /** The time an event created now gets, and whether its cause is the event with {@code id}. */
  private static String timeAndCause(UUID id) {
    EventHeader header = EventHeader.create();
    return header.occurredAt() + (header.causationId().equals(Optional.of(id))
        ? " caused by its event" : " caused by " + header.causationId());
  }

  private static Clock fixed(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }
}
