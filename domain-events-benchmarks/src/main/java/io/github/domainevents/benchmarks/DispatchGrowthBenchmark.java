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
 * Dispatch across many event classes in a deep hierarchy ({@link ManyEvents}: 256 classes
 * under a chain of 12 interfaces). Every class has one handler of its own and every interface
 * one, so an event of class {@code E<i>} runs {@code 2 + i % 12} handlers. Each operation
 * dispatches the next of {@code types} events, one per class, in turn: with 1 the route of
 * the last class is always at hand; with 256 every dispatch looks its class up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
public class DispatchGrowthBenchmark {
  /** Made by JMH. */
  public DispatchGrowthBenchmark() {}


  /** The dispatcher measured. */
  @Param public GrowthTarget target;

  /** How many event classes the operations go round (a power of two, at most 256). */
  @Param({"1", "16", "256"})
  public int types;

  private GrowthTarget.Dispatch dispatch;
  private DomainEvent[] events;
  private int next;

  /**
   * Registers the handlers and makes one event per class.
   *
   * @param blackhole the handlers' sink
   */
  @Setup(Level.Trial)
  public void setUp(Blackhole blackhole) {
    if (Integer.bitCount(types) != 1 || types > ManyEvents.TYPES.size()) {
      throw new IllegalArgumentException("types must be a power of two up to 256: " + types);
    }
    Handler[] sinks = Sinks.of(blackhole);
    dispatch = target.create();
    for (int level = 0; level < ManyEvents.LEVELS.size(); level++) {
      dispatch.register(ManyEvents.LEVELS.get(level), sinks[level % sinks.length]);
    }
    for (int i = 0; i < ManyEvents.TYPES.size(); i++) {
      dispatch.register(ManyEvents.TYPES.get(i), sinks[i % sinks.length]);
    }
    events = new DomainEvent[types];
    for (int i = 0; i < types; i++) {
      // spread over the hierarchy: with 16 of 256, every 16th class
      events[i] = ManyEvents.create(i * (ManyEvents.TYPES.size() / types), EventHeader.create());
    }
  }

  /** Dispatches the next event. */
  @Benchmark
  public void dispatchInTurn() {
    dispatch.dispatch(events[next++ & (types - 1)]);
  }
}
