package io.github.domainevents.test;

import io.github.domainevents.DispatchInterceptor;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventIdGenerator;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.trace.EventTrace;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The events dispatched within one causal scope (typically one test), in the order they were
 * first seen, with the waits a test needs for asynchronous ones.
 *
 * <p><b>What is captured.</b> A capture is opened on a thread ({@link EventCapture#open()}, or by
 * {@link DomainEventsExtension} for each test). From then on, every event dispatched on behalf of
 * that thread is recorded: on the thread itself, in nested dispatches, in {@code
 * dispatchAsync}, and in tasks of executors wrapped with {@code EventContext.wrap} or {@link
 * EventCapture#executor}, because core carries the capture's scope along with the causal
 * context. Events of other tests running at the same time are not. The dispatcher must report
 * to the kit: build it with {@link EventCapture#instrument}, add {@link
 * EventCapture#interceptor()}, or dispatch through {@link EventCapture#recording}; the Spring
 * Boot starter does this for its dispatcher bean when the kit is on the class path. Each event is
 * recorded once, however many handlers ran for it or how often it was dispatched.
 *
 * <p><b>Limits.</b> Work handed to a thread without the causal context (an executor not wrapped
 * with {@code EventContext.wrap}) is outside the scope and is not captured; nor is work in a
 * scope where the code under test installed its own id generator with {@link EventDefaults}. A
 * dispatch queued on an executor that is not {@link EventCapture#executor tracked} is not known
 * until its first handler starts, so {@link #awaitQuiescence} cannot wait for it.
 *
 * <p>Safe for concurrent use. Queries return snapshots. Waits never sleep: they wake up when an
 * event is recorded or an asynchronous dispatch ends, and every timeout is stretched by {@link
 * TestTimeouts#factor()}. Failed waits throw an {@link AssertionError} whose message shows the
 * recorded causal tree.
 *
 * @since 0.1.0
 */
public final class CapturedEvents implements AutoCloseable {
  private final String name;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final LinkedHashMap<UUID, DomainEvent> events = new LinkedHashMap<>();
  private final EventTrace trace = EventTrace.create();
  private final EventDefaults.Scope scope;
  private int pendingTasks;
  private int runningHandlers;

  private CapturedEvents(String name, @Nullable Clock clock, @Nullable EventIdGenerator ids) {
    this.name = name;
    ScopeToken outer = ScopeToken.current();
    ScopeToken token =
        new ScopeToken(this, outer, ids != null ? ids : EventDefaults.idGenerator());
    this.scope = clock != null ? EventDefaults.with(clock, token) : EventDefaults.withIdGenerator(token);
  }

  /** Opens a capture on this thread; {@code null} clock or ids keep the current ones. */
  static CapturedEvents open(String name, @Nullable Clock clock, @Nullable EventIdGenerator ids) {
    return new CapturedEvents(name, clock, ids);
  }

  /**
   * Returns every captured event, in the order they were first seen.
   *
   * @return a snapshot
   */
  public List<DomainEvent> all() {
    lock.lock();
    try {
      return List.copyOf(events.values());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the captured events of {@code type} (its subtypes included), in the order they were
   * first seen.
   *
   * @param type the class or interface to select
   * @param <E> the type
   * @return a snapshot
   * @throws NullPointerException if {@code type} is null
   */
  public <E> List<E> ofType(Class<E> type) {
    Objects.requireNonNull(type, "type must not be null");
    List<E> selected = new ArrayList<>();
    for (DomainEvent event : all()) {
      if (type.isInstance(event)) {
        selected.add(type.cast(event));
      }
    }
    return List.copyOf(selected);
  }

  /**
   * Returns how many events were captured.
   *
   * @return the count
   */
  public int size() {
    lock.lock();
    try {
      return events.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Renders the captured events as causal trees, with the handlers that ran and how they ended,
   * as {@link EventTrace#renderText()} does.
   *
   * @return the text; {@code "(no events captured)"} plus a line break if there are none
   */
  public String renderTree() {
    String text = trace.renderText();
    return text.isEmpty() ? "(no events captured)\n" : text;
  }

  /**
   * Waits up to {@link TestTimeouts#DEFAULT_TIMEOUT} (scaled) for an event of {@code type}.
   *
   * @param type the class or interface of the event
   * @param <E> the type
   * @return the first such event, at once if one was already captured
   * @throws AssertionError if none was captured in time, with the recorded tree in the message
   * @throws NullPointerException if {@code type} is null
   */
  public <E> E awaitEvent(Class<E> type) {
    return awaitEvent(type, event -> true, TestTimeouts.DEFAULT_TIMEOUT);
  }

  /**
   * Waits up to {@link TestTimeouts#DEFAULT_TIMEOUT} (scaled) for an event of {@code type} that
   * matches {@code condition}.
   *
   * @param type the class or interface of the event
   * @param condition what the event must satisfy
   * @param <E> the type
   * @return the first matching event, at once if one was already captured
   * @throws AssertionError if none was captured in time; the message lists the events of {@code
   *     type} that did not match, and the recorded tree
   * @throws NullPointerException if an argument is null
   */
  public <E> E awaitEvent(Class<E> type, Predicate<? super E> condition) {
    return awaitEvent(type, condition, TestTimeouts.DEFAULT_TIMEOUT);
  }

  /**
   * Waits up to {@code timeout} (scaled by {@link TestTimeouts#factor()}) for an event of {@code
   * type} that matches {@code condition}. Returns as soon as one is captured; never sleeps.
   *
   * @param type the class or interface of the event
   * @param condition what the event must satisfy; called under the capture's lock, keep it quick
   * @param timeout how long to wait, before scaling
   * @param <E> the type
   * @return the first matching event
   * @throws AssertionError if none was captured in time, or the thread was interrupted (its
   *     interrupt flag is set again); the message lists the non-matching events of {@code type}
   *     and the recorded tree
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  public <E> E awaitEvent(Class<E> type, Predicate<? super E> condition, Duration timeout) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(condition, "condition must not be null");
    Duration scaled = TestTimeouts.scale(Objects.requireNonNull(timeout, "timeout must not be null"));
    String expectation =
        "an event of type " + type.getSimpleName() + " matching the condition within "
            + TestTimeouts.describe(timeout, scaled);
    long deadline = System.nanoTime() + scaled.toNanos();
    lock.lock();
    try {
      while (true) {
        E found = firstMatch(type, condition);
        if (found != null) {
          return found;
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new AssertionError(
              Failures.message(expectation, noneMatched(type), this));
        }
        awaitChange(remaining, expectation);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Asserts that no event of {@code type} is captured within {@code window} (scaled), counting
   * those captured before the call. Fails as soon as one arrives; otherwise returns when the
   * window has passed (this is the one wait that always takes its full time).
   *
   * @param type the class or interface of the unwanted event
   * @param window how long to watch, before scaling
   * @throws AssertionError if such an event was or is captured; the message shows it
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code window} is negative
   */
  public void assertNoEvent(Class<?> type, Duration window) {
    assertNoEvent(type, event -> true, window);
  }

  /**
   * Asserts that no event of {@code type} matching {@code condition} is captured within {@code
   * window} (scaled), counting those captured before the call.
   *
   * @param type the class or interface of the unwanted event
   * @param condition what makes an event unwanted
   * @param window how long to watch, before scaling
   * @param <E> the type
   * @throws AssertionError if such an event was or is captured, or the thread was interrupted
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code window} is negative
   */
  public <E> void assertNoEvent(Class<E> type, Predicate<? super E> condition, Duration window) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(condition, "condition must not be null");
    Duration scaled = TestTimeouts.scale(Objects.requireNonNull(window, "window must not be null"));
    String expectation =
        "no event of type " + type.getSimpleName() + " matching the condition within "
            + TestTimeouts.describe(window, scaled);
    long deadline = System.nanoTime() + scaled.toNanos();
    lock.lock();
    try {
      while (true) {
        E found = firstMatch(type, condition);
        if (found != null) {
          throw new AssertionError(
              Failures.message(expectation, "this one arrived: " + found, this));
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return;
        }
        awaitChange(remaining, expectation);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits up to {@link TestTimeouts#DEFAULT_TIMEOUT} (scaled) until every asynchronous dispatch
   * and every handler run in this scope has finished.
   *
   * @throws AssertionError if some are still running in time; the message says how many
   */
  public void awaitQuiescence() {
    awaitQuiescence(TestTimeouts.DEFAULT_TIMEOUT);
  }

  /**
   * Waits up to {@code timeout} (scaled) until every asynchronous dispatch submitted in this
   * scope to a {@linkplain EventCapture#executor tracked executor} and every handler run seen by
   * the {@linkplain EventCapture#interceptor() interceptor} on another thread has finished.
   * Returns at once if nothing is running. Handlers running on the calling thread (when called
   * from a handler) are counted too, so do not call it from a handler.
   *
   * @param timeout how long to wait, before scaling
   * @throws AssertionError if work is still running in time, or the thread was interrupted
   * @throws NullPointerException if {@code timeout} is null
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  public void awaitQuiescence(Duration timeout) {
    Duration scaled = TestTimeouts.scale(Objects.requireNonNull(timeout, "timeout must not be null"));
    String expectation =
        "every asynchronous dispatch to finish within " + TestTimeouts.describe(timeout, scaled);
    long deadline = System.nanoTime() + scaled.toNanos();
    lock.lock();
    try {
      while (pendingTasks > 0 || runningHandlers > 0) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new AssertionError(Failures.message(expectation, busyDescription(), this));
        }
        awaitChange(remaining, expectation);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Tells whether nothing is running in this scope: no tracked asynchronous dispatch is queued or
   * running, and no handler seen by the interceptor is running.
   *
   * @return true if quiescent now
   */
  public boolean isQuiescent() {
    lock.lock();
    try {
      return pendingTasks == 0 && runningHandlers == 0;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the capture's scope on this thread: events dispatched here afterwards are no longer
   * captured. Asynchronous work started inside the scope still reports to it. Closing again is
   * harmless.
   *
   * @throws IllegalStateException if called on another thread than the one that opened the
   *     capture, or while a scope of {@link EventDefaults} or {@code EventContext} opened after it
   *     is still open (core's message names it); the capture then stays open
   */
  @Override
  public void close() {
    scope.close();
  }

  @Override
  public String toString() {
    return "CapturedEvents[" + name + ", " + size() + " events]";
  }

  // --- package-private: reporting from the interceptor, the executor and the wrapper ---

  String name() {
    return name;
  }

  void record(DomainEvent event) {
    lock.lock();
    try {
      if (events.putIfAbsent(event.eventId(), event) == null) {
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Records an event that no handler run will report (a dead event, a wrapped dispatch). */
  void recordWithoutHandler(DomainEvent event) {
    record(event);
    trace.record(event);
  }

  /** Runs {@code next} as a handler run recorded in this capture's trace. */
  void intercept(DomainEvent event, HandlerInfo handler, DispatchInterceptor.Next next)
      throws Exception {
    trace.intercept(event, handler, next);
  }

  void handlerStarted() {
    adjust(0, 1);
  }

  void handlerFinished() {
    adjust(0, -1);
  }

  void taskSubmitted() {
    adjust(1, 0);
  }

  void taskFinished() {
    adjust(-1, 0);
  }

  private void adjust(int tasks, int handlers) {
    lock.lock();
    try {
      pendingTasks += tasks;
      runningHandlers += handlers;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  String busyDescription() {
    lock.lock();
    try {
      return pendingTasks + " asynchronous dispatch(es) were still queued or running and "
          + runningHandlers + " handler run(s) had not finished";
    } finally {
      lock.unlock();
    }
  }

  private <E> @Nullable E firstMatch(Class<E> type, Predicate<? super E> condition) {
    for (DomainEvent event : events.values()) {
      if (type.isInstance(event)) {
        E candidate = type.cast(event);
        if (condition.test(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  private String noneMatched(Class<?> type) {
    List<String> others = new ArrayList<>();
    for (DomainEvent event : events.values()) {
      if (type.isInstance(event)) {
        others.add(String.valueOf(event));
      }
    }
    return others.isEmpty()
        ? "no event of that type was captured"
        : others.size() + " event(s) of that type were captured, none matching:\n  "
            + String.join("\n  ", others);
  }

  /** Waits for a change; every caller re-checks its condition in a loop. */
  @SuppressWarnings("WaitNotInLoop")
  private void awaitChange(long nanos, String expectation) {
    try {
      changed.await(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      AssertionError failure =
          new AssertionError("interrupted while waiting for " + expectation);
      failure.initCause(interrupted);
      throw failure;
    }
  }
}
