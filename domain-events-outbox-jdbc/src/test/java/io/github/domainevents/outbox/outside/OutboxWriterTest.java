package io.github.domainevents.outbox.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outbox.Outbox;
import io.github.domainevents.outbox.outside.Events.InviteCreated;
import io.github.domainevents.outbox.outside.Events.WelcomeSent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Outbox rows are written in the application's transaction, with the Debezium columns. */
class OutboxWriterTest {

  @ParameterizedTest
  @EnumSource(Database.class)
  void committedDispatch_writesOneRowWithDebeziumColumnsHeaderAndSeedJson(Database database)
      throws Exception {
    DataSource dataSource = database.fresh();
    Transactions transactions = new Transactions(dataSource);
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    Events.outbox(transactions).registerOn(dispatcher);
    UUID correlation = UUID.randomUUID();
    UUID cause = UUID.randomUUID();
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    InviteCreated event = new InviteCreated(
        EventHeader.builder().occurredAt(Instant.parse("2026-01-15T10:30:00.123456Z"))
            .correlationId(correlation).causationId(cause)
            .metadata("traceparent", traceparent).metadata("tenant", "acme").build(),
        "inv-42", "ada@example.com");

    transactions.run(connection -> dispatcher.dispatch(event));

    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT * FROM domain_events_outbox")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getObject("id", UUID.class)).isEqualTo(event.eventId());
      assertThat(row.getString("aggregatetype")).isEqualTo("invite");
      assertThat(row.getString("aggregateid")).isEqualTo("inv-42");
      assertThat(row.getString("type")).isEqualTo("invite.created");
      assertThat(row.getString("payload")).isEqualTo(Events.JSON.toJson(event));
      assertThat(Events.JSON.fromJson(row.getString("payload"))).isEqualTo(event);
      assertThat(row.getObject("occurred_at", OffsetDateTime.class).toInstant())
          .isEqualTo(event.occurredAt());
      assertThat(row.getObject("correlation_id", UUID.class)).isEqualTo(correlation);
      assertThat(row.getObject("causation_id", UUID.class)).isEqualTo(cause);
      assertThat(row.getString("metadata"))
          .isEqualTo("{\"traceparent\":\"" + traceparent + "\",\"tenant\":\"acme\"}");
      assertThat(row.getString("traceparent")).isEqualTo(traceparent);
      assertThat(row.getString("status")).isEqualTo("PENDING");
      assertThat(row.getInt("attempts")).isZero();
      for (String column : new String[] {"type", "payload", "metadata", "aggregatetype"}) {
        assertThat(row.getString(column)).doesNotContain("io.github", "InviteCreated", "Events");
      }
      assertThat(row.next()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void rolledBackTransaction_leavesNoRow(Database database) throws Exception {
    DataSource dataSource = database.fresh();
    Transactions transactions = new Transactions(dataSource);
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    Events.outbox(transactions).registerOn(dispatcher);

    assertThatThrownBy(() -> transactions.run(connection -> {
      dispatcher.dispatch(new InviteCreated("inv-1", "a@example.com"));
      throw new IllegalStateException("the state change failed");
    })).hasMessage("the state change failed");

    assertThat(Transactions.count(dataSource, "SELECT COUNT(*) FROM domain_events_outbox"))
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void eventsNotExported_areNotWritten_andRootEventsHaveNoCorrelation(Database database)
      throws Exception {
    DataSource dataSource = database.fresh();
    Transactions transactions = new Transactions(dataSource);
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    Events.outbox(transactions).registerOn(dispatcher);
    dispatcher.register(WelcomeSent.class, event -> {});

    InviteCreated root = new InviteCreated("inv-1", "a@example.com");
    transactions.run(connection -> {
      dispatcher.dispatch(new WelcomeSent("inv-1"));
      dispatcher.dispatch(root);
    });

    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT type, correlation_id, causation_id, metadata FROM domain_events_outbox")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isEqualTo("invite.created");
      assertThat(row.getObject(2)).isNull();
      assertThat(row.getObject(3)).isNull();
      assertThat(row.getString(4)).isEqualTo("{}");
      assertThat(row.next()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void autoCommitConnection_isRefused_andNothingIsWritten(Database database) throws Exception {
    DataSource dataSource = database.fresh();
    try (Connection connection = dataSource.getConnection()) {
      Outbox outbox = Events.outbox(() -> connection);

      assertThatThrownBy(() -> outbox.write(new InviteCreated("inv-1", "a@example.com")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("invite.created")
          .hasMessageContaining("auto-commit");
    }
    assertThat(Transactions.count(dataSource, "SELECT COUNT(*) FROM domain_events_outbox"))
        .isZero();
  }

  @Test
  void writingAnEventThatIsNotExported_namesItsClassAndTheExportedTypes() throws Exception {
    DataSource dataSource = Database.H2.fresh();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      Outbox outbox = Events.outbox(() -> connection);

      assertThatThrownBy(() -> outbox.write(connection, new WelcomeSent("inv-1")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Events$WelcomeSent are not exported")
          .hasMessageContaining("invite.created");
    }
  }

  @Test
  void blankAggregateId_isRejectedNamingTheEvent() throws Exception {
    DataSource dataSource = Database.H2.fresh();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      Outbox outbox = Events.outbox(() -> connection);
      InviteCreated event = new InviteCreated(" ", "a@example.com");

      assertThatThrownBy(() -> outbox.write(event))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the aggregate id of the invite.created event " + event.eventId()
              + " is blank");
    }
  }

  /** No @EventType: would be stored under a Java class name. */
  record Anonymous(EventHeader header) implements DomainEvent {}

  @Test
  void exportingAClassWithoutEventType_isRejected() {
    assertThatThrownBy(() -> Outbox.builder(() -> null, DomainEvent::toString)
            .export(Anonymous.class, "thing", e -> "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Anonymous has no @EventType");
  }

  @Test
  void tableNamesThatAreNotPlainIdentifiers_areRejected() {
    assertThatThrownBy(() -> Outbox.builder(() -> null, DomainEvent::toString)
            .table("outbox; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table must be a plain SQL identifier");
  }
}
