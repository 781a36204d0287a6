package io.github.domainevents;

import io.github.domainevents.internal.Checks;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The causal context of the current thread: which correlation new events join, which event
 * caused them, and how to carry that context into work handed to other threads.
 *
 * <p><b>Correlation scopes.</b> Open one where a request or job enters the application, so
 * every event created while handling it shares one correlation id:
 *
 * <pre>{@code
 * UUID requestId = UUID.fromString(request.getHeader("X-Request-Id"));
 * try (EventContext.Scope scope = EventContext.openCorrelation(requestId)) {
 *   chain.doFilter(request, response); // events created here: correlationId == requestId
 * }
 * }</pre>
 *
 * <p>While a handler runs, the dispatcher makes the handled event the cause: new events get its
 * id as causation id and its correlation. A correlation scope opened inside a handler wins over
 * the handled event's correlation for events created in it; causation still comes from the
 * handled event. Scopes nest; closing restores the outer one. Closing must happen on the opening
 * thread, innermost first; a violation throws {@link IllegalStateException} and changes nothing.
 *
 * <p><b>Other threads.</b> The context belongs to one thread. To carry it into work that runs
 * elsewhere, wrap the work or the executor; the context of the submitting thread is installed
 * for the task and the executor thread's own context is put back afterwards, so nothing leaks
 * into a pooled thread:
 *
 * <pre>{@code
 * ExecutorService pool = EventContext.wrap(Executors.newFixedThreadPool(4));
 * pool.submit(() -> dispatcher.dispatch(new CacheWarmed(...))); // caused by the current event
 * }</pre>
 *
 * <p>The asynchronous dispatch of {@link InProcessEventDispatcher} uses the same mechanism.
 *
 * @since 0.1.0
 */
public final class EventContext {
  private EventContext() {}

  /**
   * Returns the correlation id an event created now on this thread would get.
   *
   * @return the open scope's correlation id, else the current cause's correlation (or id), else
   *     empty
   */
  public static Optional<UUID> correlationId() {
    return Optional.ofNullable(EventHeader.ambientCorrelationId(AmbientContext.current()));
  }

  /**
   * Returns the event whose handler is running on this thread, which events created now are
   * caused by.
   *
   * @return the current cause, or empty outside any handler
   */
  public static Optional<DomainEvent> currentCause() {
    return Optional.ofNullable((DomainEvent) AmbientContext.current().cause());
  }

  /**
   * Opens a correlation scope on this thread with the given id.
   *
   * @param correlationId the id events created in the scope get as correlation id
   * @return the open scope; close it on this thread, innermost first
   * @throws NullPointerException if {@code correlationId} is null
   */
  public static Scope openCorrelation(UUID correlationId) {
    return new Scope(Checks.requireNonNull(correlationId, "correlationId"));
  }

  /**
   * Opens a correlation scope on this thread with a new id from {@link
   * EventDefaults#idGenerator()}.
   *
   * @return the open scope; its id is {@link Scope#correlationId()}
   */
  public static Scope openCorrelation() {
    return openCorrelation(EventDefaults.idGenerator().nextId());
  }

  /**
   * Returns {@code task} bound to this thread's current context: wherever it runs, it runs in
   * this context, and the running thread's own context is restored afterwards.
   *
   * @param task the task
   * @return the wrapped task
   * @throws NullPointerException if {@code task} is null
   */
  public static Runnable wrap(Runnable task) {
    Checks.requireNonNull(task, "task");
    AmbientContext.Captured captured = AmbientContext.current().capture();
    return () -> captured.run(task);
  }

  /**
   * Returns {@code task} bound to this thread's current context, like {@link #wrap(Runnable)}.
   *
   * @param task the task
   * @param <T> the result type
   * @return the wrapped task
   * @throws NullPointerException if {@code task} is null
   */
  public static <T> Callable<T> wrap(Callable<T> task) {
    Checks.requireNonNull(task, "task");
    AmbientContext.Captured captured = AmbientContext.current().capture();
    return () -> captured.call(task);
  }

  /**
   * Returns an executor that runs each task in the context of the thread that submitted it.
   *
   * @param executor the executor to delegate to
   * @return the wrapping executor
   * @throws NullPointerException if {@code executor} is null
   */
  public static Executor wrap(Executor executor) {
    Checks.requireNonNull(executor, "executor");
    return task -> executor.execute(wrap(task));
  }

  /**
   * Returns an executor service that runs each task in the context of the thread that submitted
   * it. Shutting down the wrapper shuts down {@code executor}.
   *
   * @param executor the executor service to delegate to
   * @return the wrapping executor service
   * @throws NullPointerException if {@code executor} is null
   */
  public static ExecutorService wrap(ExecutorService executor) {
    return new ContextExecutorService(Checks.requireNonNull(executor, "executor"));
  }

  /**
   * An open correlation scope on one thread.
   *
   * @since 0.1.0
   */
  public static final class Scope implements AutoCloseable {
    private final UUID correlationId;
    private final AmbientContext.Scope scope;

    private Scope(UUID correlationId) {
      this.correlationId = correlationId;
      this.scope = AmbientContext.Scope.open(correlationId, null, null);
    }

    /**
     * Returns the scope's correlation id.
     *
     * @return the id
     */
    public UUID correlationId() {
      return correlationId;
    }

    /**
     * Ends the scope: events created afterwards get the correlation that applied before it
     * opened. Closing again does nothing.
     *
     * @throws IllegalStateException if called on another thread than the one that opened the
     *     scope, or while a scope opened later on this thread is still open; nothing changes
     */
    @Override
    public void close() {
      scope.close();
    }
  }

  /** Wraps every task submitted to a delegate executor service. */
  private static final class ContextExecutorService implements ExecutorService {
    private final ExecutorService delegate;

    ContextExecutorService(ExecutorService delegate) {
      this.delegate = delegate;
    }

    @Override
    public void execute(Runnable command) {
      delegate.execute(wrap(command));
    }

    @Override
    public Future<?> submit(Runnable task) {
      return delegate.submit(wrap(task));
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
      return delegate.submit(wrap(task), result);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
      return delegate.submit(wrap(task));
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
        throws InterruptedException {
      return delegate.invokeAll(wrapAll(tasks));
    }

    @Override
    public <T> List<Future<T>> invokeAll(
        Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
        throws InterruptedException {
      return delegate.invokeAll(wrapAll(tasks), timeout, unit);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
        throws InterruptedException, ExecutionException {
      return delegate.invokeAny(wrapAll(tasks));
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      return delegate.invokeAny(wrapAll(tasks), timeout, unit);
    }

    @Override
    public void shutdown() {
      delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
      return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
      return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return delegate.awaitTermination(timeout, unit);
    }

    private static <T> List<Callable<T>> wrapAll(Collection<? extends Callable<T>> tasks) {
      return tasks.stream().map(EventContext::wrap).toList();
    }

    @Override
    public String toString() {
      return "EventContext.wrap(" + delegate + ")";
    }
  }
}
