package io.github.domainevents.benchmarks;

import io.github.domainevents.benchmarks.Events.OrderConfirmed;
import io.github.domainevents.benchmarks.Events.OrderEvent;
import io.github.domainevents.benchmarks.Events.OrderPlaced;
import org.greenrobot.eventbus.EventBus;
import org.greenrobot.eventbus.Subscribe;
import org.greenrobot.eventbus.ThreadMode;

/**
 * greenrobot's {@code EventBus} for plain Java, {@link ThreadMode#POSTING} (the handler runs on
 * the posting thread). Event inheritance is on (its default), so a subscriber to an interface
 * sees the events that implement it. Its "no subscribers" log line is switched off; its
 * {@code NoSubscriberEvent} (the dead-event path) stays on, as by default.
 */
final class GreenrobotBus implements Bus {
  private final EventBus bus =
      EventBus.builder()
          .logNoSubscriberMessages(false)
          .logSubscriberExceptions(false)
          .throwSubscriberException(true)
          .build();

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

  /** greenrobot finds subscribers by annotated public method. */
  public static final class OnOrderPlaced {
    private final Handler handler;

    OnOrderPlaced(Handler handler) {
      this.handler = handler;
    }

    @Subscribe(threadMode = ThreadMode.POSTING)
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

    @Subscribe(threadMode = ThreadMode.POSTING)
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

    @Subscribe(threadMode = ThreadMode.POSTING)
    public void on(OrderConfirmed event) {
      handler.handle(event);
    }
  }
}
