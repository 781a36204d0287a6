package io.github.domainevents.spring.boot;

import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.NoUnitOfWorkPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code domain-events.*} configuration properties of the auto-configured dispatcher. The
 * defaults are the library's own ({@link io.github.domainevents.InProcessEventDispatcher.Builder}).
 *
 * <p>Bound once at startup; not safe for concurrent modification.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("domain-events")
public class DomainEventsProperties {

  /** Where asynchronous dispatches run. */
  public enum AsyncExecutor {
    /**
     * The application's task executor, the bean named {@code applicationTaskExecutor} (virtual
     * threads when {@code spring.threads.virtual.enabled} is true); the dispatcher's own pool when
     * there is no such bean.
     */
    APPLICATION,
    /** A pool of daemon threads the dispatcher creates on first use and shuts down on close. */
    DISPATCHER
  }

  /** What happens when a handler throws. */
  private ErrorPolicy errorPolicy = ErrorPolicy.FAIL_FAST;

  /**
   * How deeply dispatches may nest (a handler dispatching an event whose handler dispatches...)
   * before the dispatch fails; at least 1.
   */
  private int maxDepth = 64;

  /**
   * What happens when an event with handlers bound to a transaction phase is dispatched outside
   * any transaction; also whether startup fails (FAIL) or warns (RUN_NOW_WITH_WARNING) when such
   * handlers exist but there is no transaction manager.
   */
  private NoUnitOfWorkPolicy noUnitOfWorkPolicy = NoUnitOfWorkPolicy.FAIL;

  /** How long closing the dispatcher on shutdown waits for asynchronous dispatches. */
  private Duration closeTimeout = Duration.ofSeconds(30);

  /** Where asynchronous dispatches run. */
  private AsyncExecutor asyncExecutor = AsyncExecutor.APPLICATION;

  /**
   * Whether domain events published through Spring's ApplicationEventPublisher are dispatched to
   * the library's handlers.
   */
  private boolean springEvents = true;

  /**
   * Creates the properties with the library's defaults.
   *
   * @since 0.1.0
   */
  public DomainEventsProperties() {}

  /**
   * Returns the error policy.
   *
   * @return the error policy
   */
  public ErrorPolicy getErrorPolicy() {
    return errorPolicy;
  }

  /**
   * Sets the error policy.
   *
   * @param errorPolicy the error policy
   */
  public void setErrorPolicy(ErrorPolicy errorPolicy) {
    this.errorPolicy = errorPolicy;
  }

  /**
   * Returns the nesting limit.
   *
   * @return the nesting limit
   */
  public int getMaxDepth() {
    return maxDepth;
  }

  /**
   * Sets the nesting limit.
   *
   * @param maxDepth the nesting limit; checked when the dispatcher is built
   */
  public void setMaxDepth(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  /**
   * Returns the no-unit-of-work policy.
   *
   * @return the policy
   */
  public NoUnitOfWorkPolicy getNoUnitOfWorkPolicy() {
    return noUnitOfWorkPolicy;
  }

  /**
   * Sets the no-unit-of-work policy.
   *
   * @param noUnitOfWorkPolicy the policy
   */
  public void setNoUnitOfWorkPolicy(NoUnitOfWorkPolicy noUnitOfWorkPolicy) {
    this.noUnitOfWorkPolicy = noUnitOfWorkPolicy;
  }

  /**
   * Returns the close timeout.
   *
   * @return the close timeout
   */
  public Duration getCloseTimeout() {
    return closeTimeout;
  }

  /**
   * Sets the close timeout.
   *
   * @param closeTimeout the close timeout; checked when the dispatcher is built
   */
  public void setCloseTimeout(Duration closeTimeout) {
    this.closeTimeout = closeTimeout;
  }

  /**
   * Returns where asynchronous dispatches run.
   *
   * @return the executor choice
   */
  public AsyncExecutor getAsyncExecutor() {
    return asyncExecutor;
  }

  /**
   * Sets where asynchronous dispatches run.
   *
   * @param asyncExecutor the executor choice
   */
  public void setAsyncExecutor(AsyncExecutor asyncExecutor) {
    this.asyncExecutor = asyncExecutor;
  }

  /**
   * Tells whether Spring's published domain events reach the library's handlers.
   *
   * @return true if they do
   */
  public boolean isSpringEvents() {
    return springEvents;
  }

  /**
   * Sets whether Spring's published domain events reach the library's handlers.
   *
   * @param springEvents true if they should
   */
  public void setSpringEvents(boolean springEvents) {
    this.springEvents = springEvents;
  }

  // Observability (observations, counters, trace): nested groups, each with its own defaults.

  /** Micrometer observations of handler invocations. */
  private final Observations observations = new Observations();

  /** Micrometer counters of dispatched, failed and dead events. */
  private final Metrics metrics = new Metrics();

  /** The in-memory trace of recent event trees, shown by the actuator endpoint. */
  private final Trace trace = new Trace();

  /**
   * Returns the observation settings.
   *
   * @return the settings, never null
   */
  public Observations getObservations() {
    return observations;
  }

  /**
   * Returns the counter settings.
   *
   * @return the settings, never null
   */
  public Metrics getMetrics() {
    return metrics;
  }

  /**
   * Returns the trace settings.
   *
   * @return the settings, never null
   */
  public Trace getTrace() {
    return trace;
  }

  /**
   * {@code domain-events.observations.*}: one Micrometer observation per handler invocation (a
   * timer, and a span with Micrometer Tracing), when the application has an {@code
   * ObservationRegistry} bean.
   *
   * <p><b>Off by default, by cost.</b> An observation is far heavier than the dispatch it would
   * wrap: {@code ObservationBenchmark} in the benchmarks module (JDK 17, 2 forks, quiet 2-core
   * machine) measured a dispatch to one handler at 10 ns and 0 B without it, 18 ns and 24 B on
   * {@code ObservationRegistry.NOOP}, and 1.9 µs and 3 KB with a registry holding Micrometer's
   * meter handler.
   * Most in-process handlers (a cache update, a projection) are cheaper than that, so observing
   * every invocation by default would multiply the cost of events for every application that has
   * the actuator. Spring does not observe {@code @EventListener} invocations by default either.
   * The {@linkplain Metrics counters}, a counter increment per delivery, stay on; turn this on
   * when per-handler latency and spans are worth the price (handlers doing I/O, where an
   * observation is a small fraction of the handler's own time).
   *
   * @since 0.1.0
   */
  public static class Observations {
    /** Whether each handler invocation is a Micrometer observation (timer, span). */
    private boolean enabled = false;

    /**
     * Creates the settings with their defaults.
     *
     * @since 0.1.0
     */
    public Observations() {}

    /**
     * Tells whether handler invocations are observed.
     *
     * @return true if they are
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether handler invocations are observed.
     *
     * @param enabled true to observe them
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /**
   * {@code domain-events.metrics.*}: the counters {@code domain.events.dispatched}, {@code
   * domain.events.failed} and {@code domain.events.dead}, when the application has a {@code
   * MeterRegistry} bean. On by default: one counter increment per delivery, a map lookup per
   * event class.
   *
   * @since 0.1.0
   */
  public static class Metrics {
    /** Whether dispatched, failed and dead events are counted. */
    private boolean enabled = true;

    /**
     * Creates the settings with their defaults.
     *
     * @since 0.1.0
     */
    public Metrics() {}

    /**
     * Tells whether events are counted.
     *
     * @return true if they are
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether events are counted.
     *
     * @param enabled true to count them
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /**
   * {@code domain-events.trace.*}: an {@code EventTrace} bean recording the most recent event
   * trees, added to the dispatcher and shown by the actuator endpoint. Off by default: recording
   * takes a lock per handler invocation and keeps events in memory.
   *
   * @since 0.1.0
   */
  public static class Trace {
    /** Whether the most recent event trees are recorded in memory. */
    private boolean enabled = false;

    /** How many of the most recent events the trace keeps; at least 1. */
    private int capacity = 1000;

    /**
     * Creates the settings with their defaults.
     *
     * @since 0.1.0
     */
    public Trace() {}

    /**
     * Tells whether events are traced.
     *
     * @return true if they are
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether events are traced.
     *
     * @param enabled true to trace them
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Returns how many events the trace keeps.
     *
     * @return the capacity
     */
    public int getCapacity() {
      return capacity;
    }

    /**
     * Sets how many events the trace keeps.
     *
     * @param capacity the capacity; checked when the trace is created
     */
    public void setCapacity(int capacity) {
      this.capacity = capacity;
    }
  }
}
