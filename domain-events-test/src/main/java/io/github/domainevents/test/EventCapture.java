package io.github.domainevents.test;

import io.github.domainevents.DeadEventHandler;
import io.github.domainevents.DispatchInterceptor;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventDispatcher;
import io.github.domainevents.EventIdGenerator;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connects dispatchers to the kit and opens captures: the entry point for code that does not use
 * {@link DomainEventsExtension}, and for building the dispatcher under test.
 *
 * <pre>{@code
 * InProcessEventDispatcher dispatcher =
 *     EventCapture.instrument(InProcessEventDispatcher.builder()).build();
 * try (CapturedEvents events = EventCapture.open()) {
 *   dispatcher.dispatch(new InviteCreated(...));
 *   assertThat(events).contains(WelcomeMailSent.class);
 * }
 * }</pre>
 *
 * <p>A dispatcher connected this way may be shared by every test of the JVM, also by tests
 * running in parallel: each event goes to the capture of the test on whose behalf it is
 * dispatched (see {@link CapturedEvents}), and to nothing when no capture is open.
 *
 * @since 0.1.0
 */
public final class EventCapture {
  private static final System.Logger LOG = System.getLogger(EventCapture.class.getName());
  private static final DispatchInterceptor INTERCEPTOR = EventCapture::intercept;

  private EventCapture() {}

  /**
   * Opens a capture on this thread; the clock and id generator stay as they are (ids come from
   * the current generator). Close it on this thread, with try-with-resources.
   *
   * @return the open capture
   */
  public static CapturedEvents open() {
    return CapturedEvents.open("capture opened on '" + Thread.currentThread().getName() + "'", null, null);
  }

  /**
   * Opens a capture on this thread in which new events take their time from {@code clock} and
   * their ids from {@code ids}, on this thread and wherever the scope goes.
   *
   * @param clock the clock for the scope
   * @param ids the id generator for the scope
   * @return the open capture
   * @throws NullPointerException if an argument is null
   */
  public static CapturedEvents open(Clock clock, EventIdGenerator ids) {
    return CapturedEvents.open(
        "capture opened on '" + Thread.currentThread().getName() + "'",
        Objects.requireNonNull(clock, "clock must not be null"),
        Objects.requireNonNull(ids, "ids must not be null"));
  }

  /**
   * Returns the capture the current thread works for: the innermost open one on this thread, or
   * the one whose scope was carried here (an asynchronous dispatch, a wrapped task).
   *
   * @return the capture, or empty outside any
   */
  public static Optional<CapturedEvents> current() {
    ScopeToken token = ScopeToken.current();
    return token == null ? Optional.empty() : Optional.of(token.captures().get(0));
  }

  /**
   * Returns the interceptor that reports every handler run, and so every event with a handler,
   * to the capture of the scope it runs in. Add it to an {@link InProcessEventDispatcher}'s
   * builder (first, to see the other interceptors' effects as part of the handler). Outside any
   * capture it only calls the handler.
   *
   * @return the shared, stateless interceptor
   */
  public static DispatchInterceptor interceptor() {
    return INTERCEPTOR;
  }

  /**
   * Returns a dead-event handler that records an event without handlers in the current capture.
   * Outside any capture, it passes the event to {@code outsideCapture}.
   *
   * @param outsideCapture what to do with dead events outside any capture, for example log them
   * @return the handler
   * @throws NullPointerException if {@code outsideCapture} is null
   */
  public static DeadEventHandler deadEvents(DeadEventHandler outsideCapture) {
    Objects.requireNonNull(outsideCapture, "outsideCapture must not be null");
    return event -> {
      ScopeToken token = ScopeToken.current();
      if (token == null) {
        outsideCapture.handle(event);
      } else {
        token.captures().forEach(capture -> capture.recordWithoutHandler(event));
      }
    };
  }

  /**
   * Returns an executor that runs tasks on {@code delegate} in the submitting thread's causal
   * context (as {@link EventContext#wrap(Executor)}) and counts them as pending work of the
   * submitting scope's capture until they end, so that {@link CapturedEvents#awaitQuiescence}
   * waits for them. Give it to the dispatcher's builder, or use it for the application's own
   * asynchronous work in tests.
   *
   * @param delegate the executor that runs the tasks
   * @return the tracking executor
   * @throws NullPointerException if {@code delegate} is null
   */
  public static Executor executor(Executor delegate) {
    Objects.requireNonNull(delegate, "delegate must not be null");
    return task -> {
      Runnable inContext = EventContext.wrap(task);
      ScopeToken token = ScopeToken.current();
      if (token == null) {
        delegate.execute(inContext);
        return;
      }
      List<CapturedEvents> captures = token.captures();
      captures.forEach(CapturedEvents::taskSubmitted);
      try {
        delegate.execute(() -> {
          try {
            inContext.run();
          } finally {
            captures.forEach(CapturedEvents::taskFinished);
          }
        });
      } catch (RuntimeException | Error rejected) {
        captures.forEach(CapturedEvents::taskFinished);
        throw rejected;
      }
    };
  }

  /**
   * Connects a dispatcher builder to the kit: adds {@link #interceptor()}, records dead events
   * ({@link #deadEvents}; outside a capture they are logged as a warning), and runs asynchronous
   * dispatches on a {@linkplain #executor tracked} pool of daemon threads shared by the kit. Set
   * another executor or dead-event handler afterwards to replace these.
   *
   * @param builder the builder to configure
   * @return {@code builder}
   * @throws NullPointerException if {@code builder} is null
   */
  public static InProcessEventDispatcher.Builder instrument(
      InProcessEventDispatcher.Builder builder) {
    Objects.requireNonNull(builder, "builder must not be null");
    return builder
        .interceptor(INTERCEPTOR)
        .deadEventHandler(deadEvents(EventCapture::logDeadEvent))
        .executor(executor(SharedPool.POOL));
  }

  /**
   * Returns a dispatcher that records each event given to it in the current capture, then
   * dispatches it with {@code delegate}: for any {@link EventDispatcher}, also one written by the
   * user. Events that {@code delegate}'s handlers dispatch are captured when they go through this
   * wrapper or through an instrumented dispatcher.
   *
   * @param delegate the dispatcher that delivers the events
   * @return the recording dispatcher
   * @throws NullPointerException if {@code delegate} is null
   */
  public static EventDispatcher recording(EventDispatcher delegate) {
    Objects.requireNonNull(delegate, "delegate must not be null");
    return new EventDispatcher() {
      @Override
      public void dispatch(DomainEvent event) {
        Objects.requireNonNull(event, "event must not be null");
        ScopeToken token = ScopeToken.current();
        if (token != null) {
          token.captures().forEach(capture -> capture.recordWithoutHandler(event));
        }
        delegate.dispatch(event);
      }

      @Override
      public String toString() {
        return "EventCapture.recording(" + delegate + ")";
      }
    };
  }

  private static void intercept(DomainEvent event, HandlerInfo handler, DispatchInterceptor.Next next)
      throws Exception {
    ScopeToken token = ScopeToken.current();
    if (token == null) {
      next.proceed(event);
      return;
    }
    List<CapturedEvents> captures = token.captures();
    DispatchInterceptor.Next chain = next;
    for (CapturedEvents capture : captures) {
      // Counted as running before it becomes visible: whoever sees the event sees its run too.
      capture.handlerStarted();
      capture.record(event);
      DispatchInterceptor.Next inner = chain;
      chain = received -> capture.intercept(received, handler, inner);
    }
    try {
      chain.proceed(event);
    } finally {
      captures.forEach(CapturedEvents::handlerFinished);
    }
  }

  private static void logDeadEvent(DomainEvent event) {
    LOG.log(
        Level.WARNING,
        "No handler for event " + event.eventType() + " " + event.eventId()
            + " (dispatched outside any test capture)");
  }

  /** The kit's pool for asynchronous dispatch: daemon threads, created on first use. */
  private static final class SharedPool {
    private static final AtomicInteger THREADS = new AtomicInteger();
    static final ExecutorService POOL =
        Executors.newCachedThreadPool(task -> {
          Thread thread = new Thread(task, "domain-events-test-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
