package io.github.domainevents.outbox.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.domainevents.EventDispatchException;
import io.github.domainevents.HandlerFailure;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.NoUnitOfWorkPolicy;
import io.github.domainevents.Registration;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWorkSynchronization;
import io.github.domainevents.outbox.JdbcTransactions;
import io.github.domainevents.outbox.outside.Events.InviteCreated;
import io.github.domainevents.outbox.outside.Events.WelcomeSent;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link JdbcTransactions}: one JDBC transaction and one unit of work that commit or roll back
 * together, in the order before-commit handlers, JDBC commit, after-commit handlers; nothing of
 * one transaction reaches the next on the thread, whatever failed.
 */
@Timeout(60)
class JdbcTransactionsTest {
  @RegisterExtension final LogCapture log = new LogCapture();

  private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
  private DataSource dataSource;
  private JdbcTransactions transactions;
  private InProcessEventDispatcher dispatcher;

  private void start(Database database, NoUnitOfWorkPolicy policy) throws SQLException {
    start(database, builder -> builder.noUnitOfWorkPolicy(policy));
  }

  private void start(Database database, UnaryOperator<InProcessEventDispatcher.Builder> options)
      throws SQLException {
    dataSource = database.fresh();
    Invites.create(dataSource);
    transactions = JdbcTransactions.of(dataSource);
    dispatcher = options.apply(InProcessEventDispatcher.builder().unitOfWorkSupport(transactions))
        .build();
    dispatcher.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT,
        e -> seen.add("before-commit " + e.inviteId() + " active=" + transactions.isActive()));
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT,
        e -> seen.add("after-commit " + e.inviteId() + " sees " + Invites.count(dataSource)
            + " active=" + transactions.isActive()));
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_ROLLBACK,
        e -> seen.add("after-rollback " + e.inviteId()));
  }

  private void start(Database database) throws SQLException {
    start(database, NoUnitOfWorkPolicy.FAIL);
  }

  /** The state change and its event, as an application service does it. */
  private void invite(Connection connection, String id) throws SQLException {
    Invites.insert(connection, id);
    dispatcher.dispatch(new InviteCreated(id, id + "@example.com"));
  }

  @AfterEach
  void nothingIsLeftOnTheThread() {
    if (transactions != null) {
      assertThat(transactions.isActive()).isFalse();
    }
    assertThat(log.messages(Level.SEVERE)).isEmpty();
  }

  /** After a failure: the next transaction on the thread is clean and sees only its own event. */
  private void nextTransactionIsClean() throws SQLException {
    seen.clear();
    transactions.run(connection -> invite(connection, "next"));
    assertThat(seen).containsExactly(
        "before-commit next active=true", "after-commit next sees " + Invites.count(dataSource)
            + " active=false");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void run_commits_beforeCommitHandlersFirst_afterCommitHandlersSeeTheCommittedData(
      Database database) throws Exception {
    start(database);

    transactions.run(connection -> invite(connection, "inv-1"));

    assertThat(Invites.count(dataSource)).isEqualTo(1);
    // the after-commit handler reads through a connection of its own: the data is committed
    assertThat(seen).containsExactly(
        "before-commit inv-1 active=true", "after-commit inv-1 sees 1 active=false");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void call_returnsTheWorksResult(Database database) throws Exception {
    start(database);

    String id = transactions.call(connection -> {
      invite(connection, "inv-1");
      return "inv-1";
    });

    assertThat(id).isEqualTo("inv-1");
    assertThat(Invites.count(dataSource)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void workThatThrows_rollsBack_runsAfterRollbackHandlers_andRethrowsTheSameException(
      Database database) throws Exception {
    start(database);
    IOException failure = new IOException("the mail server said no");

    assertThatThrownBy(() -> transactions.run(connection -> {
      invite(connection, "inv-1");
      throw failure;
    })).isSameAs(failure).hasNoSuppressedExceptions();

    assertThat(Invites.count(dataSource)).isZero();
    assertThat(seen).containsExactly("after-rollback inv-1");
    nextTransactionIsClean();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void beforeCommitHandlerFailure_rollsBack_andPropagatesFromRun(Database database)
      throws Exception {
    start(database);
    IllegalStateException refused = new IllegalStateException("quota exceeded");
    Registration refusing =
        dispatcher.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT, e -> {
          throw refused;
        });

    assertThatThrownBy(() -> transactions.run(connection -> invite(connection, "inv-1")))
        .isSameAs(refused);

    assertThat(Invites.count(dataSource)).isZero();
    assertThat(seen).containsExactly("before-commit inv-1 active=true", "after-rollback inv-1");
    refusing.close();
    nextTransactionIsClean();
  }

  /** Since core propagates before-commit failures under every error policy. */
  @ParameterizedTest
  @EnumSource(Database.class)
  void beforeCommitHandlerFailure_underReportAndContinue_alsoRollsBack(Database database)
      throws Exception {
    List<HandlerFailure> reported = Collections.synchronizedList(new ArrayList<>());
    start(database, builder -> builder.reportAndContinue(reported::add));
    IllegalStateException refused = new IllegalStateException("quota exceeded");
    Registration refusing =
        dispatcher.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT, e -> {
          throw refused;
        });

    Throwable thrown = catchThrowable(
        () -> transactions.run(connection -> invite(connection, "inv-1")));

    assertThat(thrown).isNotNull();
    assertThat(causesAndSuppressed(thrown)).contains(refused);
    assertThat(Invites.count(dataSource)).isZero();
    assertThat(seen).containsExactly("before-commit inv-1 active=true", "after-rollback inv-1");
    refusing.close();
    nextTransactionIsClean();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void afterCommitHandlerFailure_leavesTheCommit_runsTheOthers_andIsThrownFromRun(
      Database database) throws Exception {
    start(database);
    IllegalStateException mailDown = new IllegalStateException("the mail server is down");
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, e -> {
      throw mailDown;
    });
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT,
        e -> seen.add("the next after-commit handler"));

    Throwable thrown = catchThrowable(
        () -> transactions.run(connection -> invite(connection, "inv-1")));

    assertThat(thrown).isInstanceOf(EventDispatchException.class);
    assertThat(causesAndSuppressed(thrown)).contains(mailDown);
    assertThat(Invites.count(dataSource)).isEqualTo(1);
    assertThat(seen).containsExactly("before-commit inv-1 active=true",
        "after-commit inv-1 sees 1 active=false", "the next after-commit handler");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void failedConnectionCommit_rollsTheUnitBack_andThrowsTheSqlException(Database database)
      throws Exception {
    start(database);

    Throwable thrown = catchThrowable(() -> transactions.run(connection -> {
      invite(connection, "inv-1");
      connection.close(); // the connection is lost: its commit fails
    }));

    assertThat(thrown).isInstanceOf(SQLException.class);
    assertThat(Invites.count(dataSource)).isZero();
    assertThat(seen).containsExactly("before-commit inv-1 active=true", "after-rollback inv-1");
    nextTransactionIsClean();
  }

  /** A constraint checked at commit only: the database itself refuses the commit. */
  @Test
  void deferredConstraintViolatedAtCommit_onPostgreSql_rollsTheUnitBack() throws Exception {
    start(Database.POSTGRESQL);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE seats (id INT, CONSTRAINT one_per_seat UNIQUE (id)"
          + " DEFERRABLE INITIALLY DEFERRED)");
    }

    Throwable thrown = catchThrowable(() -> transactions.run(connection -> {
      invite(connection, "inv-1");
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("INSERT INTO seats (id) VALUES (7)");
        statement.executeUpdate("INSERT INTO seats (id) VALUES (7)"); // fine until the commit
      }
    }));

    assertThat(thrown).isInstanceOf(SQLException.class).hasMessageContaining("one_per_seat");
    assertThat(((SQLException) thrown).getSQLState()).isEqualTo("23505");
    assertThat(Invites.count(dataSource)).isZero();
    assertThat(Transactions.count(dataSource, "SELECT COUNT(*) FROM seats")).isZero();
    assertThat(seen).containsExactly("before-commit inv-1 active=true", "after-rollback inv-1");
    nextTransactionIsClean();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void afterCommitHandler_canWriteInATransactionOfItsOwn(Database database) throws Exception {
    start(database);
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, e -> {
      assertThatThrownBy(transactions::current)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no JDBC transaction is active on this thread");
      transactions.run(connection -> Invites.insert(connection, e.inviteId() + "-mail-sent"));
    });

    transactions.run(connection -> invite(connection, "inv-1"));

    assertThat(Invites.count(dataSource)).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void eventsDispatchedAfterTheCommit_followTheNoUnitPolicy(Database database) throws Exception {
    start(database, NoUnitOfWorkPolicy.RUN_NOW_WITH_WARNING);
    dispatcher.register(WelcomeSent.class, TransactionPhase.AFTER_COMMIT,
        e -> seen.add("welcome " + e.inviteId()));
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT,
        e -> dispatcher.dispatch(new WelcomeSent(e.inviteId())));

    transactions.run(connection -> invite(connection, "inv-1"));

    assertThat(seen).containsExactly("before-commit inv-1 active=true",
        "after-commit inv-1 sees 1 active=false", "welcome inv-1");
    assertThat(log.messages(Level.WARNING)).singleElement().asString()
        .startsWith("running phase-bound handlers now: welcome.sent")
        .contains("no unit of work is active on this thread");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void eventsDispatchedAfterTheCommit_underFail_failLoudly_andTheCommitStands(Database database)
      throws Exception {
    start(database);
    dispatcher.register(WelcomeSent.class, TransactionPhase.AFTER_COMMIT,
        e -> seen.add("welcome " + e.inviteId()));
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT,
        e -> dispatcher.dispatch(new WelcomeSent(e.inviteId())));

    assertThatThrownBy(() -> transactions.run(connection -> invite(connection, "inv-1")))
        .isInstanceOf(EventDispatchException.class)
        .satisfies(thrown -> assertThat(thrown.getSuppressed()).anySatisfy(
            failure -> assertThat(failure).hasStackTraceContaining(
                "welcome.sent").hasStackTraceContaining("no unit of work is active")));

    assertThat(Invites.count(dataSource)).isEqualTo(1);
    assertThat(seen).doesNotContain("welcome inv-1");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void joinedWork_sharesTheConnection_andItsEventsWaitForTheOutermostCommit(Database database)
      throws Exception {
    start(database);

    transactions.run(outer -> {
      transactions.run(inner -> {
        assertThat(inner).isSameAs(outer);
        invite(inner, "inv-1");
      });
      assertThat(seen).isEmpty();
      invite(outer, "inv-2");
    });

    assertThat(Invites.count(dataSource)).isEqualTo(2);
    assertThat(seen).containsExactly(
        "before-commit inv-1 active=true", "before-commit inv-2 active=true",
        "after-commit inv-1 sees 2 active=false", "after-commit inv-2 sees 2 active=false");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void joinedWorkThatFailed_makesTheOutermostRollBackAndThrow_evenIfTheFailureWasCaught(
      Database database) throws Exception {
    start(database);
    IllegalArgumentException invalid = new IllegalArgumentException("invalid e-mail");

    assertThatThrownBy(() -> transactions.run(outer -> {
      invite(outer, "inv-1");
      try {
        transactions.run(inner -> {
          throw invalid;
        });
      } catch (IllegalArgumentException caught) {
        // the outer work goes on, as if nothing happened
      }
    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the JDBC transaction was rolled back, not committed: work that joined it"
            + " threw " + invalid);

    assertThat(Invites.count(dataSource)).isZero();
    assertThat(seen).containsExactly("after-rollback inv-1");
    nextTransactionIsClean();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void independentWork_commitsOnItsOwn_beforeTheOuterEnds_andOutlivesItsRollback(
      Database database) throws Exception {
    start(database);
    IllegalStateException outerFails = new IllegalStateException("outer fails");

    assertThatThrownBy(() -> transactions.run(outer -> {
      invite(outer, "inv-1");
      transactions.runIndependent(inner -> {
        assertThat(inner).isNotSameAs(outer);
        invite(inner, "inv-2");
      });
      assertThat(transactions.current()).isSameAs(outer);
      assertThat(seen).containsExactly(
          "before-commit inv-2 active=true", "after-commit inv-2 sees 1 active=true");
      throw outerFails;
    })).isSameAs(outerFails);

    assertThat(Transactions.count(dataSource, "SELECT COUNT(*) FROM invites WHERE id = 'inv-2'"))
        .isEqualTo(1);
    assertThat(Invites.count(dataSource)).isEqualTo(1);
    assertThat(seen).endsWith("after-rollback inv-1");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void callIndependent_returnsTheResultOfItsOwnCommittedTransaction(Database database)
      throws Exception {
    start(database);

    long count = transactions.call(outer -> transactions.callIndependent(inner -> {
      invite(inner, "inv-1");
      return 1L;
    }) + Invites.count(dataSource));

    assertThat(count).isEqualTo(2);
  }

  @Test
  void theConnectionIsGivenBack_withAutoCommitRestored() throws Exception {
    start(Database.H2);
    try (Connection physical = dataSource.getConnection()) {
      SingleConnectionDataSource single = new SingleConnectionDataSource(physical);
      JdbcTransactions onOneConnection = JdbcTransactions.of(single);

      onOneConnection.run(connection -> assertThat(connection.getAutoCommit()).isFalse());
      assertThatThrownBy(() -> onOneConnection.run(connection -> {
        throw new IOException("rolled back");
      })).hasMessage("rolled back");

      assertThat(physical.getAutoCommit()).isTrue();
      assertThat(single.closes()).isEqualTo(2);

      physical.setAutoCommit(false); // a pool that hands out manual-commit connections
      onOneConnection.run(connection -> Invites.insert(connection, "inv-1"));
      assertThat(physical.getAutoCommit()).isFalse();
      assertThat(Invites.count(dataSource)).isEqualTo(1);
    }
  }

  @Test
  void aConnectionThatCannotBeGivenBack_isLoggedAfterACommit_andAttachedAfterARollback()
      throws Exception {
    start(Database.H2);
    try (Connection physical = dataSource.getConnection()) {
      SingleConnectionDataSource single = new SingleConnectionDataSource(physical);
      single.refuseClose();
      JdbcTransactions refusing = JdbcTransactions.of(single);

      refusing.run(connection -> Invites.insert(connection, "inv-1"));
      IOException failure = new IOException("rolled back");
      assertThatThrownBy(() -> refusing.run(connection -> {
        Invites.insert(connection, "inv-2");
        throw failure;
      })).isSameAs(failure);

      assertThat(Invites.count(dataSource)).isEqualTo(1); // the commit stands
      assertThat(log.messages(Level.WARNING)).containsExactly(
          "the connection of a committed JDBC transaction could not be reset and closed");
      assertThat(failure.getSuppressed()).singleElement().asString().contains("close refused");
      assertThat(refusing.isActive()).isFalse();
    }
  }

  @Test
  void aDataSourceThatFails_propagatesItsException_andLeavesNothingBound() {
    JdbcTransactions unreachable =
        JdbcTransactions.of(new UrlDataSource("jdbc:h2:mem:x;IFEXISTS=TRUE;NO_SUCH_SETTING=1"));

    assertThatThrownBy(() -> unreachable.run(connection -> {}))
        .isInstanceOf(SQLException.class);
    assertThat(unreachable.isActive()).isFalse();
  }

  @Test
  void outsideATransaction_thereIsNoConnectionAndNoUnit() throws Exception {
    start(Database.H2);

    assertThat(transactions.isActive()).isFalse();
    assertThatThrownBy(transactions::current)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no JDBC transaction is active on this thread: run the work inside"
            + " JdbcTransactions.run(..) or call(..)");
    assertThatThrownBy(() -> transactions.registerSynchronization(new Nothing()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no JDBC transaction is active on this thread");
    assertThatThrownBy(() -> JdbcTransactions.of(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> transactions.run(null)).isInstanceOf(NullPointerException.class);
    assertThat(transactions.toString()).startsWith("JdbcTransactions[");
  }

  @Test
  void synchronizationsRegisteredDuringBeforeCommit_areCalledInTheSameRound() throws Exception {
    start(Database.H2);
    List<String> calls = new ArrayList<>();

    transactions.run(connection -> transactions.registerSynchronization(new Nothing() {
      @Override
      public void beforeCommit() {
        calls.add("first");
        transactions.registerSynchronization(new Nothing() {
          @Override
          public void beforeCommit() {
            calls.add("second, registered by the first");
          }

          @Override
          public void afterCompletion(boolean committed) {
            calls.add("second completed " + committed);
          }
        });
      }
    }));

    assertThat(calls).containsExactly(
        "first", "second, registered by the first", "second completed true");
  }

  /**
   * Transactions on 4 threads at once (25 each, bounded) stay apart: each after-commit handler
   * runs on the thread whose transaction dispatched its event, once.
   */
  @Test
  void transactionsOnManyThreads_stayApart() throws Exception {
    start(Database.H2);
    List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT,
        e -> delivered.add(Thread.currentThread().getName() + " " + e.inviteId()));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(threads.submit(() -> {
          String name = Thread.currentThread().getName();
          for (int i = 0; i < 25; i++) {
            String id = name + "-" + i;
            transactions.run(connection -> invite(connection, id));
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get(50, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(delivered).hasSize(100).allSatisfy(line -> {
      String[] parts = line.split(" ");
      assertThat(parts[1]).startsWith(parts[0] + "-");
    });
    assertThat(delivered).doesNotHaveDuplicates();
    assertThat(Invites.count(dataSource)).isEqualTo(100);
  }

  /** Callbacks that do nothing, to override one at a time. */
  private static class Nothing implements UnitOfWorkSynchronization {
    @Override
    public void beforeCommit() {}

    @Override
    public void afterCommit() {}

    @Override
    public void afterCompletion(boolean committed) {}
  }

  static List<Throwable> causesAndSuppressed(Throwable thrown) {
    List<Throwable> all = new ArrayList<>();
    List<Throwable> pending = new ArrayList<>(List.of(thrown));
    while (!pending.isEmpty() && all.size() < 100) {
      Throwable next = pending.remove(0);
      all.add(next);
      if (next.getCause() != null) {
        pending.add(next.getCause());
      }
      pending.addAll(List.of(next.getSuppressed()));
    }
    return all;
  }
}
