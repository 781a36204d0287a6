package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;

/**
 * The events every contender publishes: plain records implementing {@link DomainEvent}.
 *
 * <p>Spring's {@code ApplicationEvent} contender cannot publish records (its events must
 * extend a class), so it publishes {@link SpringEvents} with the same fields instead.
 */
final class Events {
  static final long ORDER_ID = 42L;
  static final String CUSTOMER = "ada@example.com";

  private Events() {}

  /** Scenario 3 registers a handler on this interface. */
  interface OrderEvent extends DomainEvent {
    long orderId();
  }

  /** The event of scenarios 1, 2, 3, 5 and 6. */
  @EventType("order.placed")
  record OrderPlaced(EventHeader header, long orderId, String customer) implements OrderEvent {}

  /** The follow-up event a scenario 5 handler publishes. */
  @EventType("order.confirmed")
  record OrderConfirmed(EventHeader header, long orderId) implements DomainEvent {}

  /** The event of scenario 4, for which no handler is registered. */
  @EventType("order.cancelled")
  record OrderCancelled(EventHeader header, long orderId) implements DomainEvent {}
}
