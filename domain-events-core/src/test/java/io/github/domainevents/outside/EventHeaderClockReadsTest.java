package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventIdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link EventHeader#create()} reads the clock once when the id generator is a time-ordered one
 * reading the same clock (the default: system clock and time-ordered ids), and uses that one
 * reading for both the timestamp and the id; with any other generator each reads on its own.
 */
class EventHeaderClockReadsTest {

  @Test
  void aTimeOrderedGeneratorOnTheSameClockSharesOneReading() {
    CountingClock clock = new CountingClock(Instant.parse("2026-03-01T10:00:00.123Z"));
    try (EventDefaults.Scope scope = EventDefaults.with(clock, EventIdGenerator.timeOrdered(clock))) {
      EventHeader header = EventHeader.create();

      assertThat(clock.reads).hasValue(1);
      assertThat(unixMillis(header.eventId())).isEqualTo(header.occurredAt().toEpochMilli());
    }
  }

  @Test
  void aTimeOrderedGeneratorOnAnotherClockReadsItsOwn() {
    CountingClock events = new CountingClock(Instant.parse("2026-03-01T10:00:00.123Z"));
    CountingClock ids = new CountingClock(Instant.parse("2030-01-01T00:00:00Z"));
    try (EventDefaults.Scope scope = EventDefaults.with(events, EventIdGenerator.timeOrdered(ids))) {
      EventHeader header = EventHeader.create();

      assertThat(events.reads).hasValue(1);
      assertThat(ids.reads).hasValue(1);
      assertThat(header.occurredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
      assertThat(unixMillis(header.eventId()))
          .isEqualTo(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());
    }
  }

  @Test
  void theDefaultsShareOneReadingOfTheSystemClock() {
    EventHeader header = EventHeader.create();

    // Holds always on the shared reading; two separate reads would differ now and then.
    assertThat(unixMillis(header.eventId())).isLessThanOrEqualTo(header.occurredAt().toEpochMilli());
    assertThat(EventDefaults.clock()).isEqualTo(Clock.systemUTC());
  }

  private static long unixMillis(UUID id) {
    return id.getMostSignificantBits() >>> 16;
  }

  /** A fixed clock that counts how often it is read. */
  private static final class CountingClock extends Clock {
    final AtomicInteger reads = new AtomicInteger();
    private final Instant instant;

    CountingClock(Instant instant) {
      this.instant = instant;
    }

    @Override
    public Instant instant() {
      reads.incrementAndGet();
      return instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
