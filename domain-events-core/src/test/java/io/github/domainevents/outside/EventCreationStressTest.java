package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TESTING.md, "Bad input": 100,000 events created on 4 threads (a fraction of a second) get
 * 100,000 distinct ids, and none is stamped later than an instant read after they were made.
 */
class EventCreationStressTest {
  private static final int THREADS = 4;
  private static final int EVENTS_PER_THREAD = 25_000;

  record Tick(EventHeader header, int thread, int index) implements DomainEvent {}

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void hundredThousandEventsOnFourThreads_haveDistinctIdsAndNoFutureTimestamps()
      throws Exception {
    assertThat(EventDefaults.clock()).isEqualTo(Clock.systemUTC());
    Instant before = Instant.now();

    List<Tick[]> perThread =
        Concurrently.run(
            THREADS,
            thread ->
                () -> {
                  Tick[] ticks = new Tick[EVENTS_PER_THREAD];
                  for (int i = 0; i < ticks.length; i++) {
                    ticks[i] = new Tick(EventHeader.create(), thread, i);
                  }
                  return ticks;
                });
    Instant after = Instant.now();

    Set<UUID> ids = new HashSet<>();
    for (Tick[] ticks : perThread) {
      for (Tick tick : ticks) {
        ids.add(tick.eventId());
        if (tick.occurredAt().isAfter(after) || tick.occurredAt().isBefore(before)) {
          throw new AssertionError(tick + " is stamped outside [" + before + ", " + after + "]");
        }
        assertThat(tick.eventId().version()).isEqualTo(7);
      }
    }
    assertThat(ids).hasSize(THREADS * EVENTS_PER_THREAD);
  }
}
