package io.github.domainevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The version-7 generator's race for a new millisecond. Its clock here ticks every few reads, so
 * nearly every id finds the state behind the clock and threads race to move it up (the path the
 * system clock takes once per millisecond). Four threads, 50,000 ids each, well under a second.
 */
class TimeOrderedIdRaceTest {
  private static final int THREADS = 4;
  private static final int IDS_PER_THREAD = 50_000;
  private static final long T = 1_764_000_000_000L;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void threadsRacingForNewMilliseconds_getDistinctIdsLargerThanAnyIdMadeBefore() throws Exception {
    AtomicLong reads = new AtomicLong();
    TimeOrderedIdGenerator generator =
        new TimeOrderedIdGenerator(() -> T + reads.getAndIncrement() / 3);
    // The largest id any thread has finished making: an id begun after reading it must be larger.
    AtomicReference<UUID> largestFinished = new AtomicReference<>(new UUID(0, 0));
    CyclicBarrier start = new CyclicBarrier(THREADS);

    List<UUID[]> perThread = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<UUID[]>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(
            pool.submit(
                () -> {
                  UUID[] ids = new UUID[IDS_PER_THREAD];
                  start.await();
                  for (int i = 0; i < ids.length; i++) {
                    UUID before = largestFinished.get();
                    UUID id = generator.nextId();
                    if (compareUnsigned(id, before) <= 0) {
                      throw new AssertionError(
                          id + " was made after " + before + " but is not larger");
                    }
                    largestFinished.accumulateAndGet(
                        id, (a, b) -> compareUnsigned(a, b) >= 0 ? a : b);
                    ids[i] = id;
                  }
                  return ids;
                }));
      }
      for (Future<UUID[]> future : futures) {
        perThread.add(future.get(50, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    Set<Long> states = new HashSet<>();
    for (UUID[] ids : perThread) {
      TimeOrderedIdGeneratorTest.assertStrictlyIncreasing(List.of(ids).subList(0, 1_000));
      for (int i = 1; i < ids.length; i++) {
        assertThat(compareUnsigned(ids[i - 1], ids[i])).isNegative();
      }
      for (UUID id : ids) {
        states.add(id.getMostSignificantBits());
      }
    }
    // Every id came from its own state (timestamp and counter), none handed out twice.
    assertThat(states).hasSize(THREADS * IDS_PER_THREAD);
    // The clock ran far ahead of the ids, so the race was run: most ids start a new millisecond.
    long counterZero =
        perThread.stream()
            .flatMap(Arrays::stream)
            .filter(id -> TimeOrderedIdGeneratorTest.counter(id) == 0)
            .count();
    assertThat(counterZero).isGreaterThan(THREADS * IDS_PER_THREAD / 10);
  }

  private static int compareUnsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
