package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import java.util.List;
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
 * Issue 14, JDK 25: does carrying the ambient cause in a {@link ScopedValue} (JEP 506, final in
 * JDK 25) cost less per dispatch than core's per-thread arrays? Built and run only on JDK 25
 * (the Maven profile {@code jdk25-scoped-values} of this module adds {@code src/jdk25/java}).
 *
 * <p>Every {@link Variant} does the same observable work: dispatch a pre-made event to one
 * handler, which reads the causation and correlation a follow-up event would get and, while
 * {@code depth} is not reached, dispatches the next level's pre-made event (so {@code depth=3}
 * is three nested dispatches, each handler reading its cause). {@link #wrapInHandler}
 * additionally captures the context in the innermost handler and runs a task in it, as {@code
 * EventContext.wrap} and asynchronous dispatch do. {@link #dispatch_2threads} is {@link
 * #dispatch} from two threads on one shared bus (scenario 6's shape).
 *
 * <p>Read the allocation ({@code -prof gc}, {@code gc.alloc.rate.norm}) before the time: the
 * thread-local variants allocate nothing per dispatch; every scoped-value binding allocates
 * (see {@code SCOPED-VALUES.md}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
public class ScopedValueContextBenchmark {
  /** Made by JMH. */
  public ScopedValueContextBenchmark() {}

  /** How the ambient cause is carried. */
  public enum Variant {
    /** This library's {@code InProcessEventDispatcher}, read through {@code EventContext}. */
    REAL,
    /** Core's thread-local chain arrays, copied into the minimal bus: the like-for-like baseline. */
    THREAD_LOCAL,
    /** The event itself bound in a scoped value per dispatch: the least a binding costs. */
    SCOPED_EVENT,
    /** Immutable chain frames bound in a scoped value per dispatch (depth guard, capture). */
    SCOPED_FRAME,
    /** Frames in a scoped value, scopes still thread-local: what core could ship unchanged. */
    HYBRID,
    /** The minimal bus with no ambient context: the floor. */
    NONE;

    ContextBus newBus() {
      return switch (this) {
        case REAL -> new RealDispatcherBus();
        case THREAD_LOCAL -> new ThreadLocalChainBus();
        case SCOPED_EVENT -> new ScopedEventBus();
        case SCOPED_FRAME -> new ScopedFrameBus();
        case HYBRID -> new HybridBus();
        case NONE -> new NoContextBus();
      };
    }

    /**
     * A new bus of this variant with one {@link LevelHandler} per level: the handler of {@code
     * events[i]} dispatches {@code events[i + 1]} while {@code i + 1 < depth}.
     */
    ContextBus wire(
        int depth, List<DomainEvent> events, boolean wrapInnermost, CauseSink sink) {
      ContextBus bus = newBus();
      for (int level = 0; level < depth; level++) {
        DomainEvent next = level + 1 < depth ? events.get(level + 1) : null;
        bus.register(
            events.get(level).getClass(), new LevelHandler(bus, next, wrapInnermost, sink));
      }
      return bus;
    }
  }

  /** The variant measured. */
  @Param public Variant variant;

  /** How many dispatches are nested: 1 (a handler that dispatches nothing) or 3. */
  @Param({"1", "3"})
  public int depth;

  private ContextBus plain;
  private ContextBus wrapping;
  private DomainEvent first;
  private Object padding;

  /**
   * Wires two buses (one whose innermost handler runs a wrapped task) and the events, then
   * dispatches once on each so that routes and this thread's context are made before
   * measuring, away from the shared objects (see {@link Layout}).
   *
   * @param blackhole JMH's black hole, fed by the handlers
   */
  @Setup(Level.Trial)
  public void setUp(Blackhole blackhole) {
    EventHeader.create(); // this thread's ambient context, before the shared objects
    Object before = new long[Layout.PADDING_LONGS];
    List<DomainEvent> events =
        List.of(
            new Levels.Level1(EventHeader.create()),
            new Levels.Level2(EventHeader.create()),
            new Levels.Level3(EventHeader.create()));
    CauseSink sink =
        (causationId, correlationId) -> {
          blackhole.consume(causationId);
          blackhole.consume(correlationId);
        };
    plain = variant.wire(depth, events, false, sink);
    wrapping = variant.wire(depth, events, true, sink);
    first = events.get(0);
    plain.dispatch(first);
    wrapping.dispatch(first);
    padding = new Object[] {before, new long[Layout.PADDING_LONGS]};
  }

  /** Dispatches the first level's event; its handlers nest {@code depth} dispatches. */
  @Benchmark
  @Threads(1)
  public void dispatch() {
    plain.dispatch(first);
  }

  /** {@link #dispatch} from two threads on the same bus and event (per-op time). */
  @Benchmark
  @Threads(2)
  public void dispatch_2threads() {
    plain.dispatch(first);
  }

  /**
   * {@link #dispatch}, where the innermost handler also captures the context and runs a task
   * in it on the same thread (the task reads the cause again).
   */
  @Benchmark
  @Threads(1)
  public void wrapInHandler() {
    wrapping.dispatch(first);
  }

  /**
   * Keeps the padding reachable.
   *
   * @return the padding made by set-up
   */
  Object padding() {
    return padding;
  }
}
