package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events written as records: every standard field is read from the header. */
class DomainEventTest {
  private static final UUID ID = UUID.fromString("0190a4b2-0000-7000-8000-0000000000aa");
  private static final UUID CORRELATION = UUID.fromString("33333333-3333-4333-8333-333333333333");
  private static final UUID CAUSATION = UUID.fromString("44444444-4444-4444-8444-444444444444");
  private static final Instant T = Instant.parse("2026-09-10T11:12:13.5Z");

  @EventType("order.placed")
  record OrderPlaced(EventHeader header, String orderNo, long cents) implements DomainEvent {}

  @Test
  void defaultMethods_readEveryFieldFromTheHeader() {
    EventHeader header = EventHeader.of(ID, T, CORRELATION, CAUSATION, Map.of("tenant", "acme"));
    OrderPlaced event = new OrderPlaced(header, "A-17", 1999);

    assertThat(event.eventId()).isEqualTo(ID);
    assertThat(event.occurredAt()).isEqualTo(T);
    assertThat(event.correlationId()).contains(CORRELATION);
    assertThat(event.causationId()).contains(CAUSATION);
    assertThat(event.metadata()).isSameAs(header.metadata());
    assertThat(event.eventType()).isEqualTo("order.placed");
  }

  @Test
  void absentChainIds_areEmptyOptionals() {
    OrderPlaced event = new OrderPlaced(EventHeader.of(ID, T, null, null, Map.of()), "A-1", 1);

    assertThat(event.correlationId()).isEmpty();
    assertThat(event.causationId()).isEmpty();
    assertThat(event.metadata()).isEmpty();
  }

  @Test
  void recordEvents_areValuesComparedByHeaderAndPayload() {
    EventHeader header = EventHeader.of(ID, T, null, null, Map.of());

    assertThat(new OrderPlaced(header, "A-1", 1)).isEqualTo(new OrderPlaced(header, "A-1", 1));
    assertThat(new OrderPlaced(header, "A-1", 1)).isNotEqualTo(new OrderPlaced(header, "A-1", 2));
  }

  @Test
  void recordToString_showsTheHeaderAndThePayloadFields() {
    OrderPlaced event =
        new OrderPlaced(EventHeader.of(ID, T, null, null, Map.of()), "A-17", 1999);

    assertThat(event)
        .hasToString(
            "OrderPlaced[header=EventHeader[id=0190a4b2-0000-7000-8000-0000000000aa,"
                + " occurredAt=2026-09-10T11:12:13.500Z], orderNo=A-17, cents=1999]");
  }
}
