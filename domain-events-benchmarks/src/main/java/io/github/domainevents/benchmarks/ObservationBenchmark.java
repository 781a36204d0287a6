package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.spring.boot.HandlerObservations;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
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
 * Not a contender: what the Spring Boot starter's Micrometer observation per handler invocation
 * ({@link HandlerObservations}) adds to a synchronous dispatch to one handler, the number behind
 * the starter's default ({@code domain-events.observations.enabled=false}: off unless the
 * application turns it on). The event is created once, so only the dispatch is measured.
 *
 * <ul>
 *   <li>{@code OFF}: no interceptor, the baseline;
 *   <li>{@code NOOP_REGISTRY}: the interceptor on {@code ObservationRegistry.NOOP}, as in an
 *       application whose registry has no handlers;
 *   <li>{@code TIMER}: the interceptor on a registry with Micrometer's meter handler over a
 *       {@code SimpleMeterRegistry}: a timer sample and a timer lookup per invocation, as Boot's
 *       actuator configures it (without tracing).
 * </ul>
 *
 * <pre>
 * ./mvnw -B -q -Pbenchmarks -pl domain-events-benchmarks -am package -DskipTests
 * java -jar domain-events-benchmarks/target/benchmarks.jar ObservationBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
public class ObservationBenchmark {
  /** Made by JMH. */
  public ObservationBenchmark() {}

  /** How handler invocations are observed. */
  public enum Observed {
    /** Not at all. */
    OFF,
    /** Through the interceptor, on a registry that observes nothing. */
    NOOP_REGISTRY,
    /** Through the interceptor, on a registry that times each invocation. */
    TIMER
  }

  /** The observation setting under test. */
  @Param
  public Observed observed;

  private InProcessEventDispatcher dispatcher;
  private Placed event;

  /**
   * An event of the benchmark.
   *
   * @param header the header
   * @param orderId the order
   */
  public record Placed(EventHeader header, long orderId) implements DomainEvent {}

  /**
   * Builds the dispatcher with one handler that feeds the event to the black hole.
   *
   * @param blackhole JMH's black hole
   */
  @Setup
  public void setUp(Blackhole blackhole) {
    InProcessEventDispatcher.Builder builder = InProcessEventDispatcher.builder();
    switch (observed) {
      case OFF -> {}
      case NOOP_REGISTRY -> builder.interceptor(HandlerObservations.interceptor(ObservationRegistry.NOOP));
      case TIMER -> {
        ObservationRegistry registry = ObservationRegistry.create();
        registry
            .observationConfig()
            .observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        builder.interceptor(HandlerObservations.interceptor(registry));
      }
    }
    dispatcher = builder.build();
    dispatcher.register(Placed.class, blackhole::consume);
    event = new Placed(EventHeader.create(), 42);
  }

  /** One synchronous dispatch to one handler. */
  @Benchmark
  public void dispatch() {
    dispatcher.dispatch(event);
  }
}
