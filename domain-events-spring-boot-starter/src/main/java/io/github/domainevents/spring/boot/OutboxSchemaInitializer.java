package io.github.domainevents.spring.boot;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;

/**
 * Runs the outbox module's schema script for the detected database (H2 or PostgreSQL) when {@code
 * domain-events.outbox.initialize-schema} asks for it and the outbox table does not exist yet.
 * Being a {@link DataSourceScriptDatabaseInitializer}, Boot orders the beans that depend on
 * database initialization after it, as for its own {@code spring.sql.init} scripts.
 */
final class OutboxSchemaInitializer extends DataSourceScriptDatabaseInitializer {
  static final String DEFAULT_TABLE = "domain_events_outbox";
  private static final String SCRIPTS = "classpath:io/github/domainevents/outbox/schema-";

  OutboxSchemaInitializer(DataSource dataSource, DomainEventsOutboxProperties properties) {
    super(dataSource, settings(dataSource, properties));
  }

  /** The settings: the script for this database, or mode NEVER when nothing is to be done. */
  static DatabaseInitializationSettings settings(
      DataSource dataSource, DomainEventsOutboxProperties properties) {
    DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
    settings.setMode(DatabaseInitializationMode.NEVER);
    DatabaseInitializationMode mode = properties.getInitializeSchema();
    if (mode == DatabaseInitializationMode.NEVER
        || (mode == DatabaseInitializationMode.EMBEDDED
            && !EmbeddedDatabaseConnection.isEmbedded(dataSource))) {
      return settings;
    }
    if (!DEFAULT_TABLE.equals(properties.getTable())) {
      throw new IllegalStateException(
          "domain-events.outbox.initialize-schema=" + lower(mode) + " creates the table "
              + DEFAULT_TABLE + ", but domain-events.outbox.table is '" + properties.getTable()
              + "': create that table yourself (after the module's scripts"
              + " io/github/domainevents/outbox/schema-*.sql) and set"
              + " domain-events.outbox.initialize-schema=never");
    }
    try (Connection connection = dataSource.getConnection()) {
      String script = script(connection.getMetaData());
      if (!tableExists(connection)) {
        settings.setSchemaLocations(List.of(SCRIPTS + script + ".sql"));
        settings.setMode(DatabaseInitializationMode.ALWAYS);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot check whether the outbox table " + DEFAULT_TABLE + " exists: " + e, e);
    }
    return settings;
  }

  private static String script(DatabaseMetaData metaData) throws SQLException {
    String product = metaData.getDatabaseProductName();
    String name = product.toLowerCase(Locale.ROOT);
    if (name.contains("h2")) {
      return "h2";
    }
    if (name.contains("postgres")) {
      return "postgresql";
    }
    throw new IllegalStateException(
        "domain-events.outbox.initialize-schema has scripts for H2 and PostgreSQL only, but the"
            + " DataSource is " + product + ": create the outbox table yourself (after the"
            + " module's scripts io/github/domainevents/outbox/schema-*.sql) and set"
            + " domain-events.outbox.initialize-schema=never");
  }

  private static boolean tableExists(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true); // a failed probe must not abort a PostgreSQL transaction
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT 1 FROM " + DEFAULT_TABLE + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException missing) {
      return false;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static String lower(DatabaseInitializationMode mode) {
    return mode.name().toLowerCase(Locale.ROOT);
  }
}
