package io.github.domainevents.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scenarios 1 to 6 of issue 6, for every {@link Contender}: one method per scenario, each
 * publishing one pre-made event to a bus wired by its {@link Scenario}.
 *
 * <p>Every state is {@link Scope#Benchmark}: one bus per fork, shared by all measuring
 * threads. With one thread that is the same as a private bus; {@link #sharedByThreads} runs
 * scenario 1 with two threads by default (change it with JMH's {@code -t}), and its per-op
 * time compared with {@link #exactType}'s shows whether anything serialises the threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
public class DispatchBenchmark {
  /** Made by JMH. */
  public DispatchBenchmark() {}


  /** The contender measured; JMH runs every one unless {@code -p contender=...} says. */
  @Param public Contender contender;

  /**
   * Scenario 1: one handler for the exact type.
   *
   * @param state the wired bus and its event
   */
  @Benchmark
  @Threads(1)
  public void exactType(ExactType state) {
    state.bus.publish(state.event);
  }

  /**
   * Scenario 2: five handlers.
   *
   * @param state the wired bus and its event
   */
  @Benchmark
  @Threads(1)
  public void fiveHandlers(FiveHandlers state) {
    state.bus.publish(state.event);
  }

  /**
   * Scenario 3: one handler registered on an interface the event implements.
   *
   * @param state the wired bus and its event
   */
  @Benchmark
  @Threads(1)
  public void interfaceHandler(InterfaceHandler state) {
    state.bus.publish(state.event);
  }

  /**
   * Scenario 4: no handler for the event (dead-event path, no logging).
   *
   * @param state the wired bus and its event
   */
  @Benchmark
  @Threads(1)
  public void noHandler(NoHandler state) {
    state.bus.publish(state.event);
  }

  /**
   * Scenario 5: the handler publishes one follow-up event caused by the one it handles.
   *
   * @param state the wired bus and its event
   */
  @Benchmark
  @Threads(1)
  public void followUp(FollowUp state) {
    state.bus.publish(state.event);
  }

  /**
   * Scenario 6: scenario 1 from several threads on one shared bus.
   *
   * @param state the wired bus and its event
   */
  @Benchmark
  @Threads(2)
  public void sharedByThreads(ExactType state) {
    state.bus.publish(state.event);
  }

  /**
   * A bus wired for one scenario, and its event; one per fork, read by every measuring thread.
   *
   * <p>Wired {@linkplain Layout#ISOLATED isolated}: the setting-up thread's own per-thread
   * state, which it writes on every dispatch, is made before the shared objects and kept off
   * their cache lines, so that scenario 6 measures dispatch from two threads and not false
   * sharing between one thread's writes and the other's reads (see {@link Layout}).
   */
  public abstract static class Wiring {
    /** Made by the subclass's set-up. */
    protected Wiring() {}

    Bus bus;
    Object event;
    /** Keeps the padding around the shared objects reachable, so it is not reused. */
    Object padding;

    void wire(Scenario scenario, Contender contender, Blackhole blackhole) {
      wire(scenario, contender, blackhole, Layout.ISOLATED);
    }

    void wire(Scenario scenario, Contender contender, Blackhole blackhole, Layout layout) {
      Object before = layout.beforeSharedObjects();
      Scenario.Wired wired = scenario.wire(contender, Sinks.of(blackhole));
      bus = wired.bus();
      event = wired.event();
      layout.settle(bus, event);
      padding = new Object[] {before, layout.afterSharedObjects()};
    }

    /** Releases the bus. */
    @TearDown
    public void tearDown() {
      bus.close();
    }
  }

  /** The bus of scenarios 1 and 6. */
  @State(Scope.Benchmark)
  public static class ExactType extends Wiring {
    /** Made by JMH. */
    public ExactType() {}

    /**
     * Wires the bus.
     *
     * @param benchmark holds the contender
     * @param blackhole the handlers' sink
     */
    @Setup
    public void setUp(DispatchBenchmark benchmark, Blackhole blackhole) {
      wire(Scenario.EXACT_TYPE, benchmark.contender, blackhole);
    }
  }

  /** The bus of scenario 2. */
  @State(Scope.Benchmark)
  public static class FiveHandlers extends Wiring {
    /** Made by JMH. */
    public FiveHandlers() {}

    /**
     * Wires the bus.
     *
     * @param benchmark holds the contender
     * @param blackhole the handlers' sink
     */
    @Setup
    public void setUp(DispatchBenchmark benchmark, Blackhole blackhole) {
      wire(Scenario.FIVE_HANDLERS, benchmark.contender, blackhole);
    }
  }

  /** The bus of scenario 3. */
  @State(Scope.Benchmark)
  public static class InterfaceHandler extends Wiring {
    /** Made by JMH. */
    public InterfaceHandler() {}

    /**
     * Wires the bus.
     *
     * @param benchmark holds the contender
     * @param blackhole the handlers' sink
     */
    @Setup
    public void setUp(DispatchBenchmark benchmark, Blackhole blackhole) {
      wire(Scenario.INTERFACE_HANDLER, benchmark.contender, blackhole);
    }
  }

  /** The bus of scenario 4. */
  @State(Scope.Benchmark)
  public static class NoHandler extends Wiring {
    /** Made by JMH. */
    public NoHandler() {}

    /**
     * Wires the bus.
     *
     * @param benchmark holds the contender
     * @param blackhole the handlers' sink
     */
    @Setup
    public void setUp(DispatchBenchmark benchmark, Blackhole blackhole) {
      wire(Scenario.NO_HANDLER, benchmark.contender, blackhole);
    }
  }

  /** The bus of scenario 5. */
  @State(Scope.Benchmark)
  public static class FollowUp extends Wiring {
    /** Made by JMH. */
    public FollowUp() {}

    /**
     * Wires the bus.
     *
     * @param benchmark holds the contender
     * @param blackhole the handlers' sink
     */
    @Setup
    public void setUp(DispatchBenchmark benchmark, Blackhole blackhole) {
      wire(Scenario.FOLLOW_UP, benchmark.contender, blackhole);
    }
  }
}
