package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.outside.CausalFixtures.OrderPlaced;
import io.github.domainevents.outside.CausalFixtures.PaymentTaken;
import io.github.domainevents.trace.EventTrace;
import io.github.domainevents.trace.TracedEvent;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Evicting an event that has a cause (not a root) unlinks it from its cause's children and
 * nothing else: the cause keeps its other children, and a cause left with none lists none.
 */
class EventTraceEvictionTest {

  @Test
  void evictingAChildKeepsItsSiblingsUnderTheCause() {
    EventTrace trace = EventTrace.withCapacity(3);
    OrderPlaced cause = new OrderPlaced();
    DomainEvent first = causedBy(cause);
    DomainEvent second = causedBy(cause);

    trace.record(first); // recorded before its cause: the oldest, so evicted first
    trace.record(cause);
    trace.record(second);
    trace.record(new OrderPlaced()); // over capacity: evicts `first`, a non-root

    assertThat(trace.find(first.eventId())).isEmpty();
    assertThat(trace.children(cause.eventId())).extracting(TracedEvent::eventId)
        .containsExactly(second.eventId());
    assertThat(trace.chain(second.eventId())).extracting(TracedEvent::eventId)
        .containsExactly(cause.eventId(), second.eventId());
    assertThat(trace.size()).isEqualTo(3);
  }

  @Test
  void evictingTheOnlyChildLeavesTheCauseWithoutChildren() {
    EventTrace trace = EventTrace.withCapacity(2);
    OrderPlaced cause = new OrderPlaced();
    DomainEvent child = causedBy(cause);

    trace.record(child);
    trace.record(cause);
    assertThat(trace.children(cause.eventId())).extracting(TracedEvent::eventId)
        .containsExactly(child.eventId());
    OrderPlaced unrelated = new OrderPlaced();
    trace.record(unrelated); // evicts `child`

    assertThat(trace.children(cause.eventId())).isEmpty();
    assertThat(trace.roots()).extracting(TracedEvent::eventId)
        .containsExactly(cause.eventId(), unrelated.eventId());
    assertThat(trace.renderText()).doesNotContain(child.eventId().toString());
  }

  private static DomainEvent causedBy(DomainEvent cause) {
    UUID id = cause.eventId();
    return new PaymentTaken(EventHeader.builder().causationId(id).correlationId(id).build());
  }
}
