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
}
