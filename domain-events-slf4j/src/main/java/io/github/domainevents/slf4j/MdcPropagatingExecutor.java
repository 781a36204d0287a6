package io.github.domainevents.slf4j;

import java.util.Map;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Runs each task with the MDC of the thread that submitted it, then puts the worker thread's own
 * MDC back.
 */
final class MdcPropagatingExecutor implements Executor {
  private final Executor delegate;

  MdcPropagatingExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    if (task == null) {
      throw new NullPointerException("task must not be null");
    }
    Map<String, String> submitted = MDC.getCopyOfContextMap();
    delegate.execute(() -> runWith(submitted, task));
  }

  private static void runWith(@Nullable Map<String, String> mdc, Runnable task) {
    Map<String, String> previous = MDC.getCopyOfContextMap();
    install(mdc);
    try {
      task.run();
    } finally {
      install(previous);
    }
  }

  private static void install(@Nullable Map<String, String> mdc) {
    if (mdc == null || mdc.isEmpty()) {
      MDC.clear();
    } else {
      MDC.setContextMap(mdc);
    }
  }

  @Override
  public String toString() {
    return "EventMdc.propagatingExecutor(" + delegate + ")";
  }
}
