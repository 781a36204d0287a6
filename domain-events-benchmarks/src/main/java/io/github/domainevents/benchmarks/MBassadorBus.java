package io.github.domainevents.benchmarks;

import io.github.domainevents.benchmarks.Events.OrderConfirmed;
import io.github.domainevents.benchmarks.Events.OrderEvent;
import io.github.domainevents.benchmarks.Events.OrderPlaced;
import net.engio.mbassy.bus.SyncMessageBus;
import net.engio.mbassy.bus.error.IPublicationErrorHandler;
import net.engio.mbassy.listener.Handler;
import net.engio.mbassy.listener.Listener;
import net.engio.mbassy.listener.References;

/**
 * MBassador's synchronous bus ({@link SyncMessageBus}, {@code publish} runs the handlers on
 * the caller's thread). Listeners are held strongly (MBassador's default is weak references).
 * An event nobody handles is wrapped in a {@code DeadMessage}, which nobody handles either.
 */
final class MBassadorBus implements Bus {
  private final SyncMessageBus<Object> bus =
      new SyncMessageBus<>(
          (IPublicationErrorHandler)
              error -> {
                throw new IllegalStateException("handler failed: " + error, error.getCause());
              });

  @Override
  public void subscribe(Topic topic, io.github.domainevents.benchmarks.Handler handler) {
    bus.subscribe(
        switch (topic) {
          case ORDER_PLACED -> new OnOrderPlaced(handler);
          case ORDER_EVENT -> new OnOrderEvent(handler);
          case ORDER_CONFIRMED -> new OnOrderConfirmed(handler);
        });
  }

  @Override
  public void publish(Object event) {
    bus.publish(event);
  }

  /** MBassador finds handlers by annotated public method. */
  @Listener(references = References.Strong)
  public static final class OnOrderPlaced {
    private final io.github.domainevents.benchmarks.Handler handler;

    OnOrderPlaced(io.github.domainevents.benchmarks.Handler handler) {
      this.handler = handler;
    }

    @Handler
    public void on(OrderPlaced event) {
      handler.handle(event);
    }
  }

  /** Handles an interface (MBassador delivers subtypes by default). */
  @Listener(references = References.Strong)
  public static final class OnOrderEvent {
    private final io.github.domainevents.benchmarks.Handler handler;

    OnOrderEvent(io.github.domainevents.benchmarks.Handler handler) {
      this.handler = handler;
    }

    @Handler
    public void on(OrderEvent event) {
      handler.handle(event);
    }
  }

  /** Handles the follow-up event. */
  @Listener(references = References.Strong)
  public static final class OnOrderConfirmed {
    private final io.github.domainevents.benchmarks.Handler handler;

    OnOrderConfirmed(io.github.domainevents.benchmarks.Handler handler) {
      this.handler = handler;
    }

    @Handler
    public void on(OrderConfirmed event) {
      handler.handle(event);
    }
  }
}
