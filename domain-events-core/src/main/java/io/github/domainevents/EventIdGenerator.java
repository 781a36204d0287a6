package io.github.domainevents;

import io.github.domainevents.internal.Checks;
import java.time.Clock;
import java.util.UUID;

/**
 * Makes the {@linkplain EventHeader#eventId() ids} of new events.
 *
 * <p>The default, {@link #timeOrdered()}, makes RFC 9562 version-7 UUIDs: ids that sort by
 * creation time, which keeps database indexes and logs in order. Choose {@link #random()} for
 * the version-4 ids that {@code python-domain-events} makes, and {@link #sequential(UUID)} for
 * predictable ids in tests. Install a generator for the whole application with {@link
 * EventDefaults#setIdGenerator(EventIdGenerator)}, or for one thread and scope with {@link
 * EventDefaults#with(Clock, EventIdGenerator)}.
 *
 * <p>Implementations must be safe for concurrent use and must never return {@code null}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EventIdGenerator {

  /**
   * Returns a new event id.
   *
   * @return the id, never {@code null}
   * @throws IllegalStateException if the generator cannot make another id (for example a
   *     finite test sequence that is used up)
   */
  UUID nextId();

  /**
   * Returns the process-wide version-7 generator: 48-bit Unix-millisecond timestamp from
   * {@link System#currentTimeMillis()}, a 12-bit counter and 62 random bits.
   *
   * <p>Ids from it are strictly increasing (as unsigned 128-bit numbers, which is also their
   * string order) across all threads of the JVM, even for thousands of ids in one millisecond
   * and even when the system clock steps backwards: the generator then keeps counting from the
   * last id it made, so the embedded timestamp runs ahead of the wall clock until the clock
   * catches up. It takes no lock (one compare-and-set). The random bits come from {@link
   * java.util.concurrent.ThreadLocalRandom}: ids are unique, not secret; do not use them as
   * access tokens.
   *
   * @return the shared time-ordered generator
   */
  static EventIdGenerator timeOrdered() {
    return TimeOrderedIdGenerator.SYSTEM;
  }

  /**
   * Returns a new version-7 generator that reads milliseconds from {@code clock}, with the same
   * guarantees as {@link #timeOrdered()} among the ids it makes. Useful together with a fixed
   * clock in tests.
   *
   * @param clock the time source of the embedded timestamp
   * @return a new generator with its own monotonic sequence
   * @throws NullPointerException if {@code clock} is null
   */
  static EventIdGenerator timeOrdered(Clock clock) {
    return new TimeOrderedIdGenerator(Checks.requireNonNull(clock, "clock"));
  }

  /**
   * Returns the random version-4 generator ({@link UUID#randomUUID()}), as the seed package
   * uses. Note that {@code UUID.randomUUID()} draws from a shared {@link
   * java.security.SecureRandom} and is slower than {@link #timeOrdered()}, markedly so under
   * contention.
   *
   * @return the random generator
   */
  static EventIdGenerator random() {
    return RandomIdGenerator.INSTANCE;
  }

  /**
   * Returns a new generator that yields {@code first}, then {@code first} + 1, + 2, and so on
   * (counting in the low 64 bits): predictable ids for tests and examples. Safe for concurrent
   * use; each id is handed out once.
   *
   * @param first the first id to return
   * @return a new deterministic generator
   * @throws NullPointerException if {@code first} is null
   */
  static EventIdGenerator sequential(UUID first) {
    return new SequentialIdGenerator(Checks.requireNonNull(first, "first"));
  }
}
