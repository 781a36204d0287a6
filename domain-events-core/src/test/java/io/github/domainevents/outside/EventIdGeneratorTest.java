package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.domainevents.EventIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The three generators offered through {@link EventIdGenerator}'s public factories. */
class EventIdGeneratorTest {
  private static final Instant T = Instant.parse("2026-03-04T05:06:07.089Z");

  private static long timestamp(UUID id) {
    return id.getMostSignificantBits() >>> 16;
  }

  @Test
  void timeOrdered_isOneSharedGenerator() {
    assertThat(EventIdGenerator.timeOrdered()).isSameAs(EventIdGenerator.timeOrdered());
  }

  @Test
  void timeOrdered_makesVersion7IdsWithTheSystemTimeInMillis() {
    long before = System.currentTimeMillis();
    UUID id = EventIdGenerator.timeOrdered().nextId();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    // never behind the wall clock; it may run ahead only by borrowed milliseconds
    assertThat(timestamp(id)).isGreaterThanOrEqualTo(before);
  }

  @Test
  void timeOrderedWithClock_embedsTheClocksMillis() {
    UUID id = EventIdGenerator.timeOrdered(Clock.fixed(T, ZoneOffset.UTC)).nextId();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(timestamp(id)).isEqualTo(T.toEpochMilli());
  }

  @Test
  void timeOrderedWithClock_followsTheClockAsItMoves() {
    MutableClock clock = new MutableClock(T);
    EventIdGenerator generator = EventIdGenerator.timeOrdered(clock);

    UUID first = generator.nextId();
    clock.advance(Duration.ofSeconds(3));
    UUID second = generator.nextId();

    assertThat(timestamp(first)).isEqualTo(T.toEpochMilli());
    assertThat(timestamp(second)).isEqualTo(T.toEpochMilli() + 3000);
  }

  @Test
  void timeOrderedWithClock_manyIdsInOneMillisecondAreStrictlyIncreasing() {
    EventIdGenerator generator = EventIdGenerator.timeOrdered(Clock.fixed(T, ZoneOffset.UTC));
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(generator.nextId());
    }

    for (int i = 1; i < ids.size(); i++) {
      assertThat(Long.compareUnsigned(
              ids.get(i - 1).getMostSignificantBits(), ids.get(i).getMostSignificantBits()))
          .isNegative();
      assertThat(ids.get(i - 1).toString()).isLessThan(ids.get(i).toString());
    }
    assertThat(timestamp(ids.get(0))).isEqualTo(T.toEpochMilli());
    // 10,000 ids in one fixed millisecond borrowed two milliseconds (4096 per millisecond)
    assertThat(timestamp(ids.get(ids.size() - 1))).isEqualTo(T.toEpochMilli() + 2);
  }

  @Test
  void timeOrderedWithClock_clockSteppingBackwardsKeepsIdsIncreasing() {
    MutableClock clock = new MutableClock(T);
    EventIdGenerator generator = EventIdGenerator.timeOrdered(clock);

    UUID before = generator.nextId();
    clock.set(T.minus(Duration.ofHours(1)));
    UUID after = generator.nextId();

    assertThat(after.toString()).isGreaterThan(before.toString());
    assertThat(timestamp(after)).isEqualTo(T.toEpochMilli());
  }

  @Test
  void timeOrderedWithClock_eachGeneratorHasItsOwnSequence() {
    Clock fixed = Clock.fixed(T, ZoneOffset.UTC);

    assertThat(EventIdGenerator.timeOrdered(fixed)).isNotSameAs(EventIdGenerator.timeOrdered(fixed));
  }

  @Test
  void timeOrderedWithNullClock_isRejectedNamingTheArgument() {
    assertThatNullPointerException()
        .isThrownBy(() -> EventIdGenerator.timeOrdered(null))
        .withMessage("clock must not be null");
  }

  @Test
  void random_makesDistinctVersion4Ids() {
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      UUID id = EventIdGenerator.random().nextId();
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
      ids.add(id);
    }

    assertThat(ids).hasSize(1000);
    assertThat(EventIdGenerator.random()).hasToString("EventIdGenerator.random()");
  }

  @Test
  void sequential_yieldsFirstThenCountsUpInTheLowBits() {
    UUID first = UUID.fromString("00000000-0000-7000-8000-0000000000fe");
    EventIdGenerator generator = EventIdGenerator.sequential(first);

    assertThat(generator.nextId()).isEqualTo(first);
    assertThat(generator.nextId()).isEqualTo(UUID.fromString("00000000-0000-7000-8000-0000000000ff"));
    assertThat(generator.nextId()).isEqualTo(UUID.fromString("00000000-0000-7000-8000-000000000100"));
    assertThat(generator)
        .hasToString("EventIdGenerator.sequential(next=00000000-0000-7000-8000-000000000101)");
  }

  @Test
  void sequential_countsInTheLowBitsOnlyAndWrapsThere() {
    EventIdGenerator generator = EventIdGenerator.sequential(new UUID(5, -1L));

    assertThat(generator.nextId()).isEqualTo(new UUID(5, -1L));
    assertThat(generator.nextId()).isEqualTo(new UUID(5, 0));
  }

  @Test
  void sequential_generatorsAreIndependent() {
    EventIdGenerator a = EventIdGenerator.sequential(new UUID(0, 1));
    EventIdGenerator b = EventIdGenerator.sequential(new UUID(0, 1));
    a.nextId();

    assertThat(b.nextId()).isEqualTo(new UUID(0, 1));
  }

  @Test
  void sequentialWithNullFirst_isRejectedNamingTheArgument() {
    assertThatNullPointerException()
        .isThrownBy(() -> EventIdGenerator.sequential(null))
        .withMessage("first must not be null");
  }

  /** 4 threads x 25,000 ids (well under a second): each id 1..100,000 is handed out once. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void sequential_handsOutEachIdOnceAcrossThreads() throws Exception {
    EventIdGenerator generator = EventIdGenerator.sequential(new UUID(42, 1));
    List<long[]> perThread =
        Concurrently.run(
            4,
            thread ->
                () -> {
                  long[] lows = new long[25_000];
                  for (int i = 0; i < lows.length; i++) {
                    UUID id = generator.nextId();
                    assertThat(id.getMostSignificantBits()).isEqualTo(42);
                    lows[i] = id.getLeastSignificantBits();
                  }
                  return lows;
                });

    boolean[] seen = new boolean[100_001];
    for (long[] lows : perThread) {
      for (int i = 0; i < lows.length; i++) {
        if (i > 0) {
          assertThat(lows[i]).isGreaterThan(lows[i - 1]);
        }
        assertThat(lows[i]).isBetween(1L, 100_000L);
        assertThat(seen[(int) lows[i]]).as("id %d handed out twice", lows[i]).isFalse();
        seen[(int) lows[i]] = true;
      }
    }
    assertThat(generator.nextId()).isEqualTo(new UUID(42, 100_001));
  }
}
