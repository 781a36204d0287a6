package io.github.domainevents.benchmarks;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scenario 6 taken apart, to settle why two harnesses disagreed on it (3.5× one thread's time
 * here, 1.05× elsewhere). Scenario 1 on one thread and on two threads sharing the bus, under
 * three set-ups ({@link SetUp}) that differ only in what the two threads might share besides
 * the dispatcher: if the old set-up is slow from two threads and the isolated ones are not,
 * the difference was false sharing made by the benchmark; if all three are slow, it is the
 * dispatcher. Run it under each collector ({@code -jvmArgsAppend -XX:+UseSerialGC}, ...) with
 * {@code -prof gc}; the commands are in {@code BENCHMARKS.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
public class SharedDispatchBenchmark {
  /** Made by JMH. */
  public SharedDispatchBenchmark() {}


  /** How the shared bus and the events are laid out. */
  public enum SetUp {
    /** Scenario 6 as it was: one shared event, the set-up thread's context among the objects. */
    AS_BEFORE,
    /** Scenario 6 as it is now ({@link Layout#ISOLATED}): one shared event. */
    ISOLATED,
    /** Isolated bus, and each thread publishes its own event, made by itself. */
    ISOLATED_EVENT_PER_THREAD
  }

  /** The contender; the reference dispatcher and this library by default. */
  @Param({"DOMAIN_EVENTS", "REFERENCE"})
  public Contender contender;

  /** The set-up. */
  @Param public SetUp setUp;

  /**
   * Scenario 1 on one thread.
   *
   * @param bus the shared bus
   * @param own this thread's event
   */
  @Benchmark
  @Threads(1)
  public void oneThread(SharedBus bus, ThreadEvent own) {
    bus.bus.publish(own.event);
  }

  /**
   * Scenario 1 from two threads sharing the bus (scenario 6).
   *
   * @param bus the shared bus
   * @param own this thread's event
   */
  @Benchmark
  @Threads(2)
  public void twoThreads(SharedBus bus, ThreadEvent own) {
    bus.bus.publish(own.event);
  }

  /** The bus of scenario 1, shared by the measuring threads. */
  @State(Scope.Benchmark)
  public static class SharedBus extends DispatchBenchmark.Wiring {
    /** Made by JMH. */
    public SharedBus() {}

    /**
     * Wires the bus.
     *
     * @param benchmark holds the contender and the set-up
     * @param blackhole the handlers' sink
     */
    @Setup(Level.Trial)
    public void setUp(SharedDispatchBenchmark benchmark, Blackhole blackhole) {
      wire(
          Scenario.EXACT_TYPE,
          benchmark.contender,
          blackhole,
          benchmark.setUp == SetUp.AS_BEFORE ? Layout.AS_BEFORE : Layout.ISOLATED);
    }
  }

  /** The event one measuring thread publishes. */
  @State(Scope.Thread)
  public static class ThreadEvent {
    /** Made by JMH. */
    public ThreadEvent() {}

    Object event;

    /**
     * Takes the shared event, or makes this thread's own.
     *
     * @param benchmark holds the set-up
     * @param bus the shared bus
     */
    @Setup(Level.Trial)
    public void setUp(SharedDispatchBenchmark benchmark, SharedBus bus) {
      event =
          benchmark.setUp == SetUp.ISOLATED_EVENT_PER_THREAD
              ? bus.bus.newEvent(Kind.ORDER_PLACED, EventHeader.create())
              : bus.event;
    }
  }
}
