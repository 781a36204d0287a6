package io.github.domainevents.benchmarks;

import io.github.domainevents.benchmarks.Events.OrderConfirmed;
import io.github.domainevents.benchmarks.Events.OrderEvent;
import io.github.domainevents.benchmarks.Events.OrderPlaced;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Spring Framework's {@code ApplicationEventPublisher.publishEvent(Object)} with the plain
 * records as payload events, handled by {@link EventListener @EventListener} methods on beans:
 * the path a plain domain object takes in a Spring application. The context is a refreshed
 * {@link GenericApplicationContext} with the annotation processors registered.
 */
final class SpringPayloadBus implements Bus {
  private final GenericApplicationContext context = new GenericApplicationContext();
  private int beans;

  SpringPayloadBus() {
    AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
  }

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
  public void publish(Object event) {
    context.publishEvent(event);
  }

  @Override
  public void close() {
    context.close();
  }

  /** A bean with an {@code @EventListener} method, as Spring applications write them. */
  public static final class OnOrderPlaced {
    private final Handler handler;

    OnOrderPlaced(Handler handler) {
      this.handler = handler;
    }

    @EventListener
    public void on(OrderPlaced event) {
      handler.handle(event);
    }
  }

  /** Listens to an interface. */
  public static final class OnOrderEvent {
    private final Handler handler;

    OnOrderEvent(Handler handler) {
      this.handler = handler;
    }

    @EventListener
    public void on(OrderEvent event) {
      handler.handle(event);
    }
  }

  /** Listens to the follow-up event. */
  public static final class OnOrderConfirmed {
    private final Handler handler;

    OnOrderConfirmed(Handler handler) {
      this.handler = handler;
    }

    @EventListener
    public void on(OrderConfirmed event) {
      handler.handle(event);
    }
  }
}
