package io.github.domainevents.slf4j.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.slf4j.EventMdc;
import io.github.domainevents.slf4j.outside.Events.InviteCreated;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

/**
 * 4 threads x 2,000 synchronous dispatches through one shared dispatcher (well under a second):
 * every handler sees its own event's id, and every thread ends with exactly the MDC it started
 * with. Proves the interceptor keeps no shared state.
 */
class EventMdcConcurrencyTest {
  private static final int THREADS = 4;
  private static final int EVENTS_PER_THREAD = 2_000;

  @Test
  @Timeout(60)
  void concurrentDispatchesEachSeeTheirOwnEventAndRestoreTheirOwnThread() throws Exception {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(EventMdc.interceptor()).build();
    ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
    AtomicInteger handled = new AtomicInteger();
    dispatcher.register(
        InviteCreated.class,
        e -> {
          if (!e.eventId().toString().equals(MDC.get(EventMdc.EVENT_ID))) {
            mismatches.add(e.eventId() + " saw " + MDC.get(EventMdc.EVENT_ID));
          }
          handled.incrementAndGet();
        });
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Map<String, String>>> ends = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String marker = "thread-" + t;
      ends.add(
          threads.submit(
              () -> {
                MDC.clear();
                MDC.put(EventMdc.EVENT_ID, marker);
                start.await();
                for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                  dispatcher.dispatch(new InviteCreated("user" + i + "@example.com"));
                }
                Map<String, String> end = MDC.getCopyOfContextMap();
                MDC.clear();
                return end;
              }));
    }
    start.countDown();

    for (int t = 0; t < THREADS; t++) {
      assertThat(ends.get(t).get(30, TimeUnit.SECONDS))
          .isEqualTo(Map.of(EventMdc.EVENT_ID, "thread-" + t));
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mismatches).isEmpty();
    assertThat(handled).hasValue(THREADS * EVENTS_PER_THREAD);
  }
}
