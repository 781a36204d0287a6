package io.github.domainevents.outbox.outside;

import io.github.domainevents.outbox.TransactionalConnection;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Plain JDBC transactions bound to the thread, as an application without a framework has. */
final class Transactions implements TransactionalConnection {
  private final DataSource dataSource;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection current() {
    Connection connection = current.get();
    if (connection == null) {
      throw new IllegalStateException("no transaction on this thread");
    }
    return connection;
  }

  /** Runs {@code work} in a transaction: commits if it returns, rolls back if it throws. */
  void run(Work work) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      current.set(connection);
      try {
        work.run(connection);
        connection.commit();
      } catch (Exception | Error failure) {
        connection.rollback();
        throw failure;
      } finally {
        current.remove();
      }
    }
  }

  interface Work {
    void run(Connection connection) throws Exception;
  }

  static long count(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        var statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
