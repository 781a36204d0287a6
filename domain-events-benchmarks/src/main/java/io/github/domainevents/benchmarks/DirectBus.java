package io.github.domainevents.benchmarks;

import io.github.domainevents.benchmarks.Events.OrderConfirmed;
import io.github.domainevents.benchmarks.Events.OrderPlaced;
import java.util.Arrays;

/**
 * The floor: the publisher calls the handlers itself, through the {@link Handler} interface,
 * as hand-written code would. The handlers sit in final-per-start arrays and one type test
 * picks them: no registry, no lookup, no reflection.
 */
final class DirectBus implements Bus {
  private Handler[] orderPlaced = new Handler[0];
  private Handler[] orderEvent = new Handler[0];
  private Handler[] orderConfirmed = new Handler[0];

  @Override
  public void subscribe(Topic topic, Handler handler) {
    switch (topic) {
      case ORDER_PLACED -> orderPlaced = append(orderPlaced, handler);
      case ORDER_EVENT -> orderEvent = append(orderEvent, handler);
      case ORDER_CONFIRMED -> orderConfirmed = append(orderConfirmed, handler);
    }
  }

  @Override
  public void publish(Object event) {
    if (event instanceof OrderPlaced placed) {
      for (Handler handler : orderPlaced) {
        handler.handle(placed);
      }
      for (Handler handler : orderEvent) {
        handler.handle(placed);
      }
    } else if (event instanceof OrderConfirmed confirmed) {
      for (Handler handler : orderConfirmed) {
        handler.handle(confirmed);
      }
    }
  }

  private static Handler[] append(Handler[] handlers, Handler handler) {
    Handler[] longer = Arrays.copyOf(handlers, handlers.length + 1);
    longer[handlers.length] = handler;
    return longer;
  }
}
