package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventIdGenerator;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.CausalFixtures.OrderPlaced;
import io.github.domainevents.outside.CausalFixtures.PaymentTaken;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link EventContext#wrap}: work handed to other threads runs in the submitting thread's
 * context, and the running thread gets its own context back afterwards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventContextWrapTest {
  private static final UUID REQUEST = UUID.fromString("0b5e7a1c-2d3f-4e5a-8b6c-7d8e9f0a1b2c");
  private static final UUID OTHER = UUID.fromString("11111111-2222-4333-8444-555555555555");

  /** One worker thread, so the next task provably runs on the thread the last one used. */
  private ExecutorService single;

  @BeforeEach
  void startPool() {
    single = Executors.newSingleThreadExecutor(task -> new Thread(task, "context-wrap-worker"));
  }

  @AfterEach
  void stopPool() throws InterruptedException {
    single.shutdownNow();
    assertThat(single.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(EventContext.correlationId()).isEmpty();
    assertThat(EventContext.currentCause()).isEmpty();
  }

  /** What a task saw of the context, and the header of an event it created. */
  record Seen(Optional<UUID> correlation, Optional<DomainEvent> cause, EventHeader created) {
    static Seen now() {
      return new Seen(EventContext.correlationId(), EventContext.currentCause(), EventHeader.create());
    }

    void isEmpty() {
      assertThat(correlation).isEmpty();
      assertThat(cause).isEmpty();
      assertThat(created.correlationId()).isEmpty();
      assertThat(created.causationId()).isEmpty();
    }

    void isCorrelatedWith(UUID id) {
      assertThat(correlation).contains(id);
      assertThat(created.correlationId()).contains(id);
    }
  }

  private Seen plainTaskOnTheWorker() throws Exception {
    return single.submit(Seen::now).get();
  }

  @Test
  void aRunnableWrappedInsideAHandlerCarriesTheCauseToAnotherThread() throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    AtomicReference<Seen> seen = new AtomicReference<>();
    List<Runnable> wrapped = new ArrayList<>();
    dispatcher.register(OrderPlaced.class, event ->
        wrapped.add(EventContext.wrap(() -> seen.set(Seen.now()))));

    OrderPlaced placed;
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      placed = new OrderPlaced();
      dispatcher.dispatch(placed);
    }
    single.submit(wrapped.get(0)).get();

    assertThat(seen.get().cause()).containsSame(placed);
    assertThat(seen.get().created().causationId()).contains(placed.eventId());
    seen.get().isCorrelatedWith(REQUEST);
  }

  @Test
  void aCallableWrappedInsideAHandlerCarriesTheCauseToAnotherThread() throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<Callable<PaymentTaken>> wrapped = new ArrayList<>();
    dispatcher.register(OrderPlaced.class, event -> wrapped.add(EventContext.wrap(() -> new PaymentTaken())));

    OrderPlaced placed = new OrderPlaced();
    dispatcher.dispatch(placed);
    PaymentTaken created = single.submit(wrapped.get(0)).get();

    assertThat(created.causationId()).contains(placed.eventId());
    assertThat(created.correlationId()).contains(placed.eventId());
  }

  @Test
  void theContextIsCapturedWhenWrappingNotWhenRunning() throws Exception {
    Callable<Seen> wrapped;
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      wrapped = EventContext.wrap(Seen::now);
    }
    try (EventContext.Scope scope = EventContext.openCorrelation(OTHER)) {
      single.submit(wrapped).get().isCorrelatedWith(REQUEST);
    }
  }

  @Test
  void aPlainTaskAfterAWrappedOneOnTheSameThreadSeesAnEmptyContext() throws Exception {
    plainTaskOnTheWorker().isEmpty();
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      single.submit(EventContext.wrap(Seen::now)).get().isCorrelatedWith(REQUEST);
      single.submit(EventContext.wrap(() -> { })).get();
    }

    plainTaskOnTheWorker().isEmpty();
  }

  @Test
  void aPlainTaskAfterAWrappedTaskCapturedInAHandlerSeesNoCause() throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<Future<?>> submitted = new ArrayList<>();
    dispatcher.register(OrderPlaced.class, event ->
        submitted.add(single.submit(EventContext.wrap(() -> new PaymentTaken()))));
    dispatcher.dispatch(new OrderPlaced());
    submitted.get(0).get();

    plainTaskOnTheWorker().isEmpty();
  }

  @Test
  void aWrappedRunnableThatThrowsStillRestoresTheWorkersContext() throws Exception {
    Future<?> failed;
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      failed = single.submit(EventContext.wrap((Runnable) () -> {
        throw new IllegalStateException("task failed");
      }));
    }

    assertThatThrownBy(failed::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("task failed");
    plainTaskOnTheWorker().isEmpty();
  }

  @Test
  void aWrappedCallableThatThrowsACheckedExceptionPassesItOnUnchangedAndRestores()
      throws Exception {
    IOException failure = new IOException("disk full");
    Future<Object> failed;
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      failed = single.submit(EventContext.wrap(() -> {
        throw failure;
      }));
    }

    assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class).cause().isSameAs(failure);
    plainTaskOnTheWorker().isEmpty();
  }

  @Test
  void aWrappedTaskRunOnAThreadWithItsOwnContextGivesThatContextBack() throws Exception {
    Runnable wrapped;
    AtomicReference<Seen> inside = new AtomicReference<>();
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      wrapped = EventContext.wrap(() -> inside.set(Seen.now()));
    }

    try (EventContext.Scope own = EventContext.openCorrelation(OTHER)) {
      wrapped.run(); // caller-runs, as a saturated pool might do
      assertThat(EventContext.correlationId()).contains(OTHER);
      assertThat(EventHeader.create().correlationId()).contains(OTHER);
    }
    inside.get().isCorrelatedWith(REQUEST);
  }

  @Test
  void aWrappedTaskCapturedWithoutContextRunsWithoutTheRunningThreadsContext() throws Exception {
    Runnable wrapped;
    AtomicReference<Seen> inside = new AtomicReference<>();
    wrapped = EventContext.wrap(() -> inside.set(Seen.now()));

    try (EventContext.Scope own = EventContext.openCorrelation(OTHER)) {
      wrapped.run();
      assertThat(EventContext.correlationId()).contains(OTHER);
    }
    inside.get().isEmpty();
  }

  @Test
  void aScopeTheTaskLeavesOpenDoesNotOutliveTheTask() throws Exception {
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      single.submit(EventContext.wrap(() -> {
        EventContext.openCorrelation(OTHER); // never closed
      })).get();
    }
    plainTaskOnTheWorker().isEmpty();
  }

  @Test
  void aWrappedTaskCarriesScopedIdsAndClockAndTheWorkerGetsItsDefaultsBack() throws Exception {
    UUID first = new UUID(0x5eed, 1);
    Instant fixed = Instant.parse("2026-01-01T00:00:00Z");
    Callable<EventHeader> wrapped;
    try (EventDefaults.Scope scope = EventDefaults.with(
        Clock.fixed(fixed, ZoneOffset.UTC), EventIdGenerator.sequential(first))) {
      wrapped = EventContext.wrap(EventHeader::create);
    }

    EventHeader inTask = single.submit(wrapped).get();
    EventHeader afterTask = single.submit(EventHeader::create).get();

    assertThat(inTask.eventId()).isEqualTo(first);
    assertThat(inTask.occurredAt()).isEqualTo(fixed);
    assertThat(afterTask.eventId()).isNotEqualTo(new UUID(0x5eed, 2));
    assertThat(afterTask.occurredAt()).isNotEqualTo(fixed);
  }

  @Test
  void aWrappedExecutorRunsEachTaskInTheSubmittersContext() throws Exception {
    Executor executor = EventContext.wrap((Executor) single);
    CompletableFuture<Seen> first = new CompletableFuture<>();
    CompletableFuture<Seen> second = new CompletableFuture<>();

    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      executor.execute(() -> first.complete(Seen.now()));
    }
    try (EventContext.Scope scope = EventContext.openCorrelation(OTHER)) {
      executor.execute(() -> second.complete(Seen.now()));
    }

    first.get().isCorrelatedWith(REQUEST);
    second.get().isCorrelatedWith(OTHER);
    plainTaskOnTheWorker().isEmpty();
  }

  @Test
  void everySubmissionMethodOfAWrappedExecutorServiceCarriesTheContext() throws Exception {
    ExecutorService service = EventContext.wrap(single);
    List<Seen> seen = new ArrayList<>();
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      CompletableFuture<Seen> executed = new CompletableFuture<>();
      service.execute(() -> executed.complete(Seen.now()));
      seen.add(executed.get());

      AtomicReference<Seen> byRunnable = new AtomicReference<>();
      service.submit(() -> byRunnable.set(Seen.now())).get();
      seen.add(byRunnable.get());

      AtomicReference<Seen> byRunnableWithResult = new AtomicReference<>();
      assertThat(service.submit(() -> byRunnableWithResult.set(Seen.now()), "done").get())
          .isEqualTo("done");
      seen.add(byRunnableWithResult.get());

      seen.add(service.submit(Seen::now).get());

      Callable<Seen> task = Seen::now;
      for (Future<Seen> future : service.invokeAll(List.of(task, task))) {
        seen.add(future.get());
      }
      for (Future<Seen> future :
          service.invokeAll(List.of(task), 30, TimeUnit.SECONDS)) {
        seen.add(future.get());
      }
      seen.add(service.invokeAny(List.of(task)));
      seen.add(service.invokeAny(List.of(task), 30, TimeUnit.SECONDS));
    }

    assertThat(seen).hasSize(9);
    seen.forEach(one -> one.isCorrelatedWith(REQUEST));
    plainTaskOnTheWorker().isEmpty();
  }

  @Test
  void aWrappedExecutorServiceCapturesAtSubmissionSoOneWrapperServesManyRequests()
      throws Exception {
    ExecutorService service = EventContext.wrap(single);
    Future<Seen> first;
    Future<Seen> second;
    try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
      first = service.submit(Seen::now);
    }
    try (EventContext.Scope scope = EventContext.openCorrelation(OTHER)) {
      second = service.submit(Seen::now);
    }
    Future<Seen> third = service.submit(Seen::now);

    first.get().isCorrelatedWith(REQUEST);
    second.get().isCorrelatedWith(OTHER);
    third.get().isEmpty();
  }

  @Test
  void shuttingDownTheWrapperShutsDownTheDelegate() throws Exception {
    ExecutorService service = EventContext.wrap(single);
    assertThat(service.isShutdown()).isFalse();

    service.shutdown();

    assertThat(single.isShutdown()).isTrue();
    assertThat(service.isShutdown()).isTrue();
    assertThat(service.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(service.isTerminated()).isTrue();
    assertThat(single.isTerminated()).isTrue();
  }

  @Test
  void shutdownNowOnTheWrapperStopsTheDelegateAndReturnsWhatDidNotRun() throws Exception {
    ExecutorService service = EventContext.wrap(single);
    CompletableFuture<Void> release = new CompletableFuture<>();
    CompletableFuture<Void> started = new CompletableFuture<>();
    service.execute(() -> {
      started.complete(null);
      release.join();
    });
    started.get();
    service.execute(() -> { });

    List<Runnable> neverRan = service.shutdownNow();
    release.complete(null);

    assertThat(neverRan).hasSize(1);
    assertThat(single.isShutdown()).isTrue();
  }

  @Test
  void wrappingRejectsNullNamingTheArgument() {
    assertThatThrownBy(() -> EventContext.wrap((Runnable) null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("task");
    assertThatThrownBy(() -> EventContext.wrap((Callable<?>) null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("task");
    assertThatThrownBy(() -> EventContext.wrap((Executor) null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("executor");
    assertThatThrownBy(() -> EventContext.wrap((ExecutorService) null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("executor");
  }

  @Test
  void dispatchAsyncRunsHandlersInTheCallersContextAndLeavesNothingOnThePooledThread()
      throws Exception {
    List<Seen> seenByHandler = new ArrayList<>();
    try (InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().executor(single).build()) {
      dispatcher.register(OrderPlaced.class, event -> seenByHandler.add(Seen.now()));

      single.submit(() -> {
        EventContext.openCorrelation(OTHER); // stale context left behind on the pooled thread
      }).get();

      OrderPlaced placed;
      try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
        placed = new OrderPlaced();
        dispatcher.dispatchAsync(placed).get();
      }

      assertThat(seenByHandler).hasSize(1);
      assertThat(seenByHandler.get(0).cause()).containsSame(placed);
      seenByHandler.get(0).isCorrelatedWith(REQUEST);
      assertThat(plainTaskOnTheWorker().correlation())
          .as("the pooled thread got back its own (stale) context, not the dispatch's")
          .contains(OTHER);
    }
  }

  @Test
  void anAsyncHandlerThatThrowsLeavesThePooledThreadClean() throws Exception {
    try (InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().executor(single).build()) {
      dispatcher.register(OrderPlaced.class, event -> {
        EventContext.openCorrelation(OTHER); // left open, then the handler fails
        throw new IllegalStateException("handler failed");
      });

      CompletableFuture<?> outcome;
      try (EventContext.Scope scope = EventContext.openCorrelation(REQUEST)) {
        outcome = dispatcher.dispatchAsync(new OrderPlaced());
      }

      assertThatThrownBy(() -> outcome.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(EventDispatchException.class)
          .hasRootCauseMessage("handler failed");
      plainTaskOnTheWorker().isEmpty();
    }
  }

  @Test
  void aWrappedExecutorService_reportsItsPoolsLifecycle() throws Exception {
    ExecutorService wrapped = EventContext.wrap(Executors.newSingleThreadExecutor());
    CountDownLatch release = new CountDownLatch(1);
    Future<?> running = wrapped.submit(() -> release.await(30, TimeUnit.SECONDS));
    wrapped.shutdown();

    assertThat(wrapped.isShutdown()).isTrue();
    assertThat(wrapped.isTerminated()).isFalse(); // its task still runs
    assertThat(wrapped.awaitTermination(0, TimeUnit.SECONDS)).isFalse();
    release.countDown();
    assertThat(wrapped.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(wrapped.isTerminated()).isTrue();
    assertThat(running).isDone();
    assertThat(wrapped.toString()).startsWith("EventContext.wrap(");
  }
}
