package io.github.domainevents;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * RFC 9562 version-7 ids, monotonic across threads without a lock.
 *
 * <p>Layout (RFC 9562 section 5.7, counter per method 1 of section 6.2):
 *
 * <pre>
 *  0                   1                   2                   3
 *  |           unix_ts_ms (48)             | ver 7 | counter (12) |
 *  |var 10| random (62)                                           |
 * </pre>
 *
 * <p>All of the ordering lives in one atomic long holding {@code millis << 12 | counter}. A new
 * id takes the larger of "now with counter 0" and "last + 1". So within one millisecond the
 * counter counts up; when 4096 ids are made in one millisecond the increment carries into the
 * timestamp (borrowing from the next millisecond, which the RFC allows); and when the clock goes
 * backwards the sequence simply continues from the last value. Either way ids never repeat or go
 * backwards within the generator.
 *
 * <p>Under contention this one word is the whole cost, so the common case is a single atomic
 * increment, which always succeeds: no compare-and-set loop whose failed attempts each move the
 * cache line between cores again. Only when the sequence has fallen behind the clock (the first
 * id of a new millisecond) does a compare-and-set move it up to "now", and a thread that loses
 * that race increments past the winner instead. The word sits in the middle of its own padded
 * array, so the cache line it lives on holds nothing that other threads read (this generator's
 * clock, neighbouring objects).
 */
final class TimeOrderedIdGenerator implements EventIdGenerator {
  static final TimeOrderedIdGenerator SYSTEM = new TimeOrderedIdGenerator(Clock.systemUTC());

  private static final int COUNTER_BITS = 12;
  private static final long VERSION_7 = 0x7000L;
  private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
  private static final long RANDOM_62 = 0x3FFF_FFFF_FFFF_FFFFL;

  private final LongSupplier millis;
  private final @Nullable Clock clock;
  /**
   * Where {@link #STATE} lives in {@link #padded}: 128 bytes from either end, two cache lines on
   * the machines that prefetch lines in pairs.
   */
  private static final int STATE = 16;

  /** Holds the state {@code millis << 12 | counter} at {@link #STATE}; the rest is padding. */
  private final AtomicLongArray padded = new AtomicLongArray(2 * STATE + 1);

  /** A generator reading {@code clock}; {@link #readsTimeFrom} tells who shares it. */
  TimeOrderedIdGenerator(Clock clock) {
    this.millis = clock::millis;
    this.clock = clock;
  }

  /** A generator reading a bare time source (tests). */
  TimeOrderedIdGenerator(LongSupplier millis) {
    this.millis = millis;
    this.clock = null;
  }

  /**
   * Tells whether this generator reads its time from {@code other} (equal clocks read the same
   * time), so that a caller who has just read {@code other} may pass that reading to {@link
   * #nextId(long)} instead of having the clock read twice.
   */
  boolean readsTimeFrom(Clock other) {
    return clock != null && clock.equals(other);
  }

  @Override
  public UUID nextId() {
    return nextId(millis.getAsLong());
  }

  /**
   * Makes the next id for a creation time the caller has already read, so that creating an
   * event reads the system clock once, not twice (on virtualised machines a clock read can cost
   * more than the rest of the id).
   */
  UUID nextId(long unixMillis) {
    long now = unixMillis << COUNTER_BITS;
    long next = padded.incrementAndGet(STATE);
    if (next < now) {
      next = catchUp(now);
    }
    return layout(next, ThreadLocalRandom.current().nextLong());
  }

  /**
   * Moves the state, which is behind the clock, up to {@code now} and returns it; if another
   * thread has moved it to {@code now} or beyond meanwhile, increments past that instead. Each
   * value returned was the state right after the atomic step that made it, and the state only
   * grows, so ids stay unique and increasing (values skipped on the way are never handed out).
   */
  private long catchUp(long now) {
    while (true) {
      long current = padded.get(STATE);
      if (current >= now) {
        return padded.incrementAndGet(STATE);
      }
      if (padded.compareAndSet(STATE, current, now)) {
        return now;
      }
    }
  }

  /** Builds the UUID from a {@code millis << 12 | counter} state and 64 random bits. */
  static UUID layout(long state, long random) {
    long timestamp = state >>> COUNTER_BITS;
    long counter = state & ((1L << COUNTER_BITS) - 1);
    long mostSignificant = (timestamp << 16) | VERSION_7 | counter;
    long leastSignificant = (random & RANDOM_62) | VARIANT_RFC;
    return new UUID(mostSignificant, leastSignificant);
  }

  @Override
  public String toString() {
    return "EventIdGenerator.timeOrdered()";
  }
}
