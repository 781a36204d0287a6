package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

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
}
