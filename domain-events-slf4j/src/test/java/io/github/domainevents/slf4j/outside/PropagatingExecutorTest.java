package io.github.domainevents.slf4j.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DispatchReport;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.slf4j.EventMdc;
import io.github.domainevents.slf4j.outside.Events.InviteCreated;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@link EventMdc#propagatingExecutor}: asynchronous handlers log with the dispatching thread's
 * MDC, and the pooled thread's own (stale) MDC is back after every task.
 */
@Timeout(30)
class PropagatingExecutorTest {
  private static final Logger LOG = LoggerFactory.getLogger("handlers.propagated");
  private static final Map<String, String> STALE =
      Map.of(EventMdc.EVENT_ID, "stale-id", "tenant", "stale-tenant", "request_id", "stale-req");

  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private final InProcessEventDispatcher dispatcher =
      InProcessEventDispatcher.builder()
          .executor(EventMdc.propagatingExecutor(pool))
          .interceptor(EventMdc.interceptor())
          .build();
  private LogLines log;

  @BeforeEach
  void setUp() throws Exception {
    MDC.clear();
    log = LogLines.capture("handlers.propagated");
    pool.submit(() -> MDC.setContextMap(STALE)).get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() throws Exception {
    log.close();
    dispatcher.close();
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    MDC.clear();
  }

  @Test
  void asyncHandlerSeesTheDispatchingThreadsMdcAndNoStaleKeys() throws Exception {
    dispatcher.register(
        InviteCreated.class, e -> LOG.info("request {}", MDC.get("request_id")));
    MDC.put("tenant", "acme");
    InviteCreated event = new InviteCreated("ada@example.com");

    dispatcher.dispatchAsync(event).get(10, TimeUnit.SECONDS);

    assertThat(log.lines())
        .containsExactly(
            "invite.created id=" + event.eventId() + " corr=- cause=- tenant=acme | request null");
    assertThat(mdcOnPoolThread()).isEqualTo(STALE);
    assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("tenant", "acme"));
  }

  @Test
  void withNoMdcAtDispatchTheHandlerSeesOnlyTheEventsKeys() throws Exception {
    Map<String, String>[] seen = newMapArray();
    dispatcher.register(InviteCreated.class, e -> seen[0] = MDC.getCopyOfContextMap());
    InviteCreated event = new InviteCreated("ada@example.com");

    dispatcher.dispatchAsync(event).get(10, TimeUnit.SECONDS);

    assertThat(seen[0])
        .isEqualTo(
            Map.of(
                EventMdc.EVENT_ID, event.eventId().toString(),
                EventMdc.EVENT_TYPE, "invite.created"));
    assertThat(mdcOnPoolThread()).isEqualTo(STALE);
  }

  @Test
  void thePooledThreadsMdcIsBackAfterAFailingHandler() throws Exception {
    dispatcher.register(
        InviteCreated.class,
        e -> {
          throw new IllegalStateException("cache down");
        });
    MDC.put("tenant", "acme");

    CompletableFuture<DispatchReport> outcome =
        dispatcher.dispatchAsync(new InviteCreated("ada@example.com"));

    assertThat(outcome).failsWithin(10, TimeUnit.SECONDS);
    assertThat(mdcOnPoolThread()).isEqualTo(STALE);
  }

  @Test
  void aThrowingTaskStillRestoresTheWorkersMdc() {
    Executor direct = EventMdc.propagatingExecutor(Runnable::run);
    MDC.put("tenant", "acme");

    assertThatThrownBy(
            () ->
                direct.execute(
                    () -> {
                      MDC.put("tenant", "changed-by-task");
                      MDC.put("extra", "left-by-task");
                      throw new IllegalStateException("task failed");
                    }))
        .hasMessage("task failed");

    assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("tenant", "acme"));
  }

  @Test
  void theMdcIsCapturedWhenTheTaskIsSubmittedNotWhenItRuns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    pool.execute(
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    Map<String, String>[] seen = newMapArray();
    CountDownLatch done = new CountDownLatch(1);
    MDC.put("tenant", "at-submit");
    EventMdc.propagatingExecutor(pool)
        .execute(
            () -> {
              seen[0] = MDC.getCopyOfContextMap();
              done.countDown();
            });
    MDC.put("tenant", "changed-later");
    release.countDown();

    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(seen[0]).isEqualTo(Map.of("tenant", "at-submit"));
  }

  @Test
  void rejectionPropagatesAndNullIsRejected() {
    Executor rejecting =
        EventMdc.propagatingExecutor(
            task -> {
              throw new RejectedExecutionException("full");
            });

    assertThatThrownBy(() -> rejecting.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
    assertThatThrownBy(() -> rejecting.execute(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("task must not be null");
    assertThatThrownBy(() -> EventMdc.propagatingExecutor(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("executor must not be null");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String>[] newMapArray() {
    return (Map<String, String>[]) new Map<?, ?>[1];
  }

  private Map<String, String> mdcOnPoolThread() throws Exception {
    return pool.submit(
            () -> {
              Map<String, String> copy = MDC.getCopyOfContextMap();
              return copy == null ? new HashMap<String, String>() : copy;
            })
        .get(10, TimeUnit.SECONDS);
  }
}
