package io.github.domainevents.outside.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.domainevents.EventContext;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.outside.unitofwork.UnitFixtures.InviteCreated;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Units of work on many threads at once stay isolated; a pooled thread is clean after failures. */
class UnitOfWorkConcurrencyTest {

  /**
   * 8 threads × 300 units each, one shared dispatcher, each unit committing or rolling back at
   * random with 1-3 events: every event's after-commit handler runs exactly once, on its own
   * thread, if and only if its unit committed; after-rollback likewise. Runs in well under a
   * second; proves that units on different threads never see each other's held events.
   */
  @Test
  @Timeout(60)
  void unitsOnManyThreads_stayIsolated() throws Exception {
    int threads = 8;
    int unitsPerThread = 300;
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    Map<Long, String> afterCommit = new ConcurrentHashMap<>();
    Map<Long, String> afterRollback = new ConcurrentHashMap<>();
    Map<Long, Integer> runs = new ConcurrentHashMap<>();
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, event -> {
      afterCommit.put(event.inviteId(), Thread.currentThread().getName());
      runs.merge(event.inviteId(), 1, Integer::sum);
    });
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_ROLLBACK, event -> {
      afterRollback.put(event.inviteId(), Thread.currentThread().getName());
      runs.merge(event.inviteId(), 1, Integer::sum);
    });
    AtomicLong ids = new AtomicLong();
    Map<Long, String> committedBy = new ConcurrentHashMap<>();
    Map<Long, String> rolledBackBy = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          start.await();
          String me = Thread.currentThread().getName();
          for (int u = 0; u < unitsPerThread; u++) {
            boolean commit = ThreadLocalRandom.current().nextBoolean();
            List<Long> mine = new ArrayList<>();
            try (UnitOfWork unit = UnitOfWork.begin()) {
              int events = 1 + ThreadLocalRandom.current().nextInt(3);
              for (int e = 0; e < events; e++) {
                long id = ids.incrementAndGet();
                mine.add(id);
                dispatcher.dispatch(new InviteCreated(id));
              }
              if (commit) {
                unit.commit();
              }
            }
            for (long id : mine) {
              (commit ? committedBy : rolledBackBy).put(id, me);
            }
            assertThat(UnitOfWork.isActive()).isFalse();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(50, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(afterCommit).isEqualTo(committedBy);
    assertThat(afterRollback).isEqualTo(rolledBackBy);
    assertThat(Set.copyOf(runs.values())).containsExactly(1);
    assertThat(runs).hasSize((int) ids.get());
  }

  /**
   * One pooled thread runs units that fail in every way (the application throws, a
   * before-commit handler throws, an after-commit handler throws), then a clean unit: the clean
   * unit delivers exactly its own event, and the thread carries no unit or causal context.
   */
  @Test
  @Timeout(60)
  void aPooledThread_reusedAfterFailedUnits_isClean() throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<Long> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
    dispatcher.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT, event -> {
      if (event.inviteId() == 2) {
        throw new IllegalStateException("before-commit handler fails");
      }
    });
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, event -> {
      delivered.add(event.inviteId());
      if (event.inviteId() == 3) {
        throw new IllegalStateException("after-commit handler fails");
      }
    });
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      for (int round = 0; round < 50; round++) {
        delivered.clear();
        for (long failing = 1; failing <= 3; failing++) {
          long id = failing;
          Throwable failure = pool.submit(() -> catchThrowable(() -> {
            try (UnitOfWork unit = UnitOfWork.begin()) {
              dispatcher.dispatch(new InviteCreated(id));
              if (id == 1) {
                throw new IllegalArgumentException("the application fails");
              }
              unit.commit();
            }
          })).get(10, TimeUnit.SECONDS);
          assertThat(failure).as("unit %d", id).isNotNull();
        }
        List<Object> state = pool.submit(() -> {
          try (UnitOfWork unit = UnitOfWork.begin()) {
            dispatcher.dispatch(new InviteCreated(4));
            unit.commit();
          }
          return List.<Object>of(
              UnitOfWork.isActive(), EventContext.currentCause(), EventContext.correlationId());
        }).get(10, TimeUnit.SECONDS);
        assertThat(state).containsExactly(false, java.util.Optional.empty(),
            java.util.Optional.empty());
        assertThat(delivered).containsExactly(3L, 4L);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
