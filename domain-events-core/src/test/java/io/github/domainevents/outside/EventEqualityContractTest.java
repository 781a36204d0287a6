package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.BaseDomainEvent;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import org.junit.jupiter.api.Test;

/**
 * The equality contract stated on {@link DomainEvent}: different ids are never equal; records
 * compare header and payload; {@link BaseDomainEvent}s compare class and id.
 */
class EventEqualityContractTest {
  record Shipped(EventHeader header, String parcel) implements DomainEvent {}

  static final class Reserved extends BaseDomainEvent {
    final String sku;

    Reserved(EventHeader header, String sku) {
      super(header);
      this.sku = sku;
    }
  }

  static final class Released extends BaseDomainEvent {
    Released(EventHeader header) {
      super(header);
    }
  }

  private final EventHeader header = EventHeader.create();
  private final EventHeader otherId = header.toBuilder().eventId(EventHeader.create().eventId()).build();

  @Test
  void eventsWithDifferentIdsAreNeverEqualInEitherStyle() {
    assertThat(new Shipped(header, "p-1")).isNotEqualTo(new Shipped(otherId, "p-1"));
    assertThat(new Reserved(header, "sku-1")).isNotEqualTo(new Reserved(otherId, "sku-1"));
  }

  @Test
  void recordsCompareHeaderAndPayload() {
    Shipped shipped = new Shipped(header, "p-1");

    assertThat(shipped).isEqualTo(new Shipped(header, "p-1"))
        .hasSameHashCodeAs(new Shipped(header, "p-1"));
    assertThat(shipped).as("same id, other payload").isNotEqualTo(new Shipped(header, "p-2"));
    assertThat(shipped).as("same id, other header field")
        .isNotEqualTo(new Shipped(header.toBuilder().metadata("k", "v").build(), "p-1"));
  }

  @Test
  void baseDomainEventsCompareClassAndId() {
    Reserved reserved = new Reserved(header, "sku-1");

    assertThat(reserved).as("same id, other payload").isEqualTo(new Reserved(header, "sku-2"))
        .hasSameHashCodeAs(new Reserved(header, "sku-2"));
    assertThat(reserved).as("same id, other header field")
        .isEqualTo(new Reserved(header.toBuilder().metadata("k", "v").build(), "sku-1"));
    assertThat((DomainEvent) reserved).as("same id, other class").isNotEqualTo(new Released(header));
  }
}
