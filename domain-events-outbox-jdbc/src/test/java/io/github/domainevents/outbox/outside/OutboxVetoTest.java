package io.github.domainevents.outbox.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.HandlerFailure;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.UnitOfWorkSupport;
import io.github.domainevents.UnitOfWorkSynchronization;
import io.github.domainevents.outbox.JdbcTransactions;
import io.github.domainevents.outbox.Outbox;
import io.github.domainevents.outbox.OutboxWriteFailedException;
import io.github.domainevents.outbox.TransactionalConnection;
import io.github.domainevents.outbox.outside.Events.InviteCreated;
import io.github.domainevents.outbox.outside.Events.WelcomeSent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failed outbox insert inside a unit of work vetoes its commit, whatever the dispatcher's error
 * policy: the state change never commits without its event (issue 15's "nothing is lost").
 */
@Timeout(60)
class OutboxVetoTest {
  @RegisterExtension final LogCapture log = new LogCapture();

  /** How the insert is made to fail, on a real database. */
  enum Failure {
    /** The second insert of one event id violates the primary key. */
    DUPLICATE_EVENT_ID,
    /** The outbox table does not exist (dropped, or never created). */
    MISSING_TABLE
  }

  static Stream<Arguments> everyCase() {
    List<Arguments> cases = new ArrayList<>();
    for (Database database : Database.values()) {
      for (ErrorPolicy policy : new ErrorPolicy[] {
          ErrorPolicy.FAIL_FAST, ErrorPolicy.RUN_ALL_THEN_THROW, ErrorPolicy.REPORT_AND_CONTINUE}) {
        for (Failure failure : Failure.values()) {
          cases.add(Arguments.of(database, policy, failure));
        }
      }
    }
    return cases.stream();
  }

  /** What one scenario observed. */
  private final class Run {
    final DataSource dataSource;
    final InProcessEventDispatcher dispatcher;
    final List<HandlerFailure> reported = Collections.synchronizedList(new ArrayList<>());
    final List<DomainEvent> rolledBack = new ArrayList<>();
    final List<DomainEvent> committed = new ArrayList<>();
    final InviteCreated event = new InviteCreated("inv-1", "ada@example.com");
    RuntimeException dispatchFailure;

    Run(DataSource dataSource, ErrorPolicy policy, UnitOfWorkSupport units) throws SQLException {
      this.dataSource = dataSource;
      Invites.create(dataSource);
      InProcessEventDispatcher.Builder builder =
          InProcessEventDispatcher.builder().unitOfWorkSupport(units);
      dispatcher = (policy == ErrorPolicy.REPORT_AND_CONTINUE
          ? builder.reportAndContinue(reported::add) : builder.errorPolicy(policy)).build();
    }

    /** Records the phase handlers' events; they need a unit of work (NoUnitOfWorkPolicy.FAIL). */
    Run watchingPhases() {
      dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_ROLLBACK, rolledBack::add);
      dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, committed::add);
      return this;
    }

    Outbox outbox(TransactionalConnection connections, Failure failure) {
      return outbox(Outbox.builder(connections, Events.JSON::toJson), failure);
    }

    Outbox outbox(Outbox.Builder builder, Failure failure) {
      builder.export(InviteCreated.class, "invite", InviteCreated::inviteId);
      if (failure == Failure.MISSING_TABLE) {
        builder.table("dropped_outbox");
      }
      return builder.build();
    }

    /**
     * The application's work: its own write, then the event, dispatched twice for a duplicate
     * id; a dispatch failure is caught, as code that logs and goes on would, to show that the
     * veto does not depend on the exception reaching the transaction boundary.
     */
    void work(Connection connection, Failure failure) throws SQLException {
      Invites.insert(connection, event.inviteId());
      if (failure == Failure.DUPLICATE_EVENT_ID) {
        dispatcher.dispatch(event);
      }
      try {
        dispatcher.dispatch(event);
      } catch (RuntimeException thrown) {
        dispatchFailure = thrown;
      }
    }

    void assertVetoed(Throwable thrown, ErrorPolicy policy) throws SQLException {
      assertThat(thrown)
          .isInstanceOf(OutboxWriteFailedException.class)
          .hasMessageContaining("the outbox could not write the invite.created event "
              + event.eventId())
          .hasMessageContaining("rolled back")
          .hasCauseInstanceOf(SQLException.class);
      OutboxWriteFailedException veto = (OutboxWriteFailedException) thrown;
      assertThat(veto.eventType()).isEqualTo("invite.created");
      assertThat(veto.eventId()).isEqualTo(event.eventId());
      assertThat(Invites.count(dataSource)).as("the state change").isZero();
      assertThat(Transactions.count(dataSource, "SELECT COUNT(*) FROM domain_events_outbox"))
          .as("outbox rows").isZero();
      assertThat(rolledBack).isNotEmpty().allSatisfy(e -> assertThat(e).isSameAs(event));
      assertThat(committed).isEmpty();
      if (policy == ErrorPolicy.REPORT_AND_CONTINUE) {
        assertThat(dispatchFailure).isNull();
        assertThat(reported).singleElement().satisfies(failure -> {
          assertThat(failure.event()).isSameAs(event);
          assertThat(failure.exception()).isSameAs(veto.getCause());
        });
      } else {
        assertThat(reported).isEmpty();
        assertThat(dispatchFailure).isNotNull();
        assertThat(JdbcTransactionsTest.causesAndSuppressed(dispatchFailure)).contains(veto.getCause());
      }
      assertThat(log.messages(Level.SEVERE)).isEmpty();
      assertThat(log.messages(Level.WARNING)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("everyCase")
  void failedInsertInsideACoreUnitOfWork_vetoesTheCommit(
      Database database, ErrorPolicy policy, Failure failure) throws Exception {
    Run run = new Run(database.fresh(), policy, UnitOfWork.support()).watchingPhases();
    Transactions transactions = new Transactions(run.dataSource);
    run.outbox(transactions, failure).registerOn(run.dispatcher); // default: UnitOfWork.support()

    Throwable thrown = catchThrowable(() -> transactions.run(connection -> {
      try (UnitOfWork unit = UnitOfWork.begin()) {
        run.work(connection, failure);
        unit.commit(); // throws: the plain JDBC commit after it is never reached
      }
    }));

    run.assertVetoed(thrown, policy);
    assertThat(UnitOfWork.isActive()).isFalse();
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("everyCase")
  void failedInsertInsideAJdbcTransaction_vetoesTheCommit(
      Database database, ErrorPolicy policy, Failure failure) throws Exception {
    DataSource dataSource = database.fresh();
    JdbcTransactions transactions = JdbcTransactions.of(dataSource);
    Run run = new Run(dataSource, policy, transactions).watchingPhases();
    // no unitOfWorkSupport(..): the outbox vetoes the JdbcTransactions it writes through
    run.outbox(transactions, failure).registerOn(run.dispatcher);

    Throwable thrown = catchThrowable(
        () -> transactions.run(connection -> run.work(connection, failure)));

    run.assertVetoed(thrown, policy);
    assertThat(transactions.isActive()).isFalse();
  }

  /**
   * An exported event raised by a before-commit handler is written while the unit commits; if
   * that insert fails, the veto registered then still stops the commit.
   */
  @ParameterizedTest
  @EnumSource(Database.class)
  void failedInsertOfAnEventRaisedDuringBeforeCommit_stillVetoes_jdbcTransactions(
      Database database) throws Exception {
    DataSource dataSource = database.fresh();
    JdbcTransactions transactions = JdbcTransactions.of(dataSource);
    Run run = new Run(dataSource, ErrorPolicy.REPORT_AND_CONTINUE, transactions).watchingPhases();
    run.outbox(transactions, Failure.DUPLICATE_EVENT_ID).registerOn(run.dispatcher);
    run.dispatcher.register(WelcomeSent.class, TransactionPhase.BEFORE_COMMIT,
        welcome -> run.dispatcher.dispatch(run.event)); // the second insert of its id fails

    Throwable thrown = catchThrowable(() -> transactions.run(connection -> {
      Invites.insert(connection, run.event.inviteId());
      run.dispatcher.dispatch(run.event);
      run.dispatcher.dispatch(new WelcomeSent(run.event.inviteId()));
    }));

    run.assertVetoed(thrown, ErrorPolicy.REPORT_AND_CONTINUE);
  }

  /** The same with core's unit of work, whose before-commit round also takes late arrivals. */
  @ParameterizedTest
  @EnumSource(Database.class)
  void failedInsertOfAnEventRaisedDuringBeforeCommit_stillVetoes_coreUnitOfWork(
      Database database) throws Exception {
    Run run = new Run(database.fresh(), ErrorPolicy.REPORT_AND_CONTINUE, UnitOfWork.support())
        .watchingPhases();
    Transactions transactions = new Transactions(run.dataSource);
    run.outbox(transactions, Failure.DUPLICATE_EVENT_ID).registerOn(run.dispatcher);
    run.dispatcher.register(WelcomeSent.class, TransactionPhase.BEFORE_COMMIT,
        welcome -> run.dispatcher.dispatch(run.event));

    Throwable thrown = catchThrowable(() -> transactions.run(connection -> {
      try (UnitOfWork unit = UnitOfWork.begin()) {
        Invites.insert(connection, run.event.inviteId());
        run.dispatcher.dispatch(run.event);
        run.dispatcher.dispatch(new WelcomeSent(run.event.inviteId()));
        unit.commit();
      }
    }));

    run.assertVetoed(thrown, ErrorPolicy.REPORT_AND_CONTINUE);
  }

  /**
   * Outside any unit of work the outbox cannot stop a commit: under {@code REPORT_AND_CONTINUE}
   * the failure is only reported, and a plain JDBC commit then commits the state change without
   * its event, as {@link Outbox}'s javadoc says. (H2: PostgreSQL itself refuses to commit a
   * transaction in which a statement failed.)
   */
  @Test
  void failedInsertOutsideAnyUnit_underReportAndContinue_isOnlyReported() throws Exception {
    Run run = new Run(Database.H2.fresh(), ErrorPolicy.REPORT_AND_CONTINUE, UnitOfWork.support());
    Transactions transactions = new Transactions(run.dataSource);
    run.outbox(transactions, Failure.DUPLICATE_EVENT_ID).registerOn(run.dispatcher);

    transactions.run(connection -> run.work(connection, Failure.DUPLICATE_EVENT_ID));

    assertThat(run.reported).singleElement()
        .satisfies(failure -> assertThat(failure.exception()).isInstanceOf(SQLException.class));
    assertThat(Invites.count(run.dataSource)).isEqualTo(1);
    assertThat(Transactions.count(run.dataSource, "SELECT COUNT(*) FROM domain_events_outbox"))
        .as("the first insert's row; the failed second one is what the outside world misses")
        .isEqualTo(1);
  }

  @Test
  void theBuilderTakesTheUnitsOfWorkToVeto_whoseBeforeCommitThrows() throws Exception {
    DataSource dataSource = Database.H2.fresh();
    List<UnitOfWorkSynchronization> registered = new ArrayList<>();
    UnitOfWorkSupport units = new UnitOfWorkSupport() {
      @Override
      public boolean isActive() {
        return true;
      }

      @Override
      public void registerSynchronization(UnitOfWorkSynchronization synchronization) {
        registered.add(synchronization);
      }
    };
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().reportAndContinue(failure -> {}).build();
    InviteCreated event = new InviteCreated("inv-1", "ada@example.com");
    try (Connection connection = dataSource.getConnection()) {
      // auto-commit: the outbox refuses to write, which is a failure to write like any other
      Outbox.builder(() -> connection, Events.JSON::toJson)
          .export(InviteCreated.class, "invite", InviteCreated::inviteId)
          .unitOfWorkSupport(units)
          .build()
          .registerOn(dispatcher);

      dispatcher.dispatch(event);
    }

    assertThat(registered).singleElement().satisfies(veto -> {
      veto.afterCompletion(false);
      assertThatThrownBy(veto::beforeCommit)
          .isInstanceOf(OutboxWriteFailedException.class)
          .hasMessageContaining(event.eventId().toString())
          .hasMessageContaining("so the unit of work was rolled back")
          .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("auto-commit");
      assertThat(veto.toString()).contains("invite.created", event.eventId().toString());
    });
  }

  /**
   * Spring calls {@code beforeCommit} only on the synchronizations registered before the commit
   * began. An exported event raised by a before-commit handler whose insert fails registers its
   * veto too late to stop the commit; the veto's {@code afterCommit} then throws, so the missing
   * event reaches the committer instead of vanishing.
   */
  @Test
  void aSupportThatSkipsLateBeforeCommits_likeSprings_reportsTheMissingEventAfterTheCommit()
      throws Exception {
    SnapshotUnits units = new SnapshotUnits();
    Run run = new Run(Database.H2.fresh(), ErrorPolicy.REPORT_AND_CONTINUE, units);
    Transactions transactions = new Transactions(run.dataSource);
    run.outbox(Outbox.builder(transactions, Events.JSON::toJson).unitOfWorkSupport(units),
        Failure.DUPLICATE_EVENT_ID).registerOn(run.dispatcher);
    run.dispatcher.register(WelcomeSent.class, TransactionPhase.BEFORE_COMMIT,
        welcome -> run.dispatcher.dispatch(run.event)); // the second insert of its id fails

    Throwable thrown = catchThrowable(() -> transactions.run(connection -> {
      units.begin();
      Invites.insert(connection, run.event.inviteId());
      run.dispatcher.dispatch(run.event);
      run.dispatcher.dispatch(new WelcomeSent(run.event.inviteId()));
      units.commit(connection);
    }));

    assertThat(thrown)
        .isInstanceOf(OutboxWriteFailedException.class)
        .hasMessageContaining("the outbox could not write the invite.created event "
            + run.event.eventId())
        .hasMessageContaining("committed anyway, without the event")
        .hasCauseInstanceOf(SQLException.class);
    assertThat(run.reported).singleElement()
        .satisfies(failure -> assertThat(failure.exception()).isSameAs(thrown.getCause()));
    assertThat(Invites.count(run.dataSource)).isEqualTo(1); // reported, not prevented
  }

  /**
   * Units of work called the way Spring's transaction synchronization calls them: {@code
   * beforeCommit} on the synchronizations registered when the commit begins, then the JDBC
   * commit, then {@code afterCommit} and {@code afterCompletion} on all. One thread; the happy
   * path only, which is all the test above needs.
   */
  private static final class SnapshotUnits implements UnitOfWorkSupport {
    private List<UnitOfWorkSynchronization> registered;

    void begin() {
      registered = new ArrayList<>();
    }

    void commit(Connection connection) throws SQLException {
      for (UnitOfWorkSynchronization synchronization : List.copyOf(registered)) {
        synchronization.beforeCommit();
      }
      connection.commit();
      List<UnitOfWorkSynchronization> all = registered;
      registered = null;
      for (UnitOfWorkSynchronization synchronization : all) {
        synchronization.afterCommit();
      }
    }

    @Override
    public boolean isActive() {
      return registered != null;
    }

    @Override
    public void registerSynchronization(UnitOfWorkSynchronization synchronization) {
      registered.add(synchronization);
    }
  }

  @Test
  void aNullUnitOfWorkSupport_isRejected() {
    assertThatThrownBy(() -> Outbox.builder(() -> null, DomainEvent::toString)
            .unitOfWorkSupport(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("unitOfWorkSupport");
  }
}
