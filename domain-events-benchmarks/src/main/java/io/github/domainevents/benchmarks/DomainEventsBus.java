package io.github.domainevents.benchmarks;

import io.github.domainevents.DeadEventHandler;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.benchmarks.Events.OrderConfirmed;
import io.github.domainevents.benchmarks.Events.OrderEvent;
import io.github.domainevents.benchmarks.Events.OrderPlaced;

/**
 * This library's {@link InProcessEventDispatcher}, in one of the configurations of {@link
 * Setup}: tuned for the benchmark (dead events ignored, sync or async), or exactly as
 * {@code new InProcessEventDispatcher()} comes, with {@code java.util.logging} at its default
 * level or switched off (see {@link QuietLogging}).
 */
final class DomainEventsBus implements Bus {

  /** How the dispatcher is built and how it is called. */
  enum Setup {
    /** {@code dispatch}, dead-event handler {@code DeadEventHandler.ignore()}. */
    IGNORED_DEAD_EVENTS,
    /** {@code dispatchAsync(..).join()} on a same-thread executor, dead events ignored. */
    ASYNC,
    /** {@code new InProcessEventDispatcher()}: default handlers, logging at its default level. */
    DEFAULTS,
    /** {@code new InProcessEventDispatcher()} with the library's logger switched off. */
    DEFAULTS_LOGGING_OFF
  }

  private final InProcessEventDispatcher dispatcher;
  private final boolean async;

  DomainEventsBus(Setup setup) {
    this.async = setup == Setup.ASYNC;
    this.dispatcher =
        switch (setup) {
          case IGNORED_DEAD_EVENTS ->
              InProcessEventDispatcher.builder()
                  .deadEventHandler(DeadEventHandler.ignore())
                  .build();
          case ASYNC ->
              InProcessEventDispatcher.builder()
                  .deadEventHandler(DeadEventHandler.ignore())
                  .executor(Runnable::run)
                  .build();
          case DEFAULTS -> {
            QuietLogging.defaultLevel();
            yield new InProcessEventDispatcher();
          }
          case DEFAULTS_LOGGING_OFF -> {
            QuietLogging.off();
            yield new InProcessEventDispatcher();
          }
        };
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
