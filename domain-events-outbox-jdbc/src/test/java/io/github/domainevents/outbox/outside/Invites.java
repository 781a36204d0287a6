package io.github.domainevents.outbox.outside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The application's own table in the transaction tests: the state change beside the event. */
final class Invites {
  private Invites() {}

  static void create(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE invites (id VARCHAR(64) PRIMARY KEY)");
    }
  }

  static void insert(Connection connection, String id) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("INSERT INTO invites (id) VALUES (?)")) {
      statement.setString(1, id);
      statement.executeUpdate();
    }
  }

  static long count(DataSource dataSource) throws SQLException {
    return Transactions.count(dataSource, "SELECT COUNT(*) FROM invites");
  }
}
