package io.github.domainevents.benchmarks;

import io.github.domainevents.EventHeader;
import io.github.domainevents.benchmarks.SpringEvents.OrderCancelled;
import io.github.domainevents.benchmarks.SpringEvents.OrderConfirmed;
import io.github.domainevents.benchmarks.SpringEvents.OrderPlaced;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Spring Framework's {@code publishEvent(ApplicationEvent)} with {@link SpringEvents}
 * (subclasses of {@link ApplicationEvent}) and {@link ApplicationListener} beans typed by their
 * generic parameter, on a refreshed {@link GenericApplicationContext}. An {@code
 * ApplicationListener}'s type parameter must be an {@code ApplicationEvent}, so the handler on
 * the {@code OrderEvent} interface is a {@link SmartApplicationListener} that tests the type.
 */
final class SpringApplicationEventBus implements Bus {
  private final GenericApplicationContext context = new GenericApplicationContext();
  private int beans;

  @Override
  public void subscribe(Topic topic, Handler handler) {
    String name = "handler" + beans++;
    switch (topic) {
      case ORDER_PLACED ->
          context.registerBean(name, OnOrderPlaced.class, () -> new OnOrderPlaced(handler));
      case ORDER_EVENT ->
          context.registerBean(name, OnOrderEvent.class, () -> new OnOrderEvent(handler));
      case ORDER_CONFIRMED ->
          context.registerBean(name, OnOrderConfirmed.class, () -> new OnOrderConfirmed(handler));
    }
  }

  @Override
  public void start() {
    context.refresh();
  }

  @Override
  public Object newEvent(Kind kind, EventHeader header) {
    return switch (kind) {
      case ORDER_PLACED -> new OrderPlaced(context, header, Events.ORDER_ID, Events.CUSTOMER);
      case ORDER_CONFIRMED -> new OrderConfirmed(context, header, Events.ORDER_ID);
      case ORDER_CANCELLED -> new OrderCancelled(context, header, Events.ORDER_ID);
    };
  }

  @Override
  public void publish(Object event) {
    context.publishEvent((ApplicationEvent) event);
  }

  @Override
  public void close() {
    context.close();
  }

  /** A listener bean typed by its generic parameter. */
  static final class OnOrderPlaced implements ApplicationListener<OrderPlaced> {
    private final Handler handler;

    OnOrderPlaced(Handler handler) {
      this.handler = handler;
    }

    @Override
    public void onApplicationEvent(OrderPlaced event) {
      handler.handle(event);
    }
  }

  /** Listens to every event implementing {@code OrderEvent}. */
  static final class OnOrderEvent implements SmartApplicationListener {
    private final Handler handler;

    OnOrderEvent(Handler handler) {
      this.handler = handler;
    }

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
      return Events.OrderEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
      handler.handle((Events.OrderEvent) event);
    }
  }

  /** Listens to the follow-up event. */
  static final class OnOrderConfirmed implements ApplicationListener<OrderConfirmed> {
    private final Handler handler;

    OnOrderConfirmed(Handler handler) {
      this.handler = handler;
    }

    @Override
    public void onApplicationEvent(OrderConfirmed event) {
      handler.handle(event);
    }
  }
}
