package io.github.domainevents.slf4j;

import io.github.domainevents.DispatchInterceptor;
import io.github.domainevents.InProcessEventDispatcher;
import java.util.concurrent.Executor;

/**
 * The SLF4J MDC integration: {@link #interceptor()}, the MDC keys it sets, and {@link
 * #propagatingExecutor(Executor)} for the rest of the caller's MDC.
 *
 * <pre>{@code
 * InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
 *     .interceptor(EventMdc.interceptor())
 *     .build();
 * }</pre>
 *
 * <p>While a handler runs, the MDC of the thread running it holds:
 *
 * <ul>
 *   <li>{@value #EVENT_ID}: the handled event's id;
 *   <li>{@value #EVENT_TYPE}: its type ({@code @EventType} value or simple class name);
 *   <li>{@value #CORRELATION_ID}: its correlation id, or no entry if it has none;
 *   <li>{@value #CAUSATION_ID}: its causation id, or no entry if it has none.
 * </ul>
 *
 * <p>Ids are written in the canonical UUID form ({@link java.util.UUID#toString()}).
 *
 * @since 0.1.0
 */
public final class EventMdc {

  /** MDC key of the handled event's id: {@value}. */
  public static final String EVENT_ID = "event_id";

  /** MDC key of the handled event's type: {@value}. */
  public static final String EVENT_TYPE = "event_type";

  /** MDC key of the handled event's correlation id: {@value}. */
  public static final String CORRELATION_ID = "correlation_id";

  /** MDC key of the handled event's causation id: {@value}. */
  public static final String CAUSATION_ID = "causation_id";

  private EventMdc() {}

  /**
   * Returns the interceptor that puts the handled event's {@linkplain EventMdc keys} into the
   * MDC while each handler runs.
   *
   * <p><b>Restoring.</b> Before the handler runs, the interceptor remembers what the thread's MDC
   * held under its four keys; afterwards, whether the handler returned or threw, it puts those
   * values back and removes the keys that were absent. Other MDC keys are neither read nor
   * changed. So a nested dispatch shows the inner event's ids to the inner handlers and the
   * outer event's again once it returns, and a pooled executor thread is left with exactly the
   * four values it had before (also if they were stale leftovers of an earlier task).
   *
   * <p><b>What the handler sees.</b> The four keys always describe the handled event: a key the
   * event has no value for (no correlation or causation id) is removed for the handler's
   * duration, so a value left on the thread by other code never shows through. Keys other than
   * these four are whatever the running thread's MDC holds: on an executor thread that is not the
   * dispatching thread's MDC, because the SLF4J MDC is thread-local and the dispatcher does not
   * copy it; use {@link #propagatingExecutor(Executor)} for that.
   *
   * <p><b>Threading and failures.</b> The interceptor is stateless and may be shared by any
   * number of dispatchers and threads. It works on the thread running the handler, synchronous
   * or asynchronous. It adds no failure of its own: what the handler throws propagates unchanged
   * after the MDC is restored. Add it first on the builder to have the values in place for the
   * other interceptors too.
   *
   * @return the interceptor, one shared instance
   */
  public static DispatchInterceptor interceptor() {
    return MdcInterceptor.INSTANCE;
  }

  /**
   * Returns an executor that runs each task on {@code executor} with the MDC the submitting
   * thread had when it called {@code execute}, and afterwards puts the worker thread's own MDC
   * back exactly (also if the task throws). Give it to {@link
   * InProcessEventDispatcher.Builder#executor(Executor)} so that asynchronous handlers log with
   * the dispatching thread's MDC (a request id put there by a web filter, say) instead of
   * whatever an earlier task left on the pooled thread:
   *
   * <pre>{@code
   * InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
   *     .executor(EventMdc.propagatingExecutor(pool))
   *     .interceptor(EventMdc.interceptor())
   *     .build();
   * }</pre>
   *
   * <p>The whole MDC is replaced for the task's duration, so keys the worker thread had are not
   * visible to it. The returned executor adds no queue or thread of its own and does not manage
   * {@code executor}'s life cycle: shut the pool down yourself. A rejection by {@code executor}
   * propagates from {@code execute}. It is safe for concurrent use if {@code executor} is.
   *
   * @param executor the executor that runs the tasks
   * @return the wrapping executor
   * @throws NullPointerException if {@code executor} is null
   */
  public static Executor propagatingExecutor(Executor executor) {
    if (executor == null) {
      throw new NullPointerException("executor must not be null");
    }
    return new MdcPropagatingExecutor(executor);
  }
}
