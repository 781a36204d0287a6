package io.github.domainevents.outbox.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.outbox.IdempotentHandler;
import io.github.domainevents.outbox.InMemoryIdempotencyStore;
import io.github.domainevents.outbox.JdbcIdempotencyStore;
import io.github.domainevents.outbox.outside.Events.InviteCreated;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Idempotent handlers run at most once per (handler id, event id) while the record is kept. */
class IdempotentHandlerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @ParameterizedTest
  @EnumSource(Database.class)
  void redeliveredEvent_runsTheHandlerOnce_andItsWritesCommitWithTheRecord(Database database)
      throws Exception {
    DataSource dataSource = database.fresh();
    createMails(dataSource);
    Transactions transactions = new Transactions(dataSource);
    JdbcIdempotencyStore store =
        JdbcIdempotencyStore.create(transactions, "domain_events_processed", clock);
    DomainEventHandler<InviteCreated> sendMail =
        IdempotentHandler.of("welcome-mail", store, event -> insertMail(transactions, event));
    InviteCreated event = new InviteCreated("inv-1", "a@example.com");

    transactions.run(connection -> sendMail.handle(event));
    transactions.run(connection -> sendMail.handle(event)); // redelivered

    assertThat(Transactions.count(dataSource, "SELECT COUNT(*) FROM mails")).isEqualTo(1);
    assertThat(Transactions.count(dataSource, "SELECT COUNT(*) FROM domain_events_processed"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void rolledBackTransaction_forgetsTheRecord_soTheRedeliveryRunsTheHandler(Database database)
      throws Exception {
    DataSource dataSource = database.fresh();
    createMails(dataSource);
    Transactions transactions = new Transactions(dataSource);
    JdbcIdempotencyStore store = JdbcIdempotencyStore.create(transactions);
    DomainEventHandler<InviteCreated> sendMail =
        IdempotentHandler.of("welcome-mail", store, event -> insertMail(transactions, event));
    InviteCreated event = new InviteCreated("inv-1", "a@example.com");

    assertThatThrownBy(() -> transactions.run(connection -> {
      sendMail.handle(event);
      throw new IllegalStateException("a later step failed");
    })).hasMessage("a later step failed");
    transactions.run(connection -> sendMail.handle(event));

    assertThat(Transactions.count(dataSource, "SELECT COUNT(*) FROM mails")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void failingHandler_isRunAgainOnRedelivery_andItsExceptionPropagatesUnchanged(
      Database database) throws Exception {
    DataSource dataSource = database.fresh();
    Transactions transactions = new Transactions(dataSource);
    JdbcIdempotencyStore store = JdbcIdempotencyStore.create(transactions);
    AtomicInteger runs = new AtomicInteger();
    IllegalStateException boom = new IllegalStateException("smtp down");
    DomainEventHandler<InviteCreated> flaky = IdempotentHandler.of("welcome-mail", store, e -> {
      if (runs.incrementAndGet() == 1) {
        throw boom;
      }
    });
    InviteCreated event = new InviteCreated("inv-1", "a@example.com");

    // the application catches the failure and commits the rest of its transaction
    transactions.run(connection -> assertThatThrownBy(() -> flaky.handle(event)).isSameAs(boom));
    transactions.run(connection -> flaky.handle(event));
    transactions.run(connection -> flaky.handle(event));

    assertThat(runs).hasValue(2);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void purge_endsTheRetentionWindow(Database database) throws Exception {
    DataSource dataSource = database.fresh();
    Transactions transactions = new Transactions(dataSource);
    JdbcIdempotencyStore store =
        JdbcIdempotencyStore.create(transactions, "domain_events_processed", clock);
    AtomicInteger runs = new AtomicInteger();
    DomainEventHandler<InviteCreated> handler =
        IdempotentHandler.of("counter", store, e -> runs.incrementAndGet());
    InviteCreated event = new InviteCreated("inv-1", "a@example.com");
    transactions.run(connection -> handler.handle(event));
    clock.advance(Duration.ofDays(8));

    transactions.run(connection ->
        assertThat(store.purgeRecordedBefore(clock.instant().minus(Duration.ofDays(7))))
            .isEqualTo(1));
    transactions.run(connection -> handler.handle(event));

    assertThat(runs).hasValue(2);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void differentHandlerIds_eachRunOncePerEvent(Database database) throws Exception {
    DataSource dataSource = database.fresh();
    Transactions transactions = new Transactions(dataSource);
    JdbcIdempotencyStore store = JdbcIdempotencyStore.create(transactions);
    AtomicInteger runs = new AtomicInteger();
    DomainEventHandler<InviteCreated> mail =
        IdempotentHandler.of("mail", store, e -> runs.incrementAndGet());
    DomainEventHandler<InviteCreated> audit =
        IdempotentHandler.of("audit", store, e -> runs.incrementAndGet());
    InviteCreated event = new InviteCreated("inv-1", "a@example.com");

    for (int delivery = 0; delivery < 3; delivery++) {
      transactions.run(connection -> {
        mail.handle(event);
        audit.handle(event);
      });
    }

    assertThat(runs).hasValue(2);
  }

  @Test
  void jdbcStore_refusesAnAutoCommitConnection_namingTheHandler() throws Exception {
    DataSource dataSource = Database.H2.fresh();
    try (Connection connection = dataSource.getConnection()) {
      JdbcIdempotencyStore store = JdbcIdempotencyStore.create(() -> connection);
      DomainEventHandler<InviteCreated> handler = IdempotentHandler.of("mail", store, e -> {});

      assertThatThrownBy(() -> handler.handle(new InviteCreated("inv-1", "a@example.com")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'mail'")
          .hasMessageContaining("auto-commit");
    }
  }

  @Test
  void inMemoryStore_runsOncePerEvent_andForgetsWhenTheUnitOfWorkRollsBack() throws Exception {
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.create(clock, UnitOfWork.support());
    AtomicInteger runs = new AtomicInteger();
    DomainEventHandler<InviteCreated> handler =
        IdempotentHandler.of("counter", store, e -> runs.incrementAndGet());
    InviteCreated event = new InviteCreated("inv-1", "a@example.com");

    try (UnitOfWork unit = UnitOfWork.begin()) {
      handler.handle(event);
      unit.rollback();
    }
    assertThat(store.size()).isZero();
    try (UnitOfWork unit = UnitOfWork.begin()) {
      handler.handle(event);
      unit.commit();
    }
    handler.handle(event);
    handler.handle(event);

    assertThat(runs).hasValue(2);
    assertThat(store.size()).isEqualTo(1);
    clock.advance(Duration.ofHours(1));
    assertThat(store.purgeRecordedBefore(clock.instant())).isEqualTo(1);
    handler.handle(event);
    assertThat(runs).hasValue(3);
  }

  @Test
  void handlerIds_mustBeExplicitAndPrintable() {
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.create();
    assertThatThrownBy(() -> IdempotentHandler.of(" ", store, e -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("handlerId");
    assertThatThrownBy(() -> IdempotentHandler.of("a\nb", store, e -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control");
    assertThat(IdempotentHandler.of("mail", store, e -> {}).toString())
        .startsWith("idempotent handler 'mail'");
  }

  private static void createMails(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE mails (invite_id VARCHAR(50), address VARCHAR(200))");
    }
  }

  private static void insertMail(Transactions transactions, InviteCreated event) throws Exception {
    try (PreparedStatement insert = transactions.current().prepareStatement(
        "INSERT INTO mails (invite_id, address) VALUES (?, ?)")) {
      insert.setString(1, event.inviteId());
      insert.setString(2, event.email());
      insert.executeUpdate();
    }
  }
}
