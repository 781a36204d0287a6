package io.github.domainevents.benchmarks;

import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;
import io.github.domainevents.benchmarks.Events.OrderConfirmed;
import io.github.domainevents.benchmarks.Events.OrderEvent;
import io.github.domainevents.benchmarks.Events.OrderPlaced;

/**
 * Guava's {@link EventBus} (synchronous, its default per-thread queued dispatcher). The
 * subscriber methods are marked {@link AllowConcurrentEvents}, since the handlers are
 * thread-safe; without it Guava would run each subscriber under a lock. An event nobody
 * subscribes to is re-posted as a {@code DeadEvent}, which nobody subscribes to either.
 */
final class GuavaBus implements Bus {
  private final EventBus bus = new EventBus((exception, context) -> {
    throw new IllegalStateException("handler failed: " + context.getSubscriberMethod(), exception);
  });

  @Override
  public void subscribe(Topic topic, Handler handler) {
    bus.register(
        switch (topic) {
          case ORDER_PLACED -> new OnOrderPlaced(handler);
          case ORDER_EVENT -> new OnOrderEvent(handler);
          case ORDER_CONFIRMED -> new OnOrderConfirmed(handler);
        });
  }

  @Override
  public void publish(Object event) {
    bus.post(event);
  }

  /** Guava finds subscribers by annotated method; these are public for its reflection. */
  public static final class OnOrderPlaced {
    private final Handler handler;

    OnOrderPlaced(Handler handler) {
      this.handler = handler;
    }

    @Subscribe
    @AllowConcurrentEvents
    public void on(OrderPlaced event) {
      handler.handle(event);
    }
  }

  /** Subscribes to an interface. */
  public static final class OnOrderEvent {
    private final Handler handler;

    OnOrderEvent(Handler handler) {
      this.handler = handler;
    }

    @Subscribe
    @AllowConcurrentEvents
    public void on(OrderEvent event) {
      handler.handle(event);
    }
  }

  /** Subscribes to the follow-up event. */
  public static final class OnOrderConfirmed {
    private final Handler handler;

    OnOrderConfirmed(Handler handler) {
      this.handler = handler;
    }

    @Subscribe
    @AllowConcurrentEvents
    public void on(OrderConfirmed event) {
      handler.handle(event);
    }
  }
}
