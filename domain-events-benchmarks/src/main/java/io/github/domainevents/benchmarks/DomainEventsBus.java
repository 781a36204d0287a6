package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.benchmarks.Events.OrderConfirmed;
import io.github.domainevents.benchmarks.Events.OrderEvent;
import io.github.domainevents.benchmarks.Events.OrderPlaced;

/**
 * This library's {@link InProcessEventDispatcher}: {@code dispatch} (sync), or {@code
 * dispatchAsync} on a same-thread executor to show what the async path adds. The dead-event
 * handler is a no-op, so scenario 4 does not measure logging.
 */
final class DomainEventsBus implements Bus {
  private final InProcessEventDispatcher dispatcher;
  private final boolean async;

  DomainEventsBus(boolean async) {
    this.async = async;
    InProcessEventDispatcher.Builder builder =
        InProcessEventDispatcher.builder().deadEventHandler(event -> {});
    if (async) {
      builder.executor(Runnable::run);
    }
    this.dispatcher = builder.build();
  }

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
    if (async) {
      dispatcher.dispatchAsync((DomainEvent) event).join();
    } else {
      dispatcher.dispatch((DomainEvent) event);
    }
  }

  @Override
  public boolean tracesCausation() {
    return true;
  }
}
