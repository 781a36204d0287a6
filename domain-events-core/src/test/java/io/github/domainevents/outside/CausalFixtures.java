package io.github.domainevents.outside;

import io.github.domainevents.BaseDomainEvent;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;

/** Small events for the context, metadata and trace tests; each takes its header from the context. */
final class CausalFixtures {
  private CausalFixtures() {}

  /** A root event: what a request does first. */
  @EventType("order.placed")
  record OrderPlaced(EventHeader header) implements DomainEvent {
    OrderPlaced() {
      this(EventHeader.create());
    }

    /** Raised by a handler of {@link OrderPlaced}, to nest a dispatch. */
    @EventType("order.placed.nested")
    record Nested(EventHeader header) implements DomainEvent {
      Nested() {
        this(EventHeader.create());
      }
    }
  }

  /** Raised by a handler of {@link OrderPlaced}. */
  @EventType("payment.taken")
  record PaymentTaken(EventHeader header) implements DomainEvent {
    PaymentTaken() {
      this(EventHeader.create());
    }
  }

  /** Raised by a handler of {@link PaymentTaken}, or nobody listens to it. */
  @EventType("parcel.shipped")
  record ParcelShipped(EventHeader header) implements DomainEvent {
    ParcelShipped() {
      this(EventHeader.create());
    }
  }

  /** An event written as a class, to check {@code new BaseDomainEvent()} takes the context. */
  @EventType("stock.reserved")
  static final class StockReserved extends BaseDomainEvent {
    StockReserved() {
      super();
    }
  }
}
