package io.github.domainevents.spring.boot;

import io.github.domainevents.InProcessEventDispatcher;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the auto-configured dispatcher when the context stops: pending asynchronous dispatches
 * finish (up to {@code domain-events.close-timeout}) while the application's task executor still
 * runs, since this bean is registered as depending on it and Spring stops dependents first. The
 * dispatcher's own {@code close()} also runs as its destroy method, a no-op by then.
 */
final class DispatcherLifecycle implements SmartLifecycle {
  private final InProcessEventDispatcher dispatcher;
  private volatile boolean running;

  DispatcherLifecycle(InProcessEventDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    dispatcher.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
