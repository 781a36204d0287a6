package io.github.domainevents.outbox;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Publishes the committed rows of the outbox table to an {@link OutboxSink}, at least once, in
 * order per aggregate.
 *
 * <pre>{@code
 * OutboxRelay relay = OutboxRelay.builder(dataSource, sink).name("relay-1").build();
 * relay.start(Duration.ofMillis(200));   // polls on a thread of its own until close()
 * }</pre>
 *
 * <h2>How a round goes</h2>
 *
 * {@link #relayOnce()} claims up to {@code batchSize} due rows by writing a lease (its owner and
 * an expiry) on them in a short transaction of its own, publishes them, then records each outcome
 * by event id: a delivered row is deleted (or kept as {@code DELIVERED}, see {@link
 * Builder#keepDelivered}); a failed one gets its error and a retry time after an exponential
 * backoff, or the dead state once its attempts are used up. Only the oldest undelivered row of
 * each aggregate ({@code aggregatetype}, {@code aggregateid}) can be claimed, so one aggregate's
 * rows are published one after the other in the order they were written, and a failing or dead
 * row holds back the later rows of its aggregate only: other aggregates go on.
 *
 * <h2>Several relays</h2>
 *
 * Any number of relays (threads or processes) may work on one table. On PostgreSQL the claim
 * uses {@code FOR UPDATE SKIP LOCKED}; elsewhere (H2) a conditional update of each row. Either
 * way a row has at most one unexpired lease, so two relays never publish it at the same time, as
 * long as publishing a batch takes less than the lease duration; a relay stops publishing a batch
 * whose lease has run out. A relay that dies leaves its leases to expire; then another relay (or
 * the restarted one) claims the rows again and publishes them again: nothing is lost, and a
 * consumer may see a message twice (idempotency by event id handles that, see {@link
 * IdempotentHandler}).
 *
 * <h2>Operators</h2>
 *
 * {@link #deadMessages(int)} lists dead rows with their last error, {@link #requeue(UUID)} puts
 * one back in line with fresh attempts, {@link #discard(UUID)} deletes it.
 *
 * <p>Safe for concurrent use; {@link #relayOnce()} may be called from several threads, though one
 * thread per relay is the usual shape. Failures of the sink never escape {@link #relayOnce()}: they
 * are recorded on the rows. Database failures do.
 *
 * @since 0.1.0
 */
public final class OutboxRelay implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
  private static final int MAX_ERROR_LENGTH = 2000;
  private static final List<String> COLUMN_LIST = List.of("seq", "id", "aggregatetype",
      "aggregateid", "type", "payload", "occurred_at", "correlation_id", "causation_id",
      "metadata", "attempts", "lease_until");
  private static final String COLUMNS = String.join(", ", COLUMN_LIST);

  private final DataSource dataSource;
  private final OutboxSink sink;
  private final boolean batchSink;
  private final String name;
  private final String table;
  private final int batchSize;
  private final Duration leaseDuration;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final boolean keepDelivered;
  private final Clock clock;
  private final AtomicLong claims = new AtomicLong();
  private final Object lifecycle = new Object();
  private @Nullable ScheduledExecutorService poller;
  private boolean closed;

  private OutboxRelay(Builder builder) {
    this.dataSource = builder.dataSource;
    this.sink = builder.sink;
    this.batchSink = overridesPublishAll(builder.sink);
    this.name = builder.name;
    this.table = builder.table;
    this.batchSize = builder.batchSize;
    this.leaseDuration = builder.leaseDuration;
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.keepDelivered = builder.keepDelivered;
    this.clock = builder.clock;
  }

  private static boolean overridesPublishAll(OutboxSink sink) {
    try {
      return sink.getClass().getMethod("publishAll", List.class).getDeclaringClass()
          != OutboxSink.class;
    } catch (NoSuchMethodException impossible) {
      throw new AssertionError(impossible);
    }
  }

  /**
   * Starts a relay.
   *
   * @param dataSource where the outbox table is; the relay opens, commits and closes its own
   *     connections
   * @param sink where messages are published
   * @return a builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(DataSource dataSource, OutboxSink sink) {
    return new Builder(dataSource, sink);
  }

  /**
   * Runs one round: claims up to the batch size of due rows, publishes them and records the
   * outcomes.
   *
   * @return how many rows were claimed (0: nothing was due)
   * @throws SQLException if the database fails; rows already claimed keep their lease until it
   *     expires, then are published again
   */
  public int relayOnce() throws SQLException {
    String owner = name + "#" + claims.incrementAndGet();
    Instant now = clock.instant();
    Instant leaseUntil = now.plus(leaseDuration);
    List<Claimed> batch;
    try (Connection connection = dataSource.getConnection()) {
      batch = Tables.isPostgreSql(connection)
          ? claimSkippingLocked(connection, owner, now, leaseUntil)
          : claimConditionally(connection, owner, now, leaseUntil);
    }
    if (batch.isEmpty()) {
      return 0;
    }
    List<Outcome> outcomes = publish(batch, leaseUntil);
    record(outcomes, owner);
    return batch.size();
  }

  private List<Claimed> claimSkippingLocked(
      Connection connection, String owner, Instant now, Instant leaseUntil) throws SQLException {
    String sql = "WITH picked AS (SELECT o.seq FROM " + table + " o" + due("o")
        + " ORDER BY o.seq LIMIT ? FOR UPDATE SKIP LOCKED)"
        + " UPDATE " + table + " t SET lease_owner = ?, lease_until = ?, attempts = t.attempts + 1"
        + " FROM picked WHERE t.seq = picked.seq RETURNING "
        + qualified("t");
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      OffsetDateTime time = Tables.utc(now);
      statement.setObject(1, time);
      statement.setObject(2, time);
      statement.setInt(3, batchSize);
      statement.setString(4, owner);
      statement.setObject(5, Tables.utc(leaseUntil));
      List<Claimed> claimed = read(statement);
      claimed.sort(Comparator.comparingLong(Claimed::seq));
      return claimed;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private List<Claimed> claimConditionally(
      Connection connection, String owner, Instant now, Instant leaseUntil) throws SQLException {
    connection.setAutoCommit(true);
    OffsetDateTime time = Tables.utc(now);
    List<Long> candidates = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT o.seq FROM " + table + " o" + due("o") + " ORDER BY o.seq FETCH FIRST ? ROWS ONLY")) {
      select.setObject(1, time);
      select.setObject(2, time);
      select.setInt(3, batchSize);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          candidates.add(rows.getLong(1));
        }
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement claim = connection.prepareStatement(
        "UPDATE " + table + " SET lease_owner = ?, lease_until = ?, attempts = attempts + 1"
            + " WHERE seq = ? AND status = 'PENDING'"
            + " AND (lease_until IS NULL OR lease_until <= ?)")) {
      for (long seq : candidates) {
        claim.setString(1, owner);
        claim.setObject(2, Tables.utc(leaseUntil));
        claim.setLong(3, seq);
        claim.setObject(4, time);
        claim.executeUpdate();
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM " + table + " WHERE lease_owner = ? ORDER BY seq")) {
      statement.setString(1, owner);
      return read(statement);
    }
  }

  /** The claim condition: pending, due, not leased, and the oldest undelivered of its aggregate. */
  private String due(String alias) {
    return " WHERE " + alias + ".status = 'PENDING' AND " + alias + ".next_attempt_at <= ?"
        + " AND (" + alias + ".lease_until IS NULL OR " + alias + ".lease_until <= ?)"
        + " AND NOT EXISTS (SELECT 1 FROM " + table + " p"
        + " WHERE p.aggregatetype = " + alias + ".aggregatetype"
        + " AND p.aggregateid = " + alias + ".aggregateid"
        + " AND p.seq < " + alias + ".seq AND p.status <> 'DELIVERED')";
  }

  private static String qualified(String alias) {
    StringBuilder columns = new StringBuilder();
    for (String column : COLUMN_LIST) {
      if (columns.length() > 0) {
        columns.append(", ");
      }
      columns.append(alias).append('.').append(column);
    }
    return columns.toString();
  }

  private static List<Claimed> read(PreparedStatement statement) throws SQLException {
    List<Claimed> claimed = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        OutboxMessage message = new OutboxMessage(
            rows.getObject("id", UUID.class),
            rows.getString("type"),
            rows.getString("aggregatetype"),
            rows.getString("aggregateid"),
            rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            rows.getObject("correlation_id", UUID.class),
            rows.getObject("causation_id", UUID.class),
            rows.getString("metadata"),
            rows.getString("payload"),
            rows.getInt("attempts"));
        claimed.add(new Claimed(rows.getLong("seq"), message));
      }
    }
    return claimed;
  }

  /** Publishes the batch, stopping when the lease has run out; returns what happened to each. */
  private List<Outcome> publish(List<Claimed> batch, Instant leaseUntil) {
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    if (batchSink && batch.size() > 1 && clock.instant().isBefore(leaseUntil)) {
      List<OutboxMessage> messages = new ArrayList<>(batch.size());
      batch.forEach(claimed -> messages.add(claimed.message()));
      try {
        sink.publishAll(messages);
        batch.forEach(claimed -> outcomes.add(new Outcome(claimed, null)));
        return outcomes;
      } catch (Exception failure) {
        LOG.log(Level.DEBUG, () -> name + ": a batch of " + batch.size()
            + " failed; publishing its messages one by one", failure);
      }
    }
    for (Claimed claimed : batch) {
      if (!clock.instant().isBefore(leaseUntil)) {
        LOG.log(Level.WARNING, () -> name + ": the lease ran out before " + claimed.message()
            + " was published; it will be claimed again");
        break;
      }
      try {
        sink.publish(claimed.message());
        outcomes.add(new Outcome(claimed, null));
      } catch (Exception failure) {
        outcomes.add(new Outcome(claimed, failure));
      }
    }
    return outcomes;
  }

  private void record(List<Outcome> outcomes, String owner) throws SQLException {
    Instant now = clock.instant();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement delivered = connection.prepareStatement(keepDelivered
              ? "UPDATE " + table + " SET status = 'DELIVERED', delivered_at = ?,"
                  + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?"
              : "DELETE FROM " + table + " WHERE ? IS NOT NULL AND id = ? AND lease_owner = ?");
          PreparedStatement failed = connection.prepareStatement(
              "UPDATE " + table + " SET status = ?, last_error = ?, next_attempt_at = ?,"
                  + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")) {
        for (Outcome outcome : outcomes) {
          OutboxMessage message = outcome.claimed().message();
          Exception failure = outcome.failure();
          int updated;
          if (failure == null) {
            delivered.setObject(1, Tables.utc(now));
            delivered.setObject(2, message.eventId());
            delivered.setString(3, owner);
            updated = delivered.executeUpdate();
          } else {
            boolean dead = message.attempt() >= maxAttempts;
            failed.setString(1, dead ? "DEAD" : "PENDING");
            failed.setString(2, Tables.truncate(String.valueOf(failure), MAX_ERROR_LENGTH));
            failed.setObject(3, Tables.utc(now.plus(backoff(message.attempt()))));
            failed.setObject(4, message.eventId());
            failed.setString(5, owner);
            updated = failed.executeUpdate();
            LOG.log(dead ? Level.WARNING : Level.DEBUG, () -> name + ": " + message
                + (dead ? " is dead after " + message.attempt() + " attempts" : " failed"),
                failure);
          }
          if (updated == 0) {
            LOG.log(Level.WARNING, () -> name + ": the lease on " + message
                + " ran out before its outcome was recorded; it may be published again");
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException failure) {
        connection.rollback();
        throw failure;
      }
    }
  }

  /** The delay before attempt {@code attempt + 1}: doubling from the initial one, capped. */
  private Duration backoff(int attempt) {
    Duration delay = initialBackoff;
    for (int i = 1; i < attempt && delay.compareTo(maxBackoff) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
  }

  /**
   * Starts polling on a daemon thread of this relay's own: every {@code pollInterval}, rounds of
   * {@link #relayOnce()} run until one claims less than a full batch. Database failures are
   * logged as warnings and retried at the next poll.
   *
   * @param pollInterval the pause between polls
   * @throws IllegalArgumentException if {@code pollInterval} is not positive
   * @throws IllegalStateException if the relay was already started or is closed
   */
  public void start(Duration pollInterval) {
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
    }
    synchronized (lifecycle) {
      if (closed || poller != null) {
        throw new IllegalStateException(
            "the relay " + name + " is " + (closed ? "closed" : "already started"));
      }
      ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "outbox-relay-" + name);
        thread.setDaemon(true);
        return thread;
      });
      var unused = executor.scheduleWithFixedDelay(
          this::drain, 0, pollInterval.toNanos(), TimeUnit.NANOSECONDS);
      poller = executor;
    }
  }

  private void drain() {
    try {
      for (int round = 0; round < 1000 && relayOnce() == batchSize; round++) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
    } catch (SQLException | RuntimeException failure) {
      LOG.log(Level.WARNING, () -> name + ": relaying failed; retrying at the next poll", failure);
    }
  }

  /**
   * Stops polling (if {@link #start} was called) and waits up to the lease duration for the
   * round in progress to finish. Rows of an unfinished round are published again after their
   * lease expires. Idempotent.
   */
  @Override
  public void close() {
    ScheduledExecutorService executor;
    synchronized (lifecycle) {
      closed = true;
      executor = poller;
      poller = null;
    }
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(leaseDuration.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Lists dead rows, oldest first.
   *
   * @param limit the most rows to return
   * @return the dead rows
   * @throws IllegalArgumentException if {@code limit} is not positive
   * @throws SQLException if the database fails
   */
  public List<DeadMessage> deadMessages(int limit) throws SQLException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    List<DeadMessage> dead = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT id, type, aggregatetype, aggregateid, attempts, last_error, created_at FROM "
                + table + " WHERE status = 'DEAD' ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
      statement.setInt(1, limit);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          dead.add(new DeadMessage(
              rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
              rows.getString(4), rows.getInt(5), rows.getString(6),
              rows.getObject(7, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return dead;
  }

  /**
   * Puts a dead row back in line: pending, due now, with its attempts reset to zero (its last
   * error is kept until the next attempt).
   *
   * @param eventId the row's event id
   * @return true if a dead row with that id was re-queued; false if there is none
   * @throws SQLException if the database fails
   */
  public boolean requeue(UUID eventId) throws SQLException {
    Objects.requireNonNull(eventId, "eventId");
    return update("UPDATE " + table + " SET status = 'PENDING', attempts = 0, next_attempt_at = ?"
        + " WHERE id = ? AND status = 'DEAD'", eventId, Tables.utc(clock.instant()));
  }

  /**
   * Deletes a dead row for good, letting the later rows of its aggregate go on.
   *
   * @param eventId the row's event id
   * @return true if a dead row with that id was deleted; false if there is none
   * @throws SQLException if the database fails
   */
  public boolean discard(UUID eventId) throws SQLException {
    Objects.requireNonNull(eventId, "eventId");
    return update("DELETE FROM " + table + " WHERE ? IS NOT NULL AND id = ? AND status = 'DEAD'",
        eventId, Tables.utc(clock.instant()));
  }

  /**
   * Deletes rows kept as delivered ({@link Builder#keepDelivered}) that were delivered before
   * {@code cutoff}.
   *
   * @param cutoff rows delivered before this instant go
   * @return how many rows were deleted
   * @throws SQLException if the database fails
   */
  public int purgeDelivered(Instant cutoff) throws SQLException {
    Objects.requireNonNull(cutoff, "cutoff");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "DELETE FROM " + table + " WHERE status = 'DELIVERED' AND delivered_at < ?")) {
      statement.setObject(1, Tables.utc(cutoff));
      return statement.executeUpdate();
    }
  }

  private boolean update(String sql, UUID eventId, OffsetDateTime now) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, now);
      statement.setObject(2, eventId);
      return statement.executeUpdate() == 1;
    }
  }

  /** Returns the relay's name and settings. */
  @Override
  public String toString() {
    return "OutboxRelay[name=" + name + ", table=" + table + ", batchSize=" + batchSize
        + ", lease=" + leaseDuration + ", maxAttempts=" + maxAttempts + "]";
  }

  private record Claimed(long seq, OutboxMessage message) {}

  private record Outcome(Claimed claimed, @Nullable Exception failure) {}

  /**
   * Configures an {@link OutboxRelay}. Not safe for concurrent use.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final DataSource dataSource;
    private final OutboxSink sink;
    private String name = "relay-" + UUID.randomUUID();
    private String table = Tables.OUTBOX;
    private int batchSize = 100;
    private Duration leaseDuration = Duration.ofSeconds(60);
    private int maxAttempts = 10;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofMinutes(5);
    private boolean keepDelivered;
    private Clock clock = Clock.systemUTC();

    private Builder(DataSource dataSource, OutboxSink sink) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Names the relay: the lease owner written on the rows it claims, and its thread's name.
     * Default: {@code relay-} and a random UUID.
     *
     * @param name 1 to 150 characters
     * @return this builder
     * @throws IllegalArgumentException if blank or too long
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || name.length() > 150) {
        throw new IllegalArgumentException("name must be 1 to 150 non-blank characters");
      }
      this.name = name;
      return this;
    }

    /**
     * Sets the outbox table; default {@code domain_events_outbox}.
     *
     * @param table a plain SQL identifier, optionally schema-qualified
     * @return this builder
     * @throws IllegalArgumentException if it is not such an identifier
     */
    public Builder table(String table) {
      this.table = Tables.checkName(table, "table");
      return this;
    }

    /**
     * Sets how many rows one round claims; default 100.
     *
     * @param batchSize at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Sets how long a claim lasts; default 60 seconds. It must be longer than publishing one
     * batch takes: an expired lease lets another relay publish the same rows.
     *
     * @param leaseDuration positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder leaseDuration(Duration leaseDuration) {
      this.leaseDuration = positive(leaseDuration, "leaseDuration");
      return this;
    }

    /**
     * Sets the retry policy: a row that failed {@code maxAttempts} times is dead; between
     * attempts the relay waits {@code initialBackoff}, doubling each time up to {@code
     * maxBackoff}. Default 10 attempts, 1 second to 5 minutes.
     *
     * @param maxAttempts at least 1
     * @param initialBackoff positive
     * @param maxBackoff at least {@code initialBackoff}
     * @return this builder
     * @throws IllegalArgumentException if a value is out of range
     */
    public Builder retries(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      positive(initialBackoff, "initialBackoff");
      positive(maxBackoff, "maxBackoff");
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException(
            "maxBackoff (" + maxBackoff + ") is shorter than initialBackoff (" + initialBackoff
                + ")");
      }
      this.maxAttempts = maxAttempts;
      this.initialBackoff = initialBackoff;
      this.maxBackoff = maxBackoff;
      return this;
    }

    /**
     * Keeps delivered rows (status {@code DELIVERED}, with {@code delivered_at}) instead of
     * deleting them, as an archive; {@link OutboxRelay#purgeDelivered} removes old ones. Default
     * false: delivered rows are deleted.
     *
     * @param keep whether to keep delivered rows
     * @return this builder
     */
    public Builder keepDelivered(boolean keep) {
      this.keepDelivered = keep;
      return this;
    }

    /**
     * Sets the clock for leases and backoff; default the system's UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the relay; it does nothing until {@link OutboxRelay#relayOnce()} or {@link
     * OutboxRelay#start} is called.
     *
     * @return the relay
     */
    public OutboxRelay build() {
      return new OutboxRelay(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + duration);
      }
      return duration;
    }
  }
}
