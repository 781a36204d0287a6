package io.github.domainevents.spring.boot;

import io.github.domainevents.outbox.TransactionalConnection;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The connection of the Spring transaction active on the calling thread, as {@code JdbcTemplate}
 * gets it ({@link DataSourceUtils#getConnection}), so that outbox rows commit or roll back with
 * the application's own writes. Outside a transaction it fails instead of opening a connection of
 * its own: such a connection would be in auto-commit mode (its row committed whatever happens to
 * the application's writes) and would never be released.
 */
final class SpringTransactionalConnection implements TransactionalConnection {
  private final DataSource dataSource;

  SpringTransactionalConnection(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Returns the transaction's connection.
   *
   * @throws IllegalStateException if no Spring transaction is active on this thread, or one is
   *     active without synchronization and without a connection of this data source bound to it
   */
  @Override
  public Connection current() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "writing to the outbox needs an active Spring transaction (@Transactional or a"
              + " TransactionTemplate) on this thread: outside one, the row would commit on its"
              + " own, whatever happens to the application's writes");
    }
    if (TransactionSynchronizationManager.getResource(dataSource) == null
        && !TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException(
          "writing to the outbox needs the transaction's connection, but the active transaction"
              + " has no connection of the outbox's DataSource and no transaction"
              + " synchronization to release one");
    }
    return DataSourceUtils.getConnection(dataSource);
  }

  @Override
  public String toString() {
    return "the connection of the current Spring transaction on " + dataSource;
  }
}
