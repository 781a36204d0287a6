package io.github.domainevents.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@link IdempotencyStore} in a database table ({@code domain_events_processed} in the schema
 * scripts), written through the connection of the current transaction: the record commits or
 * rolls back with the handler's own writes, so a handler whose transaction rolled back runs again
 * on redelivery, and one whose transaction committed never does while the record is kept.
 *
 * <p>{@link #record} needs a transaction (a connection not in auto-commit mode) and refuses
 * otherwise. On PostgreSQL a second delivery running at the same time waits for the first one's
 * transaction and is then skipped (or runs, if that transaction rolled back). Records stay until
 * {@link #purgeRecordedBefore} removes them.
 *
 * <p>Safe for concurrent use.
 *
 * @since 0.1.0
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {
  private final TransactionalConnection connections;
  private final String table;
  private final Clock clock;

  private JdbcIdempotencyStore(TransactionalConnection connections, String table, Clock clock) {
    this.connections = connections;
    this.table = table;
    this.clock = clock;
  }

  /**
   * Returns a store over the default table {@code domain_events_processed} on the system clock.
   *
   * @param connections gives the connection of the current transaction
   * @return the store
   * @throws NullPointerException if {@code connections} is null
   */
  public static JdbcIdempotencyStore create(TransactionalConnection connections) {
    return create(connections, Tables.PROCESSED, Clock.systemUTC());
  }

  /**
   * Returns a store over {@code table}.
   *
   * @param connections gives the connection of the current transaction
   * @param table a plain SQL identifier, optionally schema-qualified
   * @param clock stamps the records ({@code processed_at})
   * @return the store
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code table} is not a plain identifier
   */
  public static JdbcIdempotencyStore create(
      TransactionalConnection connections, String table, Clock clock) {
    return new JdbcIdempotencyStore(
        Objects.requireNonNull(connections, "connections"), Tables.checkName(table, "table"),
        Objects.requireNonNull(clock, "clock"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the connection is in auto-commit mode
   */
  @Override
  public boolean record(String handlerId, UUID eventId) throws SQLException {
    Objects.requireNonNull(handlerId, "handlerId");
    Objects.requireNonNull(eventId, "eventId");
    Connection connection = connections.current();
    Tables.requireTransaction(connection, "the idempotent handler '" + handlerId + "'");
    String sql = Tables.isPostgreSql(connection)
        ? "INSERT INTO " + table + " (handler_id, event_id, processed_at) VALUES (?, ?, ?)"
            + " ON CONFLICT DO NOTHING"
        : "INSERT INTO " + table + " (handler_id, event_id, processed_at) SELECT ?, ?, ?"
            + " FROM (VALUES (1)) one WHERE NOT EXISTS (SELECT 1 FROM " + table
            + " WHERE handler_id = ? AND event_id = ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, handlerId);
      statement.setObject(2, eventId);
      statement.setObject(3, Tables.utc(clock.instant()));
      if (!Tables.isPostgreSql(connection)) {
        statement.setString(4, handlerId);
        statement.setObject(5, eventId);
      }
      return statement.executeUpdate() == 1;
    } catch (SQLException failure) {
      if ("23505".equals(failure.getSQLState())) { // a concurrent insert won the race
        return false;
      }
      throw failure;
    }
  }

  @Override
  public void forget(String handlerId, UUID eventId) throws SQLException {
    try (PreparedStatement statement = connections.current().prepareStatement(
        "DELETE FROM " + table + " WHERE handler_id = ? AND event_id = ?")) {
      statement.setString(1, handlerId);
      statement.setObject(2, eventId);
      statement.executeUpdate();
    }
  }

  @Override
  public int purgeRecordedBefore(Instant cutoff) throws SQLException {
    Objects.requireNonNull(cutoff, "cutoff");
    try (PreparedStatement statement = connections.current().prepareStatement(
        "DELETE FROM " + table + " WHERE processed_at < ?")) {
      statement.setObject(1, Tables.utc(cutoff));
      return statement.executeUpdate();
    }
  }

  @Override
  public String toString() {
    return "JdbcIdempotencyStore[" + table + "]";
  }
}
