package io.github.domainevents.spring.boot;

import io.github.domainevents.InProcessEventDispatcher;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the auto-configured dispatcher when the context stops: pending asynchronous dispatches
 * finish (up to {@code domain-events.close-timeout}) while the application's task executor still
 * runs, since this bean is registered as depending on it and Spring stops dependents first. A
 * context that never started (a startup failure) closes the dispatcher when it is destroyed.
 */
final class DispatcherLifecycle implements SmartLifecycle, DisposableBean {
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
  public void destroy() {
    if (!dispatcher.isClosed()) {
      dispatcher.close();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
