package io.github.domainevents.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A clock that stands still until a test moves it: every event created in a test run by {@link
 * DomainEventsExtension} reads its {@code occurredAt} from one of these.
 *
 * <p>Safe for concurrent use: handlers on other threads read the time the test last set. Views
 * made by {@link #withZone} share the same instant.
 *
 * @since 0.1.0
 */
public final class TestClock extends Clock {
  /** Where a {@link DomainEventsExtension} test's clock starts: 2026-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Returns a clock standing at {@code start}, in UTC.
   *
   * @param start the instant the clock shows until moved
   * @return a new clock
   * @throws NullPointerException if {@code start} is null
   */
  public static TestClock at(Instant start) {
    return new TestClock(
        new AtomicReference<>(Objects.requireNonNull(start, "start must not be null")),
        ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward.
   *
   * @param amount how far; zero leaves the time as it is
   * @return the new time
   * @throws NullPointerException if {@code amount} is null
   * @throws IllegalArgumentException if {@code amount} is negative (use {@link #set} to go back)
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount must not be null");
    if (amount.isNegative()) {
      throw new IllegalArgumentException(
          "amount must not be negative, was " + amount + "; use set(Instant) to go back in time");
    }
    return Objects.requireNonNull(now.updateAndGet(time -> time.plus(amount)));
  }

  /**
   * Sets the clock to {@code instant}, forwards or backwards.
   *
   * @param instant the new time
   * @throws NullPointerException if {@code instant} is null
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant must not be null"));
  }

  @Override
  public Instant instant() {
    return Objects.requireNonNull(now.get()); // never null: every writer checks
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Returns a view of this clock in another zone; it shows the same instant, and moving either
   * moves both.
   *
   * @param zone the zone
   * @return the view
   * @throws NullPointerException if {@code zone} is null
   */
  @Override
  public Clock withZone(ZoneId zone) {
    return new TestClock(now, Objects.requireNonNull(zone, "zone must not be null"));
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof TestClock clock && clock.now == now && clock.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(now) * 31 + zone.hashCode();
  }

  @Override
  public String toString() {
    return "TestClock[" + now.get() + ", " + zone + "]";
  }
}
