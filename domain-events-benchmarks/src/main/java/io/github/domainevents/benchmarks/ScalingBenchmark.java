package io.github.domainevents.benchmarks;

import io.github.domainevents.EventHeader;
import io.github.domainevents.benchmarks.EventCreationBenchmark.PlainOrderPlaced;
import java.time.Instant;
import java.util.UUID;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scenarios 1, 6 and 7 without a fixed thread count, for {@code report.Scaling}, which runs
 * them with JMH's {@code -t} at 1, 2, 4, 8 and 16 threads: {@link #ownBus} is scenario 1 on
 * every thread (each its own bus: how the machine scales), {@link #sharedBus} is scenario 6
 * (one bus shared by all threads: what the dispatcher adds), and the two creation methods are
 * scenario 7. Run through {@code report.Scaling}, not by itself.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
public class ScalingBenchmark {
  /** Made by JMH. */
  public ScalingBenchmark() {}


  /**
   * Scenario 1, one bus per thread.
   *
   * @param own this thread's bus
   */
  @Benchmark
  public void ownBus(OwnBus own) {
    own.bus.publish(own.event);
  }

  /**
   * Scenario 6, one bus for all threads.
   *
   * @param shared the bus
   */
  @Benchmark
  public void sharedBus(SharedBus shared) {
    shared.bus.publish(shared.event);
  }

  /**
   * Scenario 7 with this library's header.
   *
   * @return the event
   */
  @Benchmark
  public Events.OrderPlaced headerCreate() {
    return new Events.OrderPlaced(EventHeader.create(), Events.ORDER_ID, Events.CUSTOMER);
  }

  /**
   * Scenario 7 with {@code UUID.randomUUID()} and {@code Instant.now()}.
   *
   * @return the event
   */
  @Benchmark
  public PlainOrderPlaced randomUuid() {
    return new PlainOrderPlaced(UUID.randomUUID(), Instant.now(), Events.ORDER_ID, Events.CUSTOMER);
  }

  /** The contender, shared by both bus states. */
  @State(Scope.Benchmark)
  public static class Contenders {
    /** Made by JMH. */
    public Contenders() {}

    /** The contender measured. */
    @Param({"DOMAIN_EVENTS", "REFERENCE", "SPRING_APPLICATION_EVENT"})
    public Contender contender;
  }

  /** Scenario 1's bus, one per thread. */
  @State(Scope.Thread)
  public static class OwnBus extends DispatchBenchmark.Wiring {
    /** Made by JMH. */
    public OwnBus() {}

    /**
     * Wires the bus.
     *
     * @param contenders holds the contender
     * @param blackhole the handlers' sink
     */
    @Setup
    public void setUp(Contenders contenders, Blackhole blackhole) {
      wire(Scenario.EXACT_TYPE, contenders.contender, blackhole);
    }
  }

  /** Scenario 6's bus, one for all threads. */
  @State(Scope.Benchmark)
  public static class SharedBus extends DispatchBenchmark.Wiring {
    /** Made by JMH. */
    public SharedBus() {}

    /**
     * Wires the bus.
     *
     * @param contenders holds the contender
     * @param blackhole the handlers' sink
     */
    @Setup
    public void setUp(Contenders contenders, Blackhole blackhole) {
      wire(Scenario.EXACT_TYPE, contenders.contender, blackhole);
    }
  }
}
