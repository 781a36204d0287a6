package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DispatchReport;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.LogCapture;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/** {@code close}: no new asynchronous work, in-flight work awaited or reported. */
@Timeout(60)
class AsyncCloseTest {
  /** Captures the warnings and errors these tests cause on purpose. */
  @RegisterExtension final LogCapture logs = new LogCapture();

  private final Journal journal = new Journal();

  @Test
  void dispatchAsyncAfterClose_throwsIllegalStateException_andSchedulesNothing() {
    AtomicInteger executed = new AtomicInteger();
    Executor counting = task -> {
      executed.incrementAndGet();
      task.run();
    };
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().executor(counting).build();
    dispatcher.register(InviteCreated.class, journal.handler("h"));
    InviteCreated event = new InviteCreated(1);

    assertThat(dispatcher.isClosed()).isFalse();
    dispatcher.close();

    assertThat(dispatcher.isClosed()).isTrue();
    assertThatThrownBy(() -> dispatcher.dispatchAsync(event))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed")
        .hasMessageContaining(event.eventId().toString());
    assertThat(executed).hasValue(0);
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void synchronousDispatch_keepsWorkingAfterClose() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(InviteCreated.class, journal.handler("h"));

    dispatcher.close();
    dispatcher.dispatch(new InviteCreated(1));

    assertThat(journal.entries()).containsExactly("h:invite.created1");
  }

  @Test
  void closeWithASlowHandler_returnsAfterAboutTheTimeout_withTheUnfinishedEvent()
      throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    dispatcher.register(InviteCreated.class, event -> {
      started.countDown();
      release.await(30, TimeUnit.SECONDS);
    });
    InviteCreated slow = new InviteCreated(1);
    CompletableFuture<DispatchReport> future = dispatcher.dispatchAsync(slow);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    List<DomainEvent> unfinished = dispatcher.close(Duration.ofMillis(300));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    try {
      assertThat(unfinished).containsExactly(slow);
      assertThat(logs.messages(java.util.logging.Level.WARNING)).singleElement().asString()
          .startsWith("1 asynchronous dispatch(es) did not finish within PT0.3S of close(): "
              + slow.eventType() + " " + slow.eventId());
      assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofSeconds(10));
      assertThat(future).isNotDone();
    } finally {
      release.countDown();
    }
    assertThat(future.get(10, TimeUnit.SECONDS).succeeded()).isTrue(); // not interrupted
  }

  @Test
  void closeOnAnInterruptedThread_stopsWaiting_reportsTheUnfinished_andKeepsTheInterrupt()
      throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    dispatcher.register(InviteCreated.class, event -> {
      started.countDown();
      release.await(30, TimeUnit.SECONDS);
    });
    InviteCreated slow = new InviteCreated(1);
    CompletableFuture<DispatchReport> future = dispatcher.dispatchAsync(slow);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    List<DomainEvent> unfinished;
    boolean stillInterrupted;
    Thread.currentThread().interrupt();
    try {
      unfinished = dispatcher.close(Duration.ofSeconds(30));
    } finally {
      stillInterrupted = Thread.interrupted(); // reads and clears the flag for the next tests
      release.countDown();
    }

    assertThat(stillInterrupted).isTrue();
    assertThat(unfinished).containsExactly(slow);
    assertThat(future.get(10, TimeUnit.SECONDS).succeeded()).isTrue();
  }

  @Test
  void closeWithoutArguments_usesTheConfiguredTimeout() throws Exception {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().closeTimeout(Duration.ofMillis(200)).build();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    dispatcher.register(InviteCreated.class, event -> {
      started.countDown();
      release.await(30, TimeUnit.SECONDS);
    });
    dispatcher.dispatchAsync(new InviteCreated(1));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    try {
      dispatcher.close();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    } finally {
      release.countDown();
    }
  }

  @Test
  void close_waitsForInFlightDispatches_thatFinishInTime() throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    CountDownLatch started = new CountDownLatch(1);
    dispatcher.register(InviteCreated.class, event -> {
      started.countDown();
      Thread.sleep(200);
      journal.add("finished");
    });
    CompletableFuture<DispatchReport> future = dispatcher.dispatchAsync(new InviteCreated(1));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    List<DomainEvent> unfinished = dispatcher.close(Duration.ofSeconds(30));

    assertThat(unfinished).isEmpty();
    assertThat(future).isCompleted();
    assertThat(journal.entries()).containsExactly("finished");
  }

  @Test
  void close_countsAFailedDispatchAsFinished() throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(InviteCreated.class, event -> {
      Thread.sleep(100);
      throw new IllegalStateException("failed");
    });
    CompletableFuture<DispatchReport> future = dispatcher.dispatchAsync(new InviteCreated(1));

    assertThat(dispatcher.close(Duration.ofSeconds(30))).isEmpty();
    assertThat(future).isCompletedExceptionally();
  }

  @Test
  void userSuppliedExecutorService_isNotShutDownByClose() throws Exception {
    ExecutorService mine = Executors.newSingleThreadExecutor();
    try {
      InProcessEventDispatcher dispatcher =
          InProcessEventDispatcher.builder().executor(mine).build();
      dispatcher.register(InviteCreated.class, journal.handler("h"));
      dispatcher.dispatchAsync(new InviteCreated(1)).get(10, TimeUnit.SECONDS);

      dispatcher.close();

      assertThat(mine.isShutdown()).isFalse();
      assertThat(mine.submit(() -> "still running").get(10, TimeUnit.SECONDS))
          .isEqualTo("still running");
    } finally {
      mine.shutdownNow();
    }
  }

  @Test
  void dispatchersOwnPool_isShutDownByClose() throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    AtomicReference<Thread> poolThread = new AtomicReference<>();
    dispatcher.register(InviteCreated.class, event -> poolThread.set(Thread.currentThread()));
    dispatcher.dispatchAsync(new InviteCreated(1)).get(10, TimeUnit.SECONDS);

    dispatcher.close();
    poolThread.get().join(TimeUnit.SECONDS.toMillis(20));

    assertThat(poolThread.get().isAlive()).isFalse();
  }

  @Test
  void closingTwice_isHarmless() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();

    assertThat(dispatcher.close(Duration.ZERO)).isEmpty();
    assertThat(dispatcher.close(Duration.ofSeconds(1))).isEmpty();
    dispatcher.close();
    assertThat(dispatcher.isClosed()).isTrue();
  }

  @Test
  void invalidTimeouts_areRejected() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();

    assertThatThrownBy(() -> dispatcher.close(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> InProcessEventDispatcher.builder().closeTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("closeTimeout");
    assertThatThrownBy(() -> InProcessEventDispatcher.builder().executor(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("executor");
    assertThat(dispatcher.isClosed()).isFalse();
  }

  @Test
  void closeFromInsideAnAsyncHandler_doesNotWaitForItself() throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    AtomicReference<List<DomainEvent>> unfinished = new AtomicReference<>();
    AtomicReference<Duration> took = new AtomicReference<>();
    dispatcher.register(InviteCreated.class, event -> {
      long start = System.nanoTime();
      unfinished.set(dispatcher.close(Duration.ofSeconds(20)));
      took.set(Duration.ofNanos(System.nanoTime() - start));
    });
    InviteCreated event = new InviteCreated(1);

    dispatcher.dispatchAsync(event).get(40, TimeUnit.SECONDS);

    assertThat(took.get()).isLessThan(Duration.ofSeconds(10));
    assertThat(unfinished.get()).containsExactly(event); // it was still running: itself
    assertThat(dispatcher.isClosed()).isTrue();
  }
}
