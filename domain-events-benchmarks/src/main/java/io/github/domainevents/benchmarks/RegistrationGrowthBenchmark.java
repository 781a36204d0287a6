package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * How registering and closing cost grows with the number of handlers: each operation registers
 * (or closes) all {@code handlers} of a dispatcher, so the score divided by {@code handlers} is
 * the cost of one registration at that size. Linear total cost shows as a flat per-handler
 * cost; a copy-on-write registry (this library before issue 14) shows as a per-handler cost
 * growing with the count.
 *
 * <p>The ways in: handlers of one class ({@link #registerOneType}), spread over 256 classes as a
 * framework registers its beans at start-up ({@link #registerAcrossTypes}), and listeners with
 * 256 {@code @HandleEvent} methods each ({@link #registerListeners}: {@code handlers / 256}
 * listeners, so 768, 9,984 and 49,920 handlers for 1,000, 10,000 and 50,000; the operation
 * includes reading the listener's methods). The ways out: closing in registration order, newest
 * first, in random order, and listener by listener.
 *
 * <p>{@link #registerDispatchClose} is the churn of a long-running application (a handler added,
 * used once, removed) in a dispatcher that already holds {@code handlers} handlers over 256
 * event classes: the dispatch rebuilds the route of the class that changed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class RegistrationGrowthBenchmark {
  /** Made by JMH. */
  public RegistrationGrowthBenchmark() {}


  /** How many handlers the dispatcher holds at the end of a registration. */
  @Param({"100", "1000", "10000", "50000"})
  public int handlers;

  private final List<DomainEventHandler<DomainEvent>> pool = new ArrayList<>();
  private final List<ManyEventsListener> listeners = new ArrayList<>();

  /**
   * Makes the handlers, five classes in turn as in an application.
   *
   * @param blackhole the handlers' sink
   */
  @Setup(Level.Trial)
  public void makeHandlers(Blackhole blackhole) {
    Handler[] sinks = Sinks.of(blackhole);
    for (int i = 0; i < handlers; i++) {
      Handler sink = sinks[i % sinks.length];
      pool.add(event -> sink.handle(event)); // a distinct object per registration
    }
    for (int i = 0; i < handlers / ManyEventsListener.METHODS; i++) {
      listeners.add(new ManyEventsListener(sinks[i % sinks.length]));
    }
  }

  private void checkPool() {
    if (pool.size() != handlers) {
      throw new IllegalStateException(
          "the handlers are not made yet: " + pool.size() + " of " + handlers);
    }
  }

  /**
   * Registers every handler for one event class.
   *
   * @param fresh an empty dispatcher
   * @return the dispatcher
   */
  @Benchmark
  public InProcessEventDispatcher registerOneType(Fresh fresh) {
    for (DomainEventHandler<DomainEvent> handler : pool) {
      fresh.dispatcher.register(Events.OrderPlaced.class, handler);
    }
    return fresh.dispatcher;
  }

  /**
   * Registers every handler, spread over the 256 classes of {@link ManyEvents}.
   *
   * @param fresh an empty dispatcher
   * @return the dispatcher
   */
  @Benchmark
  public InProcessEventDispatcher registerAcrossTypes(Fresh fresh) {
    for (int i = 0; i < pool.size(); i++) {
      fresh.dispatcher.register(ManyEvents.TYPES.get(i % ManyEvents.TYPES.size()), pool.get(i));
    }
    return fresh.dispatcher;
  }

  /**
   * Registers {@code handlers / 256} listeners with 256 handler methods each, one per class of
   * {@link ManyEvents}.
   *
   * @param fresh an empty dispatcher
   * @return the dispatcher
   */
  @Benchmark
  public InProcessEventDispatcher registerListeners(Fresh fresh) {
    for (ManyEventsListener listener : listeners) {
      fresh.dispatcher.registerAll(listener);
    }
    return fresh.dispatcher;
  }

  /**
   * Closes every registration, in the order they were made.
   *
   * @param full a dispatcher holding every handler
   * @return the dispatcher
   */
  @Benchmark
  public InProcessEventDispatcher closeInOrder(Full full) {
    for (Registration registration : full.registrations) {
      registration.close();
    }
    return full.dispatcher;
  }

  /**
   * Closes every registration, the newest first.
   *
   * @param full a dispatcher holding every handler
   * @return the dispatcher
   */
  @Benchmark
  public InProcessEventDispatcher closeNewestFirst(Full full) {
    for (int i = full.registrations.size() - 1; i >= 0; i--) {
      full.registrations.get(i).close();
    }
    return full.dispatcher;
  }

  /**
   * Closes every registration in a random order (the same for every operation).
   *
   * @param full a dispatcher holding every handler
   * @return the dispatcher
   */
  @Benchmark
  public InProcessEventDispatcher closeInRandomOrder(Full full) {
    for (Registration registration : full.shuffled) {
      registration.close();
    }
    return full.dispatcher;
  }

  /**
   * Closes the registrations of {@code handlers / 256} listeners, one listener at a time.
   *
   * @param full a dispatcher holding the listeners
   * @return the dispatcher
   */
  @Benchmark
  public InProcessEventDispatcher closeListeners(FullOfListeners full) {
    for (Registration registration : full.registrations) {
      registration.close();
    }
    return full.dispatcher;
  }

  /**
   * Registers one handler, dispatches one event of its class, closes the registration.
   *
   * @param steady a dispatcher holding every handler, kept across operations
   */
  @Benchmark
  public void registerDispatchClose(Steady steady) {
    Registration registration = steady.dispatcher.register(Events.OrderPlaced.class, steady.extra);
    steady.dispatcher.dispatch(steady.event);
    registration.close();
  }

  /** An empty dispatcher, new for every operation. */
  @State(Scope.Thread)
  public static class Fresh {
    /** Made by JMH. */
    public Fresh() {}

    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();

    /** Makes the dispatcher. */
    @Setup(Level.Invocation)
    public void setUp() {
      dispatcher = InProcessEventDispatcher.builder().deadEventHandler(event -> {}).build();
    }
  }

  /** A dispatcher holding every handler of the pool on one class, new for every operation. */
  @State(Scope.Thread)
  public static class Full {
    /** Made by JMH. */
    public Full() {}

    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    final List<Registration> registrations = new ArrayList<>();
    final List<Registration> shuffled = new ArrayList<>();

    /**
     * Fills the dispatcher.
     *
     * @param benchmark holds the handlers
     */
    @Setup(Level.Invocation)
    public void setUp(RegistrationGrowthBenchmark benchmark) {
      benchmark.checkPool();
      dispatcher = InProcessEventDispatcher.builder().deadEventHandler(event -> {}).build();
      registrations.clear();
      for (DomainEventHandler<DomainEvent> handler : benchmark.pool) {
        registrations.add(dispatcher.register(Events.OrderPlaced.class, handler));
      }
      shuffled.clear();
      shuffled.addAll(registrations);
      Collections.shuffle(shuffled, new Random(14));
    }
  }

  /** A dispatcher holding {@code handlers / 256} listeners, new for every operation. */
  @State(Scope.Thread)
  public static class FullOfListeners {
    /** Made by JMH. */
    public FullOfListeners() {}

    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    final List<Registration> registrations = new ArrayList<>();

    /**
     * Fills the dispatcher.
     *
     * @param benchmark holds the listeners
     */
    @Setup(Level.Invocation)
    public void setUp(RegistrationGrowthBenchmark benchmark) {
      benchmark.checkPool();
      dispatcher = InProcessEventDispatcher.builder().deadEventHandler(event -> {}).build();
      registrations.clear();
      for (ManyEventsListener listener : benchmark.listeners) {
        registrations.add(dispatcher.registerAll(listener));
      }
    }
  }

  /** A dispatcher holding every handler of the pool over the 256 classes, for the whole run. */
  @State(Scope.Thread)
  public static class Steady {
    /** Made by JMH. */
    public Steady() {}

    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    DomainEvent event = Kind.ORDER_PLACED.record(EventHeader.create());
    DomainEventHandler<DomainEvent> extra = event -> {};

    /**
     * Fills the dispatcher.
     *
     * @param benchmark holds the handlers
     * @param blackhole the extra handler's sink
     */
    @Setup(Level.Trial)
    public void setUp(RegistrationGrowthBenchmark benchmark, Blackhole blackhole) {
      benchmark.checkPool();
      dispatcher = InProcessEventDispatcher.builder().deadEventHandler(event -> {}).build();
      List<DomainEventHandler<DomainEvent>> pool = benchmark.pool;
      for (int i = 0; i < pool.size(); i++) {
        dispatcher.register(ManyEvents.TYPES.get(i % ManyEvents.TYPES.size()), pool.get(i));
      }
      extra = blackhole::consume;
    }
  }
}
