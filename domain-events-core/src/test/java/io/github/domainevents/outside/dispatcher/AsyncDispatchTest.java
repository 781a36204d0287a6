package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.domainevents.DispatchReport;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.EventHeader;
import io.github.domainevents.HandlerFailure;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteAccepted;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code dispatchAsync}: same handlers and policies, on the executor, in the caller's context. */
@Timeout(60)
class AsyncDispatchTest {
  private static final String WORKER = "async-dispatch-test-worker";

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, WORKER));
  private final InProcessEventDispatcher dispatcher =
      InProcessEventDispatcher.builder().executor(worker).build();
  private final Journal journal = new Journal();

  @AfterEach
  void shutDown() throws InterruptedException {
    dispatcher.close();
    worker.shutdownNow();
    assertThat(worker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void dispatchAsync_completesWithTheReport_afterRunningTheHandlersOnTheExecutorThread()
      throws Exception {
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    dispatcher.register(InviteCreated.class, event -> threads.add(Thread.currentThread().getName()));
    dispatcher.register(InviteCreated.class, journal.handler("second"));
    InviteCreated event = new InviteCreated(1);

    DispatchReport report = dispatcher.dispatchAsync(event).get(10, TimeUnit.SECONDS);

    assertThat(threads).containsExactly(WORKER);
    assertThat(report.event()).isSameAs(event);
    assertThat(report.succeeded()).isTrue();
    assertThat(report.outcomes()).hasSize(2);
    assertThat(journal.entries()).containsExactly("second:invite.created1");
  }

  @Test
  void defaultExecutor_runsOnADaemonThreadOfTheDispatcher() throws Exception {
    InProcessEventDispatcher ownPool = new InProcessEventDispatcher();
    AtomicReference<Thread> thread = new AtomicReference<>();
    ownPool.register(InviteCreated.class, event -> thread.set(Thread.currentThread()));

    ownPool.dispatchAsync(new InviteCreated(1)).get(10, TimeUnit.SECONDS);
    ownPool.close();

    assertThat(thread.get()).isNotSameAs(Thread.currentThread());
    assertThat(thread.get().isDaemon()).isTrue();
    assertThat(thread.get().getName()).startsWith("domain-events-async-");
  }

  @Test
  void eventCreatedInAnAsyncHandler_isCausedByTheDispatchedEvent() throws Exception {
    AtomicReference<EventHeader> created = new AtomicReference<>();
    dispatcher.register(InviteCreated.class, event -> created.set(EventHeader.create()));
    InviteCreated event = new InviteCreated(1);

    dispatcher.dispatchAsync(event).get(10, TimeUnit.SECONDS);

    assertThat(created.get().causationId()).contains(event.eventId());
    assertThat(created.get().correlationId()).contains(event.eventId());
  }

  @Test
  void asyncDispatchFromAHandler_carriesTheCausalChainToTheExecutor() throws Exception {
    AtomicReference<CompletableFuture<DispatchReport>> future = new AtomicReference<>();
    AtomicReference<DomainEvent> accepted = new AtomicReference<>();
    AtomicReference<EventHeader> createdAsync = new AtomicReference<>();
    dispatcher.register(InviteCreated.class, event ->
        future.set(dispatcher.dispatchAsync(new InviteAccepted(event.inviteId()))));
    dispatcher.register(InviteAccepted.class, event -> {
      accepted.set(event);
      createdAsync.set(EventHeader.create());
    });
    InviteCreated root = new InviteCreated(1);

    dispatcher.dispatch(root);
    future.get().get(10, TimeUnit.SECONDS);

    assertThat(accepted.get().causationId()).contains(root.eventId());
    assertThat(createdAsync.get().causationId()).contains(accepted.get().eventId());
    assertThat(createdAsync.get().correlationId()).contains(root.eventId());
  }

  @Test
  void callersEventDefaultsScope_followsTheEventOntoTheExecutor_andStaysThere() throws Exception {
    Instant fixed = Instant.parse("2001-01-01T00:00:00Z");
    AtomicReference<Instant> occurredAt = new AtomicReference<>();
    dispatcher.register(InviteCreated.class,
        event -> occurredAt.set(EventHeader.create().occurredAt()));

    try (EventDefaults.Scope scope = EventDefaults.withClock(Clock.fixed(fixed, ZoneOffset.UTC))) {
      dispatcher.dispatchAsync(new InviteCreated(1)).get(10, TimeUnit.SECONDS);
    }
    Instant laterOnWorker = worker.submit(() -> EventHeader.create().occurredAt())
        .get(10, TimeUnit.SECONDS);

    assertThat(occurredAt.get()).isEqualTo(fixed);
    assertThat(laterOnWorker).isNotEqualTo(fixed);
  }

  @Test
  void staleContextLeftOnThePooledThread_isNotSeenByTheHandler() throws Exception {
    Instant stale = Instant.parse("1999-12-31T23:59:59Z");
    worker.submit(() -> EventDefaults.withClock(Clock.fixed(stale, ZoneOffset.UTC))) // never closed
        .get(10, TimeUnit.SECONDS);
    AtomicReference<Instant> occurredAt = new AtomicReference<>();
    dispatcher.register(InviteCreated.class,
        event -> occurredAt.set(EventHeader.create().occurredAt()));

    dispatcher.dispatchAsync(new InviteCreated(1)).get(10, TimeUnit.SECONDS);

    assertThat(occurredAt.get()).isNotEqualTo(stale);
  }

  @Test
  void nothingLeaksIntoTheNextTaskOnAPooledThread_afterSuccessOrFailure() throws Exception {
    AtomicReference<CompletableFuture<DispatchReport>> succeeding = new AtomicReference<>();
    AtomicReference<CompletableFuture<DispatchReport>> failing = new AtomicReference<>();
    dispatcher.register(InviteCreated.class, event -> {
      succeeding.set(dispatcher.dispatchAsync(new Ping(1)));
      failing.set(dispatcher.dispatchAsync(new Ping(2)));
    });
    dispatcher.register(Ping.class, ping -> {
      if (ping.n() == 2) {
        throw new IllegalStateException("async failure");
      }
    });

    dispatcher.dispatch(new InviteCreated(1));
    succeeding.get().get(10, TimeUnit.SECONDS);
    catchThrowable(() -> failing.get().get(10, TimeUnit.SECONDS));
    EventHeader onWorkerAfterwards =
        worker.submit(EventHeader::create).get(10, TimeUnit.SECONDS);

    assertThat(onWorkerAfterwards.causationId()).isEmpty();
    assertThat(onWorkerAfterwards.correlationId()).isEmpty();
  }

  @Test
  void failingAsyncHandler_completesTheFutureExceptionally_namingEventTypeIdAndHandler() {
    IllegalStateException boom = new IllegalStateException("boom");
    dispatcher.register(new FailingHandler(boom));
    dispatcher.register(InviteCreated.class, journal.handler("skipped"));
    InviteCreated event = new InviteCreated(1);

    CompletableFuture<DispatchReport> future = dispatcher.dispatchAsync(event);
    Throwable thrown = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));

    assertThat(thrown).isInstanceOf(ExecutionException.class);
    Throwable failure = thrown.getCause();
    assertThat(failure.getMessage())
        .contains("invite.created", event.eventId().toString(), "AsyncDispatchTest.FailingHandler");
    assertThat(failure).isInstanceOf(EventDispatchException.class);
    assertThat(failure).hasCause(boom);
    assertThat(((EventDispatchException) failure).report().orElseThrow().outcomes())
        .extracting(DispatchReport.Outcome::status)
        .containsExactly(DispatchReport.Status.FAILED, DispatchReport.Status.SKIPPED);
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void failingAsyncHandlerWithACheckedException_completesTheFutureExceptionally_namingIt() {
    IOException checked = new IOException("disk full");
    dispatcher.register(new FailingHandler(checked));
    InviteCreated event = new InviteCreated(1);

    Throwable thrown = catchThrowable(() -> dispatcher.dispatchAsync(event).get(10, TimeUnit.SECONDS));

    assertThat(thrown.getCause())
        .isInstanceOf(EventDispatchException.class)
        .hasCause(checked)
        .hasMessageContaining(event.eventId().toString())
        .hasMessageContaining("AsyncDispatchTest.FailingHandler");
  }

  @Test
  void asyncFailure_underReportAndContinue_goesToTheErrorHandler_andTheFutureCompletes()
      throws Exception {
    List<HandlerFailure> failures = Collections.synchronizedList(new ArrayList<>());
    InProcessEventDispatcher lenient = InProcessEventDispatcher.builder()
        .executor(worker)
        .reportAndContinue(failures::add)
        .build();
    IllegalStateException boom = new IllegalStateException("boom");
    lenient.register(new FailingHandler(boom));
    lenient.register(InviteCreated.class, journal.handler("after"));
    InviteCreated event = new InviteCreated(1);

    DispatchReport report = lenient.dispatchAsync(event).get(10, TimeUnit.SECONDS);

    assertThat(report.failures()).containsExactly(boom);
    assertThat(failures).singleElement().satisfies(failure -> {
      assertThat(failure.event()).isSameAs(event);
      assertThat(failure.exception()).isSameAs(boom);
      assertThat(failure.handler().description()).isEqualTo("AsyncDispatchTest.FailingHandler");
    });
    assertThat(journal.entries()).containsExactly("after:invite.created1");
  }

  @Test
  void rejectingExecutor_completesTheFutureExceptionally_andNothingRuns() {
    InProcessEventDispatcher rejecting = InProcessEventDispatcher.builder()
        .executor(task -> {
          throw new RejectedExecutionException("queue full");
        })
        .build();
    rejecting.register(InviteCreated.class, journal.handler("never"));
    InviteCreated event = new InviteCreated(1);

    CompletableFuture<DispatchReport> future = rejecting.dispatchAsync(event);

    assertThat(future).isCompletedExceptionally();
    Throwable thrown = catchThrowable(future::join);
    assertThat(thrown.getCause())
        .isInstanceOf(RejectedExecutionException.class)
        .hasMessageContaining(event.eventId().toString())
        .hasRootCauseMessage("queue full");
    assertThat(journal.entries()).isEmpty();
    assertThat(rejecting.close(Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void executorThatFailsOtherwise_alsoCompletesTheFutureExceptionally_andLeavesNothingInFlight() {
    IllegalStateException broken = new IllegalStateException("executor broken");
    InProcessEventDispatcher failing = InProcessEventDispatcher.builder()
        .executor(task -> {
          throw broken;
        })
        .build();
    failing.register(InviteCreated.class, journal.handler("never"));

    CompletableFuture<DispatchReport> future = failing.dispatchAsync(new InviteCreated(1));

    assertThat(future).isCompletedExceptionally();
    assertThat(catchThrowable(future::join)).hasRootCause(broken);
    assertThat(failing.close(Duration.ofMillis(100))).isEmpty();
  }

  /** A handler class, so that its description is known. */
  static final class FailingHandler implements DomainEventHandler<InviteCreated> {
    private final Exception failure;

    FailingHandler(Exception failure) {
      this.failure = failure;
    }

    @Override
    public void handle(InviteCreated event) throws Exception {
      throw failure;
    }
  }

  @Test
  void virtualThreadExecutor_runsTheDispatch_onJdk21AndLater() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21);
    ExecutorService virtual = (ExecutorService)
        Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    try {
      InProcessEventDispatcher onVirtualThreads =
          InProcessEventDispatcher.builder().executor(virtual).build();
      AtomicReference<Boolean> isVirtual = new AtomicReference<>();
      AtomicReference<EventHeader> created = new AtomicReference<>();
      onVirtualThreads.register(InviteCreated.class, event -> {
        isVirtual.set((Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread()));
        created.set(EventHeader.create());
      });
      InviteCreated event = new InviteCreated(1);

      onVirtualThreads.dispatchAsync(event).get(10, TimeUnit.SECONDS);
      onVirtualThreads.close();

      assertThat(isVirtual.get()).isTrue();
      assertThat(created.get().causationId()).contains(event.eventId());
    } finally {
      virtual.shutdownNow();
    }
  }
}
