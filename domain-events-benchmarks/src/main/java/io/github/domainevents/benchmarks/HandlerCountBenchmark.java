package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A dispatcher holding thousands of handlers. {@link #allRun}: {@code handlers} handlers (five
 * classes in turn) on the event's class, all run, so the score divided by {@code handlers} is
 * the cost per handler. {@link #oneAmongMany}: one handler on the event's class among {@code
 * handlers} others spread over the 256 classes of {@link ManyEvents}: routing should not grow
 * with what is registered for other classes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
public class HandlerCountBenchmark {
  /** Made by JMH. */
  public HandlerCountBenchmark() {}


  /** The dispatcher measured. */
  @Param public GrowthTarget target;

  /** How many handlers are registered. */
  @Param({"1", "10", "100", "1000", "10000"})
  public int handlers;

  private final DomainEvent event = Kind.ORDER_PLACED.record(EventHeader.create());
  private GrowthTarget.Dispatch all;
  private GrowthTarget.Dispatch among;

  /**
   * Fills both dispatchers.
   *
   * @param blackhole the handlers' sink
   */
  @Setup(Level.Trial)
  public void setUp(Blackhole blackhole) {
    Handler[] sinks = Sinks.of(blackhole);
    all = target.create();
    among = target.create();
    for (int i = 0; i < handlers; i++) {
      all.register(Events.OrderPlaced.class, sinks[i % sinks.length]);
      among.register(ManyEvents.TYPES.get(i % ManyEvents.TYPES.size()), sinks[i % sinks.length]);
    }
    among.register(Events.OrderPlaced.class, sinks[0]);
  }

  /** One event to {@code handlers} handlers. */
  @Benchmark
  public void allRun() {
    all.dispatch(event);
  }

  /** One event to its one handler among {@code handlers} registered for other classes. */
  @Benchmark
  public void oneAmongMany() {
    among.dispatch(event);
  }
}
