package io.github.domainevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the version-7 layout and of monotonicity under any clock behaviour. */
class TimeOrderedIdGeneratorPropertiesTest {
  private static final long T = 1_764_000_000_000L;

  /** Every 48-bit timestamp, 12-bit counter and 64 random bits are laid out as RFC 9562 says. */
  @Property
  void layout_placesTimestampVersionCounterVariantAndRandomBits(
      @ForAll @LongRange(min = 0, max = (1L << 48) - 1) long timestamp,
      @ForAll @IntRange(min = 0, max = 4095) int counter,
      @ForAll long random) {
    UUID id = TimeOrderedIdGenerator.layout(timestamp << 12 | counter, random);

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(TimeOrderedIdGeneratorTest.timestamp(id)).isEqualTo(timestamp);
    assertThat(TimeOrderedIdGeneratorTest.counter(id)).isEqualTo(counter);
    assertThat(id.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL)
        .isEqualTo(random & 0x3FFF_FFFF_FFFF_FFFFL);
    assertThat(id.toString()).startsWith(String.format(Locale.ROOT, "%08x", timestamp >>> 16));
  }

  /** Whatever the clock does, ids never repeat and never go backwards. */
  @Property(tries = 200)
  void anyClockSequence_givesStrictlyIncreasingIds(@ForAll("clockSteps") List<Long> steps) {
    AtomicLong clock = new AtomicLong(T);
    TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock::get);
    List<UUID> made = new ArrayList<>();
    for (long step : steps) {
      clock.addAndGet(step);
      made.add(ids.nextId());
    }

    TimeOrderedIdGeneratorTest.assertStrictlyIncreasing(made);
    for (int i = 0; i < made.size(); i++) {
      // the embedded time is never behind the highest clock reading so far
      assertThat(TimeOrderedIdGeneratorTest.timestamp(made.get(i)))
          .isGreaterThanOrEqualTo(T + prefixMaxOffset(steps, i));
    }
  }

  @Provide
  Arbitrary<List<Long>> clockSteps() {
    Arbitrary<Long> same = Arbitraries.just(0L);
    Arbitrary<Long> forwards = Arbitraries.longs().between(1, 5);
    Arbitrary<Long> backwards = Arbitraries.longs().between(-10_000, -1);
    return Arbitraries.frequencyOf(Tuple.of(6, same), Tuple.of(3, forwards), Tuple.of(1, backwards))
        .list()
        .ofMinSize(1)
        .ofMaxSize(300);
  }

  private static long prefixMaxOffset(List<Long> steps, int last) {
    long offset = 0;
    long max = Long.MIN_VALUE;
    for (int i = 0; i <= last; i++) {
      offset += steps.get(i);
      max = Math.max(max, offset);
    }
    return max;
  }

  /** A clock that ticks forwards before every id is embedded exactly, with counter 0. */
  @Property(tries = 200)
  void clockMovingForwards_isEmbeddedExactly(@ForAll("forwardSteps") List<Long> steps) {
    AtomicLong clock = new AtomicLong(T);
    TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock::get);
    for (long step : steps) {
      long now = clock.addAndGet(step);
      UUID id = ids.nextId();

      assertThat(TimeOrderedIdGeneratorTest.timestamp(id)).isEqualTo(now);
      assertThat(TimeOrderedIdGeneratorTest.counter(id)).isZero();
    }
  }

  @Provide
  Arbitrary<List<Long>> forwardSteps() {
    return Arbitraries.longs().between(1, 1_000_000).list().ofMinSize(1).ofMaxSize(100);
  }
}
