package io.github.domainevents.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Table-name checks, database detection and time conversions shared by the JDBC classes. */
final class Tables {
  /** The default outbox table, as in the schema scripts. */
  static final String OUTBOX = "domain_events_outbox";

  /** The default idempotency table, as in the schema scripts. */
  static final String PROCESSED = "domain_events_processed";

  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

  private Tables() {}

  /** Returns {@code name} if it is a plain, optionally schema-qualified SQL identifier. */
  static String checkName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " must be a plain SQL identifier ([A-Za-z_][A-Za-z0-9_]*, optionally"
              + " schema-qualified), was '" + name + "'");
    }
    return name;
  }

  /** Tells whether {@code connection} talks to PostgreSQL. */
  static boolean isPostgreSql(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
        .contains("postgres");
  }

  /** Fails if {@code connection} would commit each statement on its own. */
  static void requireTransaction(Connection connection, String what) throws SQLException {
    if (connection.getAutoCommit()) {
      throw new IllegalStateException(
          what + " needs a transaction, but the connection is in auto-commit mode: the row"
              + " would commit on its own, whatever happens to the application's writes");
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static @Nullable Instant instant(@Nullable OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  /** Cuts {@code text} to {@code max} characters, for error columns. */
  static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
