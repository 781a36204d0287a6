package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.CausalFixtures.OrderPlaced;
import io.github.domainevents.outside.CausalFixtures.PaymentTaken;
import io.github.domainevents.trace.EventTrace;
import io.github.domainevents.trace.HandlerRun;
import io.github.domainevents.trace.TracedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Recording from several threads at once loses nothing and mixes nothing up. Bounded: 4 threads
 * dispatch 250 root events each (every one raising a child), while a fifth thread queries and
 * renders the trace; a second or two on this machine, at most 60 seconds.
 */
class EventTraceConcurrencyTest {
  private static final int THREADS = 4;
  private static final int ROOTS_PER_THREAD = 250;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void fourThreadsRecordingAtOnceLoseNothing() throws Exception {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(trace).build();
    dispatcher.register(OrderPlaced.class, event -> dispatcher.dispatch(new PaymentTaken()));
    dispatcher.register(PaymentTaken.class, event -> { });
    Set<UUID> rootIds = ConcurrentHashMap.newKeySet();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    try {
      CountDownLatch start = new CountDownLatch(1);
      AtomicBoolean recording = new AtomicBoolean(true);
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        writers.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < ROOTS_PER_THREAD; i++) {
            OrderPlaced order = new OrderPlaced();
            rootIds.add(order.eventId());
            dispatcher.dispatch(order);
          }
          return null;
        }));
      }
      Future<Integer> reader = pool.submit(() -> {
        start.await();
        int queries = 0;
        do {
          trace.roots();
          trace.renderText();
          trace.renderMermaid();
          queries++;
        } while (recording.get());
        return queries;
      });
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(50, TimeUnit.SECONDS);
      }
      recording.set(false);
      assertThat(reader.get(50, TimeUnit.SECONDS)).as("queries made, none failed").isPositive();
    } finally {
      pool.shutdownNow();
    }

    int roots = THREADS * ROOTS_PER_THREAD;
    assertThat(trace.size()).isEqualTo(2 * roots);
    List<TracedEvent> recordedRoots = trace.roots();
    assertThat(recordedRoots).hasSize(roots);
    assertThat(recordedRoots).extracting(TracedEvent::eventId).containsExactlyInAnyOrderElementsOf(rootIds);
    for (TracedEvent root : recordedRoots) {
      HandlerRun run = root.handlerRuns().get(0);
      assertThat(root.handlerRuns()).hasSize(1);
      assertThat(run.running()).isFalse();
      List<TracedEvent> children = trace.children(root.eventId());
      assertThat(children).hasSize(1);
      assertThat(run.raisedEvents()).containsExactly(children.get(0).eventId());
      assertThat(children.get(0).handlerRuns()).hasSize(1);
      assertThat(children.get(0).correlationId()).isEqualTo(root.eventId());
    }
    assertThat(trace.renderText().lines().count()).isEqualTo(4L * roots);
  }
}
