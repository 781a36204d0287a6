package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import org.springframework.context.ApplicationEvent;

/**
 * The events of Spring's {@code ApplicationEvent} contender: the same fields and header as
 * {@link Events}, in classes extending {@link ApplicationEvent} (which a record cannot). The
 * source is the publishing context, as Spring expects.
 */
final class SpringEvents {
  private SpringEvents() {}

  /** Base: an {@code ApplicationEvent} that is also a domain event. */
  abstract static class SpringDomainEvent extends ApplicationEvent implements DomainEvent {
    private static final long serialVersionUID = 1L;
    private final transient EventHeader header;

    SpringDomainEvent(Object source, EventHeader header) {
      super(source);
      this.header = header;
    }

    @Override
    public EventHeader header() {
      return header;
    }
  }

  @EventType("order.placed")
  static final class OrderPlaced extends SpringDomainEvent implements Events.OrderEvent {
    private static final long serialVersionUID = 1L;
    private final long orderId;
    private final String customer;

    OrderPlaced(Object source, EventHeader header, long orderId, String customer) {
      super(source, header);
      this.orderId = orderId;
      this.customer = customer;
    }

    @Override
    public long orderId() {
      return orderId;
    }

    String customer() {
      return customer;
    }
  }

  @EventType("order.confirmed")
  static final class OrderConfirmed extends SpringDomainEvent {
    private static final long serialVersionUID = 1L;
    private final long orderId;

    OrderConfirmed(Object source, EventHeader header, long orderId) {
      super(source, header);
      this.orderId = orderId;
    }

    long orderId() {
      return orderId;
    }
  }

  @EventType("order.cancelled")
  static final class OrderCancelled extends SpringDomainEvent {
    private static final long serialVersionUID = 1L;
    private final long orderId;

    OrderCancelled(Object source, EventHeader header, long orderId) {
      super(source, header);
      this.orderId = orderId;
    }

    long orderId() {
      return orderId;
    }
  }
}
