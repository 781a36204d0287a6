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
 * Scenario 8 (issue 11): one dispatch with one after-commit handler inside a unit of work,
 * including the begin and the commit that runs the handler; this library's {@code UnitOfWork}
 * against Spring's {@code @TransactionalEventListener} on a real transaction synchronization.
 * The event is made once, before measuring, as in scenarios 1 to 6. Compare with scenario 1
 * ({@link DispatchBenchmark#exactType}) for what the unit of work adds to a dispatch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
public class UnitOfWorkBenchmark {
  /** Made by JMH. */
  public UnitOfWorkBenchmark() {}

  /** The contender measured. */
  @Param public TransactionalContender contender;

  private TransactionalBus bus;
  private Object event;

  /**
   * Wires the bus around a handler that consumes the event.
   *
   * @param blackhole the handler's sink
   */
  @Setup
  public void setUp(Blackhole blackhole) {
    bus = contender.create(Sinks.of(blackhole)[0]);
    event = new Events.OrderPlaced(io.github.domainevents.EventHeader.create(), 1, "ada");
  }

  /** Releases the bus. */
  @TearDown
  public void tearDown() {
    bus.close();
  }

  /** Scenario 8: begin, dispatch one event, commit; the after-commit handler runs. */
  @Benchmark
  @Threads(1)
  public void afterCommitInUnit() {
    bus.publishAndCommit(event);
  }
}
