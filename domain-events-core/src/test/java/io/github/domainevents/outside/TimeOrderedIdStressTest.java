package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.EventIdGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shared version-7 generator under contention: 4 threads x 100,000 ids (about a second on
 * two cores). Proves ids are distinct, each thread's ids increase, and all ids form one total
 * order in which string order and unsigned 128-bit order agree.
 */
class TimeOrderedIdStressTest {
  private static final int THREADS = 4;
  private static final int IDS_PER_THREAD = 100_000;

  private static final Comparator<UUID> UNSIGNED =
      Comparator.<UUID>comparingLong(UUID::getMostSignificantBits)
          .thenComparingLong(UUID::getLeastSignificantBits);

  private static int compareUnsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void fourThreads_getDistinctIdsIncreasingPerThreadAndTotallyOrdered() throws Exception {
    EventIdGenerator generator = EventIdGenerator.timeOrdered();
    long startMillis = System.currentTimeMillis();

    List<UUID[]> perThread =
        Concurrently.run(
            THREADS,
            thread ->
                () -> {
                  UUID[] ids = new UUID[IDS_PER_THREAD];
                  for (int i = 0; i < ids.length; i++) {
                    ids[i] = generator.nextId();
                  }
                  return ids;
                });

    List<UUID> all = new ArrayList<>(THREADS * IDS_PER_THREAD);
    Set<Long> highHalves = new HashSet<>(THREADS * IDS_PER_THREAD * 2);
    for (UUID[] ids : perThread) {
      for (int i = 0; i < ids.length; i++) {
        assertThat(ids[i].version()).isEqualTo(7);
        assertThat(ids[i].variant()).isEqualTo(2);
        assertThat(ids[i].getMostSignificantBits() >>> 16).isGreaterThanOrEqualTo(startMillis);
        if (i > 0 && compareUnsigned(ids[i - 1], ids[i]) >= 0) {
          throw new AssertionError("not increasing on one thread: " + ids[i - 1] + ", " + ids[i]);
        }
        highHalves.add(ids[i].getMostSignificantBits());
        all.add(ids[i]);
      }
    }

    // One atomic state per id: even the timestamp+counter halves are all distinct.
    assertThat(highHalves).hasSize(THREADS * IDS_PER_THREAD);
    assertThat(new HashSet<>(all)).hasSize(THREADS * IDS_PER_THREAD);

    // Sorted numerically (all timestamps are far below 2^47 ms, so signed order is unsigned
    // order here), the ids are strictly increasing, and sorting by string gives the same list.
    UUID[] byNumber = all.toArray(new UUID[0]);
    Arrays.sort(byNumber, UNSIGNED);
    String[] byString = all.stream().map(UUID::toString).sorted().toArray(String[]::new);
    for (int i = 0; i < byNumber.length; i++) {
      if (i > 0 && compareUnsigned(byNumber[i - 1], byNumber[i]) >= 0) {
        throw new AssertionError("duplicate or unordered: " + byNumber[i - 1] + ", " + byNumber[i]);
      }
      if (!byNumber[i].toString().equals(byString[i])) {
        throw new AssertionError("string order differs at " + i + ": " + byNumber[i] + " vs " + byString[i]);
      }
    }

    // Each thread's ids appear in the global order in the thread's own order (a consistent merge).
    for (UUID[] ids : perThread) {
      int position = -1;
      for (UUID id : ids) {
        int found = Arrays.binarySearch(byNumber, id, UNSIGNED);
        assertThat(found).isGreaterThan(position);
        position = found;
      }
    }
  }
}
