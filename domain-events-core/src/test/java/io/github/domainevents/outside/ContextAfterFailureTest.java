package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.domainevents.DispatchDepthExceededException;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.CausalFixtures.OrderPlaced;
import io.github.domainevents.outside.CausalFixtures.ParcelShipped;
import io.github.domainevents.outside.CausalFixtures.PaymentTaken;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TESTING.md, "Context propagation" and "Nesting": whatever a handler does, the dispatching
 * thread's context is exactly as before the dispatch once it returns or throws.
 */
class ContextAfterFailureTest {
  private static final UUID REQUEST = UUID.fromString("0b5e7a1c-2d3f-4e5a-8b6c-7d8e9f0a1b2c");

  private static void assertNoThreadLocalStateIsLeft() {
    assertThat(EventContext.currentCause()).isEmpty();
    assertThat(EventContext.correlationId()).isEmpty();
    EventHeader header = EventHeader.create();
    assertThat(header.causationId()).isEmpty();
    assertThat(header.correlationId()).isEmpty();
  }

  private static InProcessEventDispatcher dispatcherWith(ErrorPolicy policy) {
    InProcessEventDispatcher.Builder builder = InProcessEventDispatcher.builder();
    if (policy == ErrorPolicy.REPORT_AND_CONTINUE) {
      builder.reportAndContinue(failure -> { });
    } else {
      builder.errorPolicy(policy);
    }
    return builder.build();
  }

  @Test
  void afterASynchronousDispatchWhoseHandlerThrewNoThreadLocalStateIsLeft() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(OrderPlaced.class, event -> {
      EventContext.openCorrelation(UUID.randomUUID()); // left open, then the handler fails
      throw new IllegalStateException("handler failed");
    });

    assertThatThrownBy(() -> dispatcher.dispatch(new OrderPlaced()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("handler failed");

    assertNoThreadLocalStateIsLeft();
  }

  @ParameterizedTest
  @EnumSource(ErrorPolicy.class)
  void aNestedHandlerThatThrowsLeavesNoStateUnderEveryPolicy(ErrorPolicy policy) {
    InProcessEventDispatcher dispatcher = dispatcherWith(policy);
    dispatcher.register(OrderPlaced.class, event -> dispatcher.dispatch(new PaymentTaken()));
    dispatcher.register(PaymentTaken.class, event -> {
      throw new IllegalStateException("nested handler failed");
    });

    Throwable thrown = catchThrowable(() -> dispatcher.dispatch(new OrderPlaced()));

    if (policy == ErrorPolicy.REPORT_AND_CONTINUE) {
      assertThat(thrown).isNull();
    } else {
      assertThat(thrown).isNotNull();
    }

    assertNoThreadLocalStateIsLeft();
  }

  @Test
  void aCheckedFailureWrappedByTheDispatcherLeavesNoStateEither() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(OrderPlaced.class, event -> {
      throw new java.io.IOException("disk full");
    });

    assertThatThrownBy(() -> dispatcher.dispatch(new OrderPlaced()))
        .isInstanceOf(EventDispatchException.class);

    assertNoThreadLocalStateIsLeft();
  }

  @Test
  void aFailedDispatchInsideAScopeRestoresTheScopeNotAnEmptyContext() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(OrderPlaced.class, event -> {
      throw new IllegalStateException("handler failed");
    });

    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      assertThatThrownBy(() -> dispatcher.dispatch(new OrderPlaced()))
          .isInstanceOf(IllegalStateException.class);
      assertThat(EventContext.correlationId()).contains(REQUEST);
      assertThat(EventContext.currentCause()).isEmpty();
      assertThat(EventHeader.create().causationId()).isEmpty();
    }
    assertNoThreadLocalStateIsLeft();
  }

  @Test
  void theNextDispatchAfterAFailureSeesOnlyItsOwnEventAsCause() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<DomainEvent> raised = new ArrayList<>();
    dispatcher.register(OrderPlaced.class, event -> {
      raised.add(new PaymentTaken());
      dispatcher.dispatch(new ParcelShipped()); // its handler fails
    });
    dispatcher.register(ParcelShipped.class, event -> {
      throw new IllegalStateException("carrier down");
    });

    OrderPlaced first = new OrderPlaced();
    assertThatThrownBy(() -> dispatcher.dispatch(first)).hasMessage("carrier down");
    OrderPlaced second = new OrderPlaced();
    assertThatThrownBy(() -> dispatcher.dispatch(second)).hasMessage("carrier down");

    assertThat(second.causationId()).isEmpty();
    assertThat(raised).extracting(event -> event.causationId().orElseThrow())
        .containsExactly(first.eventId(), second.eventId());
    assertThat(raised.get(1).correlationId()).contains(second.eventId());
    assertNoThreadLocalStateIsLeft();
  }

  @Test
  void aCycleStopsAtTheDepthLimitAndLeavesTheThreadClean() {
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder().maxDepth(8).build();
    dispatcher.register(OrderPlaced.class, event -> dispatcher.dispatch(new PaymentTaken()));
    dispatcher.register(PaymentTaken.class, event -> dispatcher.dispatch(new OrderPlaced()));

    assertThatThrownBy(() -> dispatcher.dispatch(new OrderPlaced()))
        .isInstanceOf(DispatchDepthExceededException.class)
        .hasMessageContaining("order.placed")
        .hasMessageContaining("payment.taken");
    assertNoThreadLocalStateIsLeft();

    // The depth count was unwound too: a chain just under the limit still works.
    List<Integer> depths = new ArrayList<>();
    InProcessEventDispatcher shallow = InProcessEventDispatcher.builder().maxDepth(2).build();
    shallow.register(OrderPlaced.class, event -> shallow.dispatch(new PaymentTaken()));
    shallow.register(PaymentTaken.class, event -> depths.add(2));
    shallow.dispatch(new OrderPlaced());
    assertThat(depths).containsExactly(2);
  }
}
