package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.benchmarks.Events.OrderConfirmed;
import io.github.domainevents.benchmarks.Events.OrderEvent;
import io.github.domainevents.benchmarks.Events.OrderPlaced;

/**
 * The reference floor for a dispatcher: {@link ReferenceDispatcher}, with a no-op dead-event
 * handler as the {@code DOMAIN_EVENTS} contender has.
 */
final class ReferenceBus implements Bus {
  private final ReferenceDispatcher dispatcher = new ReferenceDispatcher(event -> {});

  @Override
  public void subscribe(Topic topic, Handler handler) {
    switch (topic) {
      case ORDER_PLACED -> dispatcher.register(OrderPlaced.class, handler);
      case ORDER_EVENT -> dispatcher.register(OrderEvent.class, handler);
      case ORDER_CONFIRMED -> dispatcher.register(OrderConfirmed.class, handler);
    }
  }

  @Override
  public void publish(Object event) {
    dispatcher.dispatch((DomainEvent) event);
  }
}
