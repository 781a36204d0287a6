package io.github.domainevents.benchmarks;

import io.github.domainevents.EventHeader;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Not a contender: the price of the JDK operations the dispatcher and {@code
 * EventHeader.create()} are built from, measured on the same machine, to explain where their
 * time goes when a goal is missed (no hardware counters here for {@code -prof perfasm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
public class PathCostBenchmark {
  private final ThreadLocal<Object[]> threadLocal = ThreadLocal.withInitial(() -> new Object[1]);
  private final ConcurrentHashMap<Class<?>, Object[]> routes = new ConcurrentHashMap<>();
  private final ClassValue<Object[]> classValue =
      new ClassValue<>() {
        @Override
        protected Object[] computeValue(Class<?> type) {
          return new Object[1];
        }
      };
  private final AtomicLong shared = new AtomicLong();
  private final Clock clock = Clock.systemUTC();
  private volatile Class<?> eventClass = Events.OrderPlaced.class;

  /** Fills the route map as a dispatcher with a few event types would have it. */
  public PathCostBenchmark() {
    routes.put(Events.OrderPlaced.class, new Object[1]);
    routes.put(Events.OrderConfirmed.class, new Object[1]);
    routes.put(Events.OrderCancelled.class, new Object[1]);
  }

  /**
   * The ambient-context lookup of every dispatch and every {@code EventHeader.create()}.
   *
   * @return the thread's value
   */
  @Benchmark
  public Object threadLocalGet() {
    return threadLocal.get();
  }

  /**
   * The route lookup of every dispatch.
   *
   * @return the route
   */
  @Benchmark
  public Object concurrentHashMapGetByClass() {
    return routes.get(eventClass);
  }

  /**
   * An alternative route cache keyed by class.
   *
   * @return the route
   */
  @Benchmark
  public Object classValueGet() {
    return classValue.get(eventClass);
  }

  /**
   * The id generator's time read.
   *
   * @return the time
   */
  @Benchmark
  public long currentTimeMillis() {
    return System.currentTimeMillis();
  }

  /**
   * The header's time read ({@code Clock.systemUTC().instant()}).
   *
   * @return the time
   */
  @Benchmark
  @Threads(1)
  public Instant clockInstant() {
    return clock.instant();
  }

  /**
   * The header's time read from two threads at once: whether the clock itself scales (on a
   * virtual machine it may not), apart from the id generator's shared state.
   *
   * @return the time
   */
  @Benchmark
  @Threads(2)
  public Instant clockInstant_2threads() {
    return clock.instant();
  }

  /**
   * The whole of {@code EventHeader.create()} outside any dispatch, from two threads at once,
   * without the record around it: with {@link #clockInstant_2threads()} and {@link
   * #sharedCounterIncrement_2threads()}, where two-thread event creation spends its time.
   *
   * @return the header
   */
  @Benchmark
  @Threads(2)
  public EventHeader headerCreate_2threads() {
    return EventHeader.create();
  }

  /**
   * The id generator's random bits.
   *
   * @return random bits
   */
  @Benchmark
  public long threadLocalRandom() {
    return ThreadLocalRandom.current().nextLong();
  }

  /**
   * A shared counter advanced by a compare-and-set loop (the id generator's state before 0.1.0's
   * last round), from one thread.
   *
   * @return the new value
   */
  @Benchmark
  @Threads(1)
  public long sharedCounterCas() {
    return casIncrement();
  }

  /**
   * A shared counter advanced by a compare-and-set loop, from two threads at once.
   *
   * @return the new value
   */
  @Benchmark
  @Threads(2)
  public long sharedCounterCas_2threads() {
    return casIncrement();
  }

  /**
   * A shared counter advanced by one atomic increment (the id generator's common case), from one
   * thread.
   *
   * @return the new value
   */
  @Benchmark
  @Threads(1)
  public long sharedCounterIncrement() {
    return shared.incrementAndGet();
  }

  /**
   * A shared counter advanced by one atomic increment, from two threads at once: no failed
   * attempts to repeat, unlike the compare-and-set loop.
   *
   * @return the new value
   */
  @Benchmark
  @Threads(2)
  public long sharedCounterIncrement_2threads() {
    return shared.incrementAndGet();
  }

  private long casIncrement() {
    long previous;
    long next;
    do {
      previous = shared.get();
      next = previous + 1;
    } while (!shared.compareAndSet(previous, next));
    return next;
  }
}
