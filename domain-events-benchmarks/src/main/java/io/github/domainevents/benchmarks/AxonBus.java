package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.benchmarks.Events.OrderConfirmed;
import io.github.domainevents.benchmarks.Events.OrderEvent;
import io.github.domainevents.benchmarks.Events.OrderPlaced;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;

/**
 * Axon Framework 4's {@link SimpleEventBus}, with the handlers as {@code @EventHandler}
 * methods behind one {@link SubscribingEventProcessor} (which runs them on the
 * publishing thread, in a unit of work). Axon publishes {@link EventMessage}s, so an event here
 * is the record wrapped in a {@link GenericEventMessage}; the message is made where the record
 * is (outside the measured operation, except for scenario 5's follow-up). The processor is
 * built in {@link #start()}: its handler list is fixed once built.
 *
 * <p>A message published from inside a handler is held until the unit of work of the message
 * being handled commits, so Axon's nesting is breadth-first, not depth-first.
 */
final class AxonBus implements Bus {
  private final SimpleEventBus bus = SimpleEventBus.builder().build();
  private final List<Object> handlers = new ArrayList<>();
  private SubscribingEventProcessor processor;

  @Override
  public void subscribe(Topic topic, Handler handler) {
    handlers.add(
        switch (topic) {
          case ORDER_PLACED -> new OnOrderPlaced(handler);
          case ORDER_EVENT -> new OnOrderEvent(handler);
          case ORDER_CONFIRMED -> new OnOrderConfirmed(handler);
        });
  }

  @Override
  public void start() {
    SimpleEventHandlerInvoker invoker =
        SimpleEventHandlerInvoker.builder()
            .eventHandlers(handlers)
            .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
            .build();
    processor =
        SubscribingEventProcessor.builder()
            .name("benchmark")
            .eventHandlerInvoker(invoker)
            .messageSource(bus)
            .build();
    processor.start();
  }

  @Override
  public Object newEvent(Kind kind, EventHeader header) {
    return GenericEventMessage.asEventMessage(kind.record(header));
  }

  @Override
  public void publish(Object event) {
    bus.publish((EventMessage<?>) event);
  }

  @Override
  public DomainEvent unwrap(Object published) {
    return (DomainEvent) ((EventMessage<?>) published).getPayload();
  }

  @Override
  public void close() {
    if (processor != null) {
      processor.shutDown();
    }
  }

  /** Axon finds handlers by annotated method. */
  public static final class OnOrderPlaced {
    private final Handler handler;

    OnOrderPlaced(Handler handler) {
      this.handler = handler;
    }

    @EventHandler
    public void on(OrderPlaced event) {
      handler.handle(event);
    }
  }

  /** Handles an interface: Axon matches handlers by assignable payload type. */
  public static final class OnOrderEvent {
    private final Handler handler;

    OnOrderEvent(Handler handler) {
      this.handler = handler;
    }

    @EventHandler
    public void on(OrderEvent event) {
      handler.handle(event);
    }
  }

  /** Handles the follow-up event. */
  public static final class OnOrderConfirmed {
    private final Handler handler;

    OnOrderConfirmed(Handler handler) {
      this.handler = handler;
    }

    @EventHandler
    public void on(OrderConfirmed event) {
      handler.handle(event);
    }
  }
}
