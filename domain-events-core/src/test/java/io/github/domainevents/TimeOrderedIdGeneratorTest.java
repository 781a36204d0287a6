package io.github.domainevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The version-7 generator driven by a controllable millisecond clock: layout, counter,
 * overflow into the timestamp, and a clock that steps backwards.
 */
class TimeOrderedIdGeneratorTest {
  private static final long T = 1_764_000_000_000L; // 2025-11-24T16:00:00Z

  private final AtomicLong millis = new AtomicLong(T);
  private final TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(millis::get);

  static long timestamp(UUID id) {
    return id.getMostSignificantBits() >>> 16;
  }

  static int counter(UUID id) {
    return (int) (id.getMostSignificantBits() & 0xFFF);
  }

  @Test
  void firstId_hasVersion7RfcVariantAndTheClocksMillis() {
    UUID id = generator.nextId();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(timestamp(id)).isEqualTo(T);
    assertThat(counter(id)).isZero();
  }

  @Test
  void idsInTheSameMillisecond_countUpFromZero() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ids.add(generator.nextId());
    }

    for (int i = 0; i < ids.size(); i++) {
      assertThat(timestamp(ids.get(i))).isEqualTo(T);
      assertThat(counter(ids.get(i))).isEqualTo(i);
    }
  }

  @Test
  void newMillisecond_resetsTheCounterToZero() {
    generator.nextId();
    generator.nextId();
    millis.set(T + 5);

    UUID id = generator.nextId();

    assertThat(timestamp(id)).isEqualTo(T + 5);
    assertThat(counter(id)).isZero();
  }

  @Test
  void moreThan4096IdsInOneMillisecond_carryIntoTheTimestampAndStayMonotonic() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 3 * 4096 + 10; i++) {
      ids.add(generator.nextId());
    }

    assertThat(timestamp(ids.get(4095))).isEqualTo(T);
    assertThat(counter(ids.get(4095))).isEqualTo(4095);
    assertThat(timestamp(ids.get(4096))).isEqualTo(T + 1);
    assertThat(counter(ids.get(4096))).isZero();
    assertThat(timestamp(ids.get(3 * 4096))).isEqualTo(T + 3);
    assertThat(counter(ids.get(3 * 4096 + 9))).isEqualTo(9);
    assertStrictlyIncreasing(ids);
    for (UUID id : ids) {
      assertThat(id.version()).isEqualTo(7);
      assertThat(id.variant()).isEqualTo(2);
    }
  }

  @Test
  void afterBorrowingAhead_theSequenceContinuesUntilTheClockOvertakesIt() {
    for (int i = 0; i < 4096 + 2; i++) {
      generator.nextId(); // the last two borrowed millisecond T + 1
    }
    millis.set(T + 1); // the clock reaches the borrowed millisecond: keep counting
    UUID stillBorrowed = generator.nextId();
    millis.set(T + 2); // the clock overtakes it: back to the clock's time, counter 0
    UUID caughtUp = generator.nextId();

    assertThat(timestamp(stillBorrowed)).isEqualTo(T + 1);
    assertThat(counter(stillBorrowed)).isEqualTo(2);
    assertThat(timestamp(caughtUp)).isEqualTo(T + 2);
    assertThat(counter(caughtUp)).isZero();
  }

  @Test
  void clockSteppingBackwards_continuesFromTheLastIdInsteadOfGoingBack() {
    UUID before = generator.nextId();
    millis.set(T - 60_000); // NTP steps the clock back a minute

    UUID during1 = generator.nextId();
    UUID during2 = generator.nextId();
    millis.set(T + 1);
    UUID after = generator.nextId();

    assertThat(timestamp(during1)).isEqualTo(T);
    assertThat(counter(during1)).isEqualTo(1);
    assertThat(timestamp(during2)).isEqualTo(T);
    assertThat(counter(during2)).isEqualTo(2);
    assertThat(timestamp(after)).isEqualTo(T + 1);
    assertThat(counter(after)).isZero();
    assertStrictlyIncreasing(List.of(before, during1, during2, after));
  }

  @Test
  void separateGenerators_haveSeparateSequences() {
    TimeOrderedIdGenerator other = new TimeOrderedIdGenerator(millis::get);
    generator.nextId();
    generator.nextId();

    assertThat(counter(other.nextId())).isZero();
  }

  @Test
  void randomBits_differBetweenIdsOfTheSameState() {
    UUID a = TimeOrderedIdGenerator.layout(T << 12, 0x0123_4567_89AB_CDEFL);
    UUID b = TimeOrderedIdGenerator.layout(T << 12, 0x7654_3210_FEDC_BA98L);

    assertThat(a.getMostSignificantBits()).isEqualTo(b.getMostSignificantBits());
    assertThat(a.getLeastSignificantBits()).isNotEqualTo(b.getLeastSignificantBits());
  }

  @Test
  void toString_namesTheFactory() {
    assertThat(EventIdGenerator.timeOrdered()).hasToString("EventIdGenerator.timeOrdered()");
  }

  static void assertStrictlyIncreasing(List<UUID> ids) {
    for (int i = 1; i < ids.size(); i++) {
      UUID previous = ids.get(i - 1);
      UUID current = ids.get(i);
      assertThat(Long.compareUnsigned(
              previous.getMostSignificantBits(), current.getMostSignificantBits()))
          .as("id %d (%s) must sort after id %d (%s)", i, current, i - 1, previous)
          .isNegative();
      assertThat(previous.toString()).isLessThan(current.toString());
    }
  }
}
