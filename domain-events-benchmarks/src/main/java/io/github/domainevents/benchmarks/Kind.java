package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;

/** The events a scenario publishes; a {@link Bus} turns a kind and a header into its event. */
enum Kind {
  ORDER_PLACED,
  ORDER_CONFIRMED,
  ORDER_CANCELLED;

  /** The plain record of this kind, as most contenders publish it. */
  DomainEvent record(EventHeader header) {
    return switch (this) {
      case ORDER_PLACED -> new Events.OrderPlaced(header, Events.ORDER_ID, Events.CUSTOMER);
      case ORDER_CONFIRMED -> new Events.OrderConfirmed(header, Events.ORDER_ID);
      case ORDER_CANCELLED -> new Events.OrderCancelled(header, Events.ORDER_ID);
    };
  }
}
