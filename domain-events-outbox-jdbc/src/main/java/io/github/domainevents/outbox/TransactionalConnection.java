package io.github.domainevents.outbox;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Gives the JDBC connection of the transaction active on the calling thread: the connection the
 * application's own writes go through, so that outbox rows and idempotency records commit or roll
 * back with them.
 *
 * <p>With Spring, {@code () -> DataSourceUtils.getConnection(dataSource)}; with plain JDBC, the
 * connection the application opened and set to {@code autoCommit(false)}, for example {@code () ->
 * connection} or a thread-bound one. The outbox never closes, commits or rolls back the
 * connection it is given.
 *
 * <p>Implementations are called on the threads that write events and must be safe for that.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TransactionalConnection {

  /**
   * Returns the connection of the transaction active on the calling thread.
   *
   * @return the connection; it must not be in auto-commit mode
   * @throws SQLException if it cannot be had
   */
  Connection current() throws SQLException;
}
