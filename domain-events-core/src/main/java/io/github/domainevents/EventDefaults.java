package io.github.domainevents;

import io.github.domainevents.internal.Checks;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Where new events get their time and id: a {@link Clock} and an {@link EventIdGenerator}.
 *
 * <p>There are two levels:
 *
 * <ul>
 *   <li><b>Process-wide defaults</b>, {@link Clock#systemUTC()} and {@link
 *       EventIdGenerator#timeOrdered()} unless changed with {@link #setClock} and {@link
 *       #setIdGenerator} (typically once, at application start-up).
 *   <li><b>Scoped overrides</b> for one thread, opened with {@link #with(Clock,
 *       EventIdGenerator)}, {@link #withClock} or {@link #withIdGenerator} and closed with
 *       try-with-resources. They win over the defaults while open, are seen only by the thread
 *       that opened them (so tests running in parallel do not see each other's settings), and
 *       are carried into the handlers an {@link EventDispatcher} runs on its executor.
 * </ul>
 *
 * <pre>{@code
 * Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
 * try (EventDefaults.Scope scope =
 *     EventDefaults.with(fixed, EventIdGenerator.sequential(new UUID(0, 1)))) {
 *   EventHeader header = EventHeader.create(); // 2026-01-01T00:00:00Z, id ...0001
 * }
 * }</pre>
 *
 * <p>This class is safe for concurrent use.
 *
 * @since 0.1.0
 */
public final class EventDefaults {
  private static volatile Clock globalClock = Clock.systemUTC();
  private static volatile EventIdGenerator globalIdGenerator = EventIdGenerator.timeOrdered();
  private static final MetadataContributor[] NO_CONTRIBUTORS = {};
  private static volatile MetadataContributor[] contributors = NO_CONTRIBUTORS;
  private static final ReentrantLock CONTRIBUTORS_LOCK = new ReentrantLock();

  private EventDefaults() {}

  /**
   * Returns the clock new events on this thread read their time from: the innermost scoped
   * clock, else the process-wide one.
   *
   * @return the effective clock
   */
  public static Clock clock() {
    return clockFor(AmbientContext.current());
  }

  /**
   * Returns the generator new events on this thread take their id from: the innermost scoped
   * generator, else the process-wide one.
   *
   * @return the effective id generator
   */
  public static EventIdGenerator idGenerator() {
    return idGeneratorFor(AmbientContext.current());
  }

  /**
   * Sets the process-wide clock. Threads with a scoped clock keep theirs until it closes.
   *
   * @param clock the new default clock
   * @throws NullPointerException if {@code clock} is null
   */
  public static void setClock(Clock clock) {
    globalClock = Checks.requireNonNull(clock, "clock");
  }

  /**
   * Sets the process-wide id generator. Threads with a scoped generator keep theirs until it
   * closes.
   *
   * @param idGenerator the new default generator
   * @throws NullPointerException if {@code idGenerator} is null
   */
  public static void setIdGenerator(EventIdGenerator idGenerator) {
    globalIdGenerator = Checks.requireNonNull(idGenerator, "idGenerator");
  }

  /** Restores the process-wide defaults: {@link Clock#systemUTC()} and time-ordered ids. */
  public static void resetToSystemDefaults() {
    globalClock = Clock.systemUTC();
    globalIdGenerator = EventIdGenerator.timeOrdered();
  }

  /**
   * Opens a scope in which this thread creates events with {@code clock} and {@code
   * idGenerator}.
   *
   * @param clock the clock for the scope
   * @param idGenerator the id generator for the scope
   * @return the open scope; close it on this thread, innermost first
   * @throws NullPointerException if an argument is null
   */
  public static Scope with(Clock clock, EventIdGenerator idGenerator) {
    return new Scope(
        Checks.requireNonNull(clock, "clock"), Checks.requireNonNull(idGenerator, "idGenerator"));
  }

  /**
   * Opens a scope in which this thread creates events with {@code clock}; the id generator
   * stays as it is.
   *
   * @param clock the clock for the scope
   * @return the open scope; close it on this thread, innermost first
   * @throws NullPointerException if {@code clock} is null
   */
  public static Scope withClock(Clock clock) {
    return new Scope(Checks.requireNonNull(clock, "clock"), null);
  }

  /**
   * Opens a scope in which this thread creates events with {@code idGenerator}; the clock stays
   * as it is.
   *
   * @param idGenerator the id generator for the scope
   * @return the open scope; close it on this thread, innermost first
   * @throws NullPointerException if {@code idGenerator} is null
   */
  public static Scope withIdGenerator(EventIdGenerator idGenerator) {
    return new Scope(null, Checks.requireNonNull(idGenerator, "idGenerator"));
  }

  /**
   * Adds a process-wide contributor of metadata to every header {@link EventHeader#create()}
   * makes, after those already added.
   *
   * @param contributor the contributor
   * @return a registration; closing it removes the contributor (idempotent)
   * @throws NullPointerException if {@code contributor} is null
   */
  public static Registration addMetadataContributor(MetadataContributor contributor) {
    Checks.requireNonNull(contributor, "contributor");
    // A wrapper per registration, so that closing it removes exactly this registration even when
    // the same contributor was added more than once.
    MetadataContributor installed = metadata -> contributor.contribute(metadata);
    CONTRIBUTORS_LOCK.lock();
    try {
      MetadataContributor[] current = contributors;
      MetadataContributor[] next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = installed;
      contributors = next;
    } finally {
      CONTRIBUTORS_LOCK.unlock();
    }
    AtomicBoolean removed = new AtomicBoolean();
    return () -> {
      if (removed.compareAndSet(false, true)) {
        removeContributor(installed);
      }
    };
  }

  private static void removeContributor(MetadataContributor installed) {
    CONTRIBUTORS_LOCK.lock();
    try {
      MetadataContributor[] current = contributors;
      for (int i = 0; i < current.length; i++) {
        if (current[i] == installed) {
          MetadataContributor[] next = new MetadataContributor[current.length - 1];
          System.arraycopy(current, 0, next, 0, i);
          System.arraycopy(current, i + 1, next, i, current.length - i - 1);
          contributors = next;
          return;
        }
      }
    } finally {
      CONTRIBUTORS_LOCK.unlock();
    }
  }

  /** The metadata contributors make for a new header; {@link Metadata#EMPTY} if there are none. */
  static Map<String, Object> contributedMetadata() {
    MetadataContributor[] current = contributors;
    if (current.length == 0) {
      return Metadata.EMPTY;
    }
    Map<String, Object> entries = new LinkedHashMap<>();
    for (MetadataContributor contributor : current) {
      contributor.contribute(entries);
    }
    return Metadata.copyOf(entries);
  }

  /** The clock events created in {@code context} read: its scoped one, else the global one. */
  static Clock clockFor(AmbientContext context) {
    Clock scoped = context.scopedClock();
    return scoped != null ? scoped : globalClock;
  }

  /** The generator events created in {@code context} use: its scoped one, else the global one. */
  static EventIdGenerator idGeneratorFor(AmbientContext context) {
    EventIdGenerator scoped = context.scopedIdGenerator();
    return scoped != null ? scoped : globalIdGenerator;
  }

  /**
   * An open override of the clock and/or id generator on one thread.
   *
   * <p>Close it on the thread that opened it, innermost scope first; closing twice is
   * harmless. Not for sharing between threads.
   *
   * @since 0.1.0
   */
  public static final class Scope implements AutoCloseable {
    private final AmbientContext.Scope scope;

    private Scope(@Nullable Clock clock, @Nullable EventIdGenerator idGenerator) {
      this.scope = AmbientContext.Scope.open(null, clock, idGenerator);
    }

    /**
     * Ends the scope: the clock and id generator that applied before it opened apply again.
     * Closing again does nothing.
     *
     * @throws IllegalStateException if called on another thread than the one that opened the
     *     scope, or while a scope opened later on this thread is still open; nothing changes
     */
    @Override
    public void close() {
      scope.close();
    }
  }
}
