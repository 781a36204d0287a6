package io.github.domainevents.spring.boot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * The {@code domain-events.outbox.*} configuration properties: the outbox table, its schema
 * initialization, and the relay ({@code domain-events.outbox.relay.*}). The relay's defaults are
 * those of {@code OutboxRelay.Builder}.
 *
 * <p>Bound once at startup; not safe for concurrent modification.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("domain-events.outbox")
public class DomainEventsOutboxProperties {

  /** The outbox table, shared by the outbox and the relay; a plain SQL identifier. */
  private String table = "domain_events_outbox";

  /**
   * When the outbox module's schema script (H2 or PostgreSQL, by the database) runs at startup:
   * embedded (in-memory databases only), always, or never. It runs only while the outbox table
   * does not exist, and only for the default table name.
   */
  private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.EMBEDDED;

  /** The relay that publishes committed rows to the application's OutboxSink bean. */
  private final Relay relay = new Relay();

  /**
   * Creates the properties with their defaults.
   *
   * @since 0.1.0
   */
  public DomainEventsOutboxProperties() {}

  /**
   * Returns the outbox table.
   *
   * @return the table name
   */
  public String getTable() {
    return table;
  }

  /**
   * Sets the outbox table.
   *
   * @param table the table name; checked when the outbox and relay are built
   */
  public void setTable(String table) {
    this.table = table;
  }

  /**
   * Returns when the schema script runs.
   *
   * @return the mode
   */
  public DatabaseInitializationMode getInitializeSchema() {
    return initializeSchema;
  }

  /**
   * Sets when the schema script runs.
   *
   * @param initializeSchema the mode
   */
  public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
    this.initializeSchema = initializeSchema;
  }

  /**
   * Returns the relay settings.
   *
   * @return the settings, never null
   */
  public Relay getRelay() {
    return relay;
  }

  /**
   * {@code domain-events.outbox.relay.*}: the {@code OutboxRelay} bean, created when the
   * application has one {@code OutboxSink} bean (the Kafka sink or its own) and started and
   * stopped with the application context. Each setting maps to one option of {@code
   * OutboxRelay.Builder}, with its default, except the poll interval, which is the argument of
   * {@code OutboxRelay.start}.
   *
   * @since 0.1.0
   */
  public static class Relay {
    /** Whether the relay bean is created and polls while the application runs. */
    private boolean enabled = true;

    /**
     * The relay's name: the lease owner written on the rows it claims, and its thread's name.
     * Default: "relay-" and a random UUID.
     */
    private @Nullable String name;

    /** How many rows one round claims; at least 1. */
    private int batchSize = 100;

    /** The pause between polls of the outbox table. */
    private Duration pollInterval = Duration.ofSeconds(1);

    /**
     * How long a claim on rows lasts; longer than publishing one batch takes. Also how long
     * stopping waits for the round in progress.
     */
    private Duration leaseDuration = Duration.ofSeconds(60);

    /** How many times a row is published before it is dead; at least 1. */
    private int maxAttempts = 10;

    /** The wait before the first retry of a failed row; it doubles for each further retry. */
    private Duration initialBackoff = Duration.ofSeconds(1);

    /** The longest wait between retries of a failed row. */
    private Duration maxBackoff = Duration.ofMinutes(5);

    /** Whether delivered rows are kept (status DELIVERED) instead of deleted. */
    private boolean keepDelivered = false;

    /**
     * Creates the settings with their defaults.
     *
     * @since 0.1.0
     */
    public Relay() {}

    /**
     * Tells whether the relay is created.
     *
     * @return true if it is
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the relay is created.
     *
     * @param enabled true to create it
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Returns the relay's name.
     *
     * @return the name, or null for the builder's random one
     */
    public @Nullable String getName() {
      return name;
    }

    /**
     * Sets the relay's name.
     *
     * @param name the name; checked when the relay is built
     */
    public void setName(@Nullable String name) {
      this.name = name;
    }

    /**
     * Returns the batch size.
     *
     * @return the batch size
     */
    public int getBatchSize() {
      return batchSize;
    }

    /**
     * Sets the batch size.
     *
     * @param batchSize the batch size; checked when the relay is built
     */
    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    /**
     * Returns the poll interval.
     *
     * @return the poll interval
     */
    public Duration getPollInterval() {
      return pollInterval;
    }

    /**
     * Sets the poll interval.
     *
     * @param pollInterval the poll interval; checked when the relay starts
     */
    public void setPollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
    }

    /**
     * Returns the lease duration.
     *
     * @return the lease duration
     */
    public Duration getLeaseDuration() {
      return leaseDuration;
    }

    /**
     * Sets the lease duration.
     *
     * @param leaseDuration the lease duration; checked when the relay is built
     */
    public void setLeaseDuration(Duration leaseDuration) {
      this.leaseDuration = leaseDuration;
    }

    /**
     * Returns the attempts before a row is dead.
     *
     * @return the attempts
     */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets the attempts before a row is dead.
     *
     * @param maxAttempts the attempts; checked when the relay is built
     */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /**
     * Returns the first retry's wait.
     *
     * @return the wait
     */
    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    /**
     * Sets the first retry's wait.
     *
     * @param initialBackoff the wait; checked when the relay is built
     */
    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    /**
     * Returns the longest wait between retries.
     *
     * @return the wait
     */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    /**
     * Sets the longest wait between retries.
     *
     * @param maxBackoff the wait; checked when the relay is built
     */
    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    /**
     * Tells whether delivered rows are kept.
     *
     * @return true if they are
     */
    public boolean isKeepDelivered() {
      return keepDelivered;
    }

    /**
     * Sets whether delivered rows are kept.
     *
     * @param keepDelivered true to keep them
     */
    public void setKeepDelivered(boolean keepDelivered) {
      this.keepDelivered = keepDelivered;
    }
  }
}
