package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventIdGenerator;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.CausalFixtures.OrderPlaced;
import io.github.domainevents.outside.CausalFixtures.PaymentTaken;
import io.github.domainevents.outside.CausalFixtures.StockReserved;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Correlation scopes: {@link EventContext#openCorrelation} and the read-only context view. */
class CorrelationScopeTest {
  private static final UUID REQUEST = UUID.fromString("0b5e7a1c-2d3f-4e5a-8b6c-7d8e9f0a1b2c");
  private static final UUID INNER = UUID.fromString("11111111-2222-4333-8444-555555555555");

  @AfterEach
  void contextIsCleanAfterEveryTest() {
    assertThat(EventContext.correlationId()).isEmpty();
    assertThat(EventContext.currentCause()).isEmpty();
  }

  @Test
  void outsideAnyScopeOrHandlerTheContextIsEmpty() {
    assertThat(EventContext.correlationId()).isEmpty();
    assertThat(EventContext.currentCause()).isEmpty();

    EventHeader header = EventHeader.create();
    assertThat(header.correlationId()).isEmpty();
    assertThat(header.causationId()).isEmpty();
  }

  @Test
  void eventsCreatedInsideAScopeGetItsCorrelationIdAndNoCause() {
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      assertThat(scope.correlationId()).isEqualTo(REQUEST);
      assertThat(EventContext.correlationId()).contains(REQUEST);
      assertThat(EventContext.currentCause()).isEmpty();

      EventHeader created = EventHeader.create();
      EventHeader built = EventHeader.builder().build();
      StockReserved subclassed = new StockReserved();
      OrderPlaced record = new OrderPlaced();

      assertThat(List.of(created, built, subclassed.header(), record.header()))
          .allSatisfy(header -> {
            assertThat(header.correlationId()).contains(REQUEST);
            assertThat(header.causationId()).isEmpty();
          });
    }
    assertThat(EventHeader.create().correlationId()).isEmpty();
  }

  @Test
  void explicitBuilderValuesWinOverTheScope() {
    UUID explicit = UUID.fromString("99999999-9999-4999-8999-999999999999");
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      assertThat(EventHeader.builder().correlationId(explicit).build().correlationId())
          .contains(explicit);
      assertThat(EventHeader.builder().correlationId(null).build().correlationId()).isEmpty();
    }
  }

  @Test
  void openCorrelationWithoutAnIdTakesTheNextIdFromTheCurrentGenerator() {
    UUID first = UUID.fromString("00000000-0000-7000-8000-000000000001");
    try (EventDefaults.Scope ids = EventDefaults.withIdGenerator(EventIdGenerator.sequential(first));
        EventContext.Scope scope = EventContext.openCorrelation()) {
      assertThat(scope.correlationId()).isEqualTo(first);
      EventHeader header = EventHeader.create();
      assertThat(header.correlationId()).contains(first);
      assertThat(header.eventId()).isNotEqualTo(first);
    }
  }

  @Test
  void openCorrelationRejectsANullIdNamingIt() {
    assertThatThrownBy(() -> EventContext.openCorrelation(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("correlationId");
    assertThat(EventContext.correlationId()).isEmpty();
  }

  @Test
  void nestedScopesRestoreTheOuterOneOnClose() {
    try (EventContext.Scope outer = EventContext.openCorrelation(REQUEST)) {
      try (EventContext.Scope inner = EventContext.openCorrelation(INNER)) {
        assertThat(EventContext.correlationId()).contains(INNER);
        assertThat(EventHeader.create().correlationId()).contains(INNER);
      }
      assertThat(EventContext.correlationId()).contains(REQUEST);
      assertThat(EventHeader.create().correlationId()).contains(REQUEST);
    }
    assertThat(EventContext.correlationId()).isEmpty();
  }

  @Test
  void closingOutOfOrderThrowsAClearExceptionAndChangesNothing() {
    EventContext.Scope outer = EventContext.openCorrelation(REQUEST);
    EventContext.Scope inner = EventContext.openCorrelation(INNER);
    try {
      assertThatThrownBy(outer::close)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("correlation scope " + REQUEST)
          .hasMessageContaining("out of order");

      assertThat(EventContext.correlationId()).contains(INNER);
      inner.close();
      assertThat(EventContext.correlationId())
          .as("the failed close did not end the outer scope")
          .contains(REQUEST);
    } finally {
      inner.close();
      outer.close();
    }
    assertThat(EventContext.correlationId()).isEmpty();
  }

  @Test
  void closingACorrelationScopeWhileAnEventDefaultsScopeOpenedInsideIsOpenIsOutOfOrderToo() {
    EventContext.Scope correlation = EventContext.openCorrelation(REQUEST);
    EventDefaults.Scope ids =
        EventDefaults.withIdGenerator(EventIdGenerator.sequential(new UUID(7, 1)));
    try {
      assertThatThrownBy(correlation::close).isInstanceOf(IllegalStateException.class);
      assertThat(EventContext.correlationId()).contains(REQUEST);
      assertThat(EventHeader.create().eventId()).isEqualTo(new UUID(7, 1));
    } finally {
      ids.close();
      correlation.close();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void closingOnAnotherThreadThrowsAndLeavesTheScopeOpen() throws Exception {
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      Thread other = new Thread(() -> {
        try {
          scope.close();
          failure.complete(null);
        } catch (Throwable thrown) {
          failure.complete(thrown);
        }
      }, "scope-closer");
      other.start();
      other.join();

      assertThat(failure.get())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("must be closed there")
          .hasMessageContaining("'" + Thread.currentThread().getName() + "'")
          .hasMessageContaining("'scope-closer'");
      assertThat(EventContext.correlationId()).contains(REQUEST);
    }
    assertThat(EventContext.correlationId()).isEmpty();
  }

  @Test
  void closingTwiceIsHarmlessAndDoesNotDisturbALaterScope() {
    try (EventContext.Scope outer = EventContext.openCorrelation(REQUEST)) {
      EventContext.Scope first = EventContext.openCorrelation(INNER);
      first.close();
      first.close();
      assertThat(EventContext.correlationId()).contains(REQUEST);

      UUID later = UUID.fromString("22222222-3333-4444-8555-666666666666");
      try (EventContext.Scope second = EventContext.openCorrelation(later)) {
        first.close();
        assertThat(EventContext.correlationId())
            .as("closing an already closed scope again restores nothing")
            .contains(later);
      }
      assertThat(EventContext.correlationId()).contains(REQUEST);
    }
  }

  @Test
  void insideAHandlerTheHandledEventIsTheCauseAndItsCorrelationIsCurrent() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<Optional<DomainEvent>> causes = new ArrayList<>();
    List<Optional<UUID>> correlations = new ArrayList<>();
    dispatcher.register(OrderPlaced.class, event -> {
      causes.add(EventContext.currentCause());
      correlations.add(EventContext.correlationId());
    });

    OrderPlaced withoutScope = new OrderPlaced();
    dispatcher.dispatch(withoutScope);
    OrderPlaced inScope;
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      inScope = new OrderPlaced();
    }
    dispatcher.dispatch(inScope);

    assertThat(causes).containsExactly(Optional.of(withoutScope), Optional.of(inScope));
    assertThat(correlations)
        .as("a root's own id starts its correlation; a correlated event passes its id on")
        .containsExactly(Optional.of(withoutScope.eventId()), Optional.of(REQUEST));
  }

  @Test
  void aScopeOpenedInsideAHandlerWinsOverTheHandledEventsCorrelationButNotItsCausation() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<PaymentTaken> raised = new ArrayList<>();
    dispatcher.register(OrderPlaced.class, event -> {
      try (EventContext.Scope scope = EventContext.openCorrelation(INNER)) {
        assertThat(EventContext.correlationId()).contains(INNER);
        assertThat(EventContext.currentCause()).containsSame(event);
        raised.add(new PaymentTaken());
      }
      raised.add(new PaymentTaken());
    });

    OrderPlaced placed;
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      placed = new OrderPlaced();
      dispatcher.dispatch(placed);
      assertThat(EventContext.correlationId()).contains(REQUEST);
    }

    PaymentTaken inInnerScope = raised.get(0);
    PaymentTaken afterInnerScope = raised.get(1);
    assertThat(inInnerScope.correlationId()).contains(INNER);
    assertThat(inInnerScope.causationId()).contains(placed.eventId());
    assertThat(afterInnerScope.correlationId()).contains(REQUEST);
    assertThat(afterInnerScope.causationId()).contains(placed.eventId());
  }

  @Test
  void aScopeAHandlerLeavesOpenEndsWithTheHandler() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<Optional<UUID>> seenBySecondHandler = new ArrayList<>();
    dispatcher.register(OrderPlaced.class, event -> EventContext.openCorrelation(INNER));
    dispatcher.register(OrderPlaced.class, event ->
        seenBySecondHandler.add(EventContext.correlationId()));

    OrderPlaced placed = new OrderPlaced();
    dispatcher.dispatch(placed);

    assertThat(seenBySecondHandler).containsExactly(Optional.of(placed.eventId()));
    assertThat(EventContext.correlationId()).isEmpty();
    assertThat(EventHeader.create().correlationId()).isEmpty();
  }

  @Test
  void aNestedEventIsCausedByTheHandledEventAndSharesItsCorrelation() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<DomainEvent> handled = new ArrayList<>();
    dispatcher.register(OrderPlaced.class, event -> dispatcher.dispatch(new PaymentTaken()));
    dispatcher.register(PaymentTaken.class, handled::add);

    OrderPlaced rootWithoutCorrelation = new OrderPlaced();
    dispatcher.dispatch(rootWithoutCorrelation);
    OrderPlaced rootInScope;
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      rootInScope = new OrderPlaced();
      dispatcher.dispatch(rootInScope);
    }

    assertThat(handled).hasSize(2);
    assertThat(handled.get(0).causationId()).contains(rootWithoutCorrelation.eventId());
    assertThat(handled.get(0).correlationId()).contains(rootWithoutCorrelation.eventId());
    assertThat(handled.get(1).causationId()).contains(rootInScope.eventId());
    assertThat(handled.get(1).correlationId()).contains(REQUEST);
  }

  /**
   * Regression: a handler could close a scope opened outside the dispatch; the dispatcher then
   * wrote the caller's correlation back after the handler, so the closed scope's id stayed
   * current on the thread for good. Handlers now start with no open scope, so the close is
   * rejected; either way nothing may leak afterwards.
   */
  @Test
  void closingAnOuterScopeInsideAHandlerLeaksNothingAfterTheDispatch() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    EventContext.Scope scope = EventContext.openCorrelation(REQUEST);
    dispatcher.register(OrderPlaced.class, event -> {
      try {
        scope.close();
      } catch (IllegalStateException rejected) {
        // an acceptable fix
      }
    });
    try {
      dispatcher.dispatch(new OrderPlaced());
    } finally {
      scope.close();
    }

    assertThat(EventContext.correlationId()).isEmpty();
    assertThat(EventHeader.create().correlationId()).isEmpty();
  }

  /** The same regression through {@link EventContext#wrap(Runnable)} run on the opening thread. */
  @Test
  void closingTheCapturedScopeInsideAWrappedTaskRunOnTheSameThreadLeaksNothing() {
    EventContext.Scope scope = EventContext.openCorrelation(REQUEST);
    Runnable task = EventContext.wrap(() -> {
      try {
        scope.close();
      } catch (IllegalStateException rejected) {
        // an acceptable fix
      }
    });
    try {
      task.run();
    } finally {
      scope.close();
    }

    assertThat(EventContext.correlationId()).isEmpty();
  }
}
