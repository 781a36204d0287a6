package io.github.domainevents.outbox;

import io.github.domainevents.UnitOfWork;
import io.github.domainevents.UnitOfWorkSupport;
import io.github.domainevents.UnitOfWorkSynchronization;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Plain JDBC transactions that are units of work, for applications without a transaction
 * framework: {@link #run run} and {@link #call call} execute work in one JDBC transaction, bound
 * to the calling thread, and the phase-bound handlers of the events dispatched in it (after-commit
 * mail, before-commit checks) and the {@link Outbox}'s veto commit or roll back with it.
 *
 * <pre>{@code
 * JdbcTransactions transactions = JdbcTransactions.of(dataSource);
 * InProcessEventDispatcher dispatcher =
 *     InProcessEventDispatcher.builder().unitOfWorkSupport(transactions).build();
 * Outbox outbox = Outbox.builder(transactions, json::toJson)        // rows in the transaction
 *     .export(InviteCreated.class, "invite", InviteCreated::inviteId)
 *     .build();
 * outbox.registerOn(dispatcher);
 *
 * transactions.run(connection -> {
 *   invites.save(connection, invite);
 *   dispatcher.dispatch(created);    // outbox row inserted now; the welcome mail is held
 * });                                // committed; then the mail goes out
 * }</pre>
 *
 * <h2>Ending</h2>
 *
 * When the work returns, the transaction commits in this order: the before-commit callbacks
 * (the dispatcher's before-commit handlers, the outbox's veto), including those registered while
 * they run; then {@link Connection#commit()}; then the after-commit and after-completion
 * callbacks. When the work throws, a before-commit callback throws, or the connection's commit
 * fails, the connection is rolled back, the after-rollback and after-completion callbacks run,
 * and that first failure is thrown, unchanged (a failed rollback or close is attached to it as
 * suppressed). Before any after-callback runs, the transaction is taken off the thread and its
 * connection is given back (auto-commit restored, closed): an after-commit handler that writes
 * must open a transaction of its own (a {@link #run} there does), events it dispatches follow
 * the dispatcher's {@code NoUnitOfWorkPolicy}, and nothing of the transaction is left for the
 * next one on the thread, whatever failed. After-commit failures do not undo the commit: they are
 * thrown after every after-callback ran (under the dispatcher's {@code REPORT_AND_CONTINUE}
 * policy, they went to its error handler instead).
 *
 * <h2>Nesting</h2>
 *
 * {@link #run} or {@link #call} inside a transaction of this object on the same thread joins it:
 * the same connection, the outermost transaction commits. If joined work throws, the exception
 * propagates and the whole transaction becomes rollback-only: when the outermost work returns
 * anyway, it rolls back and throws an {@link IllegalStateException}. {@link #runIndependent} and
 * {@link #callIndependent} always use a new connection and transaction that commits or rolls back
 * on its own, with its own phase handlers; the outer one is set aside until it ends.
 *
 * <h2>Why a unit-of-work support of its own</h2>
 *
 * Core's {@link UnitOfWork} has no step between its before-commit and after-commit callbacks
 * where a resource could commit, so it cannot run "before-commit handlers, then the JDBC commit,
 * then after-commit handlers" with a JDBC commit failure rolling the unit back. This class
 * therefore is a {@link UnitOfWorkSupport}, as Spring's transactions are in the starter: the
 * phase rules stay in the dispatcher, this class only calls the callbacks around the JDBC commit.
 * Give it to the dispatcher ({@code InProcessEventDispatcher.Builder.unitOfWorkSupport}); an
 * {@link Outbox} built on it uses it for its veto by default. A {@link UnitOfWork} begun inside
 * such a transaction is a separate unit, unknown to a dispatcher that uses this support: use one
 * or the other.
 *
 * <h2>Threading</h2>
 *
 * Safe for concurrent use: each thread has its own transactions. A transaction belongs to the
 * thread that runs its work; work handed to other threads does not run in it.
 *
 * @since 0.1.0
 */
public final class JdbcTransactions implements TransactionalConnection, UnitOfWorkSupport {
  private static final System.Logger LOG =
      System.getLogger("io.github.domainevents.outbox.JdbcTransactions");

  private final DataSource dataSource;
  /**
   * The transaction of this object active on each thread, removed when it ends. One per instance
   * on purpose: two instances (two data sources) have separate transactions.
   */
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Transaction> current = new ThreadLocal<>();

  private JdbcTransactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Returns transactions on connections from {@code dataSource}: one connection per outermost
   * (or independent) transaction, closed at its end.
   *
   * @param dataSource where connections come from
   * @return the transactions
   * @throws NullPointerException if {@code dataSource} is null
   */
  public static JdbcTransactions of(DataSource dataSource) {
    return new JdbcTransactions(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * Runs {@code work} in the transaction active on this thread, or in a new one that commits
   * when it returns (see the class description).
   *
   * @param work the work; it gets the transaction's connection, which it must not commit, roll
   *     back or close
   * @param <X> what the work may throw
   * @throws X what the work threw; the transaction was rolled back (or, if joined, marked
   *     rollback-only)
   * @throws SQLException if no connection could be had, or the commit failed (the transaction
   *     was rolled back and its after-rollback handlers ran)
   * @throws RuntimeException what a before-commit callback threw (the transaction was rolled
   *     back), for example an {@link OutboxWriteFailedException}; or, the transaction being
   *     committed, what after-commit or after-completion callbacks threw
   * @throws IllegalStateException if the transaction was rollback-only because joined work
   *     failed: it was rolled back
   * @throws NullPointerException if {@code work} is null
   */
  public <X extends Exception> void run(Work<X> work) throws X, SQLException {
    Objects.requireNonNull(work, "work");
    execute(withoutResult(work), false);
  }

  /**
   * Runs {@code work} as {@link #run} does and returns its result.
   *
   * @param work the work; it gets the transaction's connection, which it must not commit, roll
   *     back or close
   * @param <T> the result type
   * @param <X> what the work may throw
   * @return what the work returned, once the transaction committed (or was joined)
   * @throws X as for {@link #run}
   * @throws SQLException as for {@link #run}
   * @throws IllegalStateException as for {@link #run}
   * @throws NullPointerException if {@code work} is null
   */
  public <T extends @Nullable Object, X extends Exception> T call(Call<T, X> work)
      throws X, SQLException {
    Objects.requireNonNull(work, "work");
    return execute(work, false);
  }

  /**
   * Runs {@code work} in a new transaction on a new connection, even inside another transaction
   * (which is set aside until this one ends); otherwise as {@link #run}.
   *
   * @param work the work
   * @param <X> what the work may throw
   * @throws X as for {@link #run}
   * @throws SQLException as for {@link #run}
   * @throws NullPointerException if {@code work} is null
   */
  public <X extends Exception> void runIndependent(Work<X> work) throws X, SQLException {
    Objects.requireNonNull(work, "work");
    execute(withoutResult(work), true);
  }

  /**
   * Runs {@code work} as {@link #runIndependent} does and returns its result.
   *
   * @param work the work
   * @param <T> the result type
   * @param <X> what the work may throw
   * @return what the work returned, once the transaction committed
   * @throws X as for {@link #run}
   * @throws SQLException as for {@link #run}
   * @throws NullPointerException if {@code work} is null
   */
  public <T extends @Nullable Object, X extends Exception> T callIndependent(Call<T, X> work)
      throws X, SQLException {
    Objects.requireNonNull(work, "work");
    return execute(work, true);
  }

  /**
   * Returns the connection of the transaction active on the calling thread.
   *
   * @return the connection
   * @throws IllegalStateException if no transaction of this object is active on the calling
   *     thread (also while its after-commit handlers run: the transaction has ended)
   */
  @Override
  public Connection current() {
    Transaction transaction = current.get();
    if (transaction == null) {
      throw new IllegalStateException(
          "no JDBC transaction is active on this thread: run the work inside"
              + " JdbcTransactions.run(..) or call(..)");
    }
    return transaction.connection;
  }

  /**
   * Tells whether a transaction of this object is active on the calling thread.
   *
   * @return true inside {@link #run}, {@link #call} and their independent twins, until the
   *     commit or rollback is done (false while after-commit handlers run)
   */
  @Override
  public boolean isActive() {
    return current.get() != null;
  }

  /**
   * Registers {@code synchronization} on the transaction active on the calling thread; also
   * while its before-commit callbacks run (it is then called in the same round).
   *
   * @param synchronization the callbacks
   * @throws IllegalStateException if no transaction of this object is active on this thread
   * @throws NullPointerException if {@code synchronization} is null
   */
  @Override
  public void registerSynchronization(UnitOfWorkSynchronization synchronization) {
    Objects.requireNonNull(synchronization, "synchronization");
    Transaction transaction = current.get();
    if (transaction == null) {
      throw new IllegalStateException("no JDBC transaction is active on this thread");
    }
    transaction.synchronizations.add(synchronization);
  }

  @Override
  public String toString() {
    return "JdbcTransactions[" + dataSource + "]";
  }

  private static <X extends Exception> Call<Boolean, X> withoutResult(Work<X> work) {
    return connection -> {
      work.run(connection);
      return Boolean.TRUE; // no result; not null, which this Call's type does not allow
    };
  }

  private <T extends @Nullable Object, X extends Exception> T execute(
      Call<T, X> work, boolean independent) throws X, SQLException {
    Transaction outer = current.get();
    if (outer != null && !independent) {
      return joined(outer, work);
    }
    Transaction transaction = begin(outer);
    T result;
    try {
      result = work.call(transaction.connection);
    } catch (Throwable failure) { // rethrown as is: X or unchecked
      rollBack(transaction, failure);
      throw failure;
    }
    commit(transaction);
    return result;
  }

  private static <T extends @Nullable Object, X extends Exception> T joined(
      Transaction transaction, Call<T, X> work) throws X {
    try {
      return work.call(transaction.connection);
    } catch (Throwable failure) { // rethrown as is: X or unchecked
      if (transaction.rollbackOnly == null) {
        transaction.rollbackOnly = "work that joined it threw " + failure;
      }
      throw failure;
    }
  }

  private Transaction begin(@Nullable Transaction outer) throws SQLException {
    Connection connection = dataSource.getConnection();
    if (connection == null) {
      throw new SQLException("the data source " + dataSource + " returned no connection");
    }
    try {
      boolean autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      Transaction transaction = new Transaction(connection, autoCommit, outer);
      current.set(transaction);
      return transaction;
    } catch (SQLException | RuntimeException | Error failure) {
      try {
        connection.close();
      } catch (SQLException | RuntimeException closing) {
        failure.addSuppressed(closing);
      }
      throw failure;
    }
  }

  private void commit(Transaction transaction) throws SQLException {
    try {
      check(transaction);
      // before-commit callbacks may register more (the outbox's veto, say): run those too
      for (int i = 0; i < transaction.synchronizations.size(); i++) {
        transaction.synchronizations.get(i).beforeCommit();
      }
      check(transaction); // joined work in a before-commit handler may have failed
      transaction.connection.commit();
    } catch (SQLException | RuntimeException | Error failure) {
      rollBack(transaction, failure);
      throw failure;
    }
    List<UnitOfWorkSynchronization> synchronizations = end(transaction, null);
    RuntimeException failures = null;
    for (UnitOfWorkSynchronization synchronization : synchronizations) {
      try {
        synchronization.afterCommit();
      } catch (RuntimeException failure) {
        failures = collect(failures, failure);
      }
    }
    failures = afterCompletion(synchronizations, true, failures);
    if (failures != null) {
      throw failures;
    }
  }

  private static void check(Transaction transaction) {
    String rollbackOnly = transaction.rollbackOnly;
    if (rollbackOnly != null) {
      throw new IllegalStateException(
          "the JDBC transaction was rolled back, not committed: " + rollbackOnly);
    }
  }

  /**
   * Rolls back after {@code primary}, then runs the after-rollback callbacks; whatever else
   * fails is attached to {@code primary}, which the caller throws.
   */
  private void rollBack(Transaction transaction, Throwable primary) {
    try {
      transaction.connection.rollback();
    } catch (SQLException | RuntimeException failure) {
      primary.addSuppressed(failure);
    }
    List<UnitOfWorkSynchronization> synchronizations = end(transaction, primary);
    RuntimeException failures = afterCompletion(synchronizations, false, null);
    if (failures != null) {
      primary.addSuppressed(failures);
    }
  }

  /**
   * Takes the transaction off the thread and gives its connection back, so that nothing of it is
   * left when the after-callbacks run; returns the callbacks to run.
   */
  private List<UnitOfWorkSynchronization> end(
      Transaction transaction, @Nullable Throwable primary) {
    if (transaction.outer == null) {
      current.remove();
    } else {
      current.set(transaction.outer);
    }
    Connection connection = transaction.connection;
    try {
      try {
        if (transaction.restoreAutoCommit) {
          connection.setAutoCommit(true);
        }
      } finally {
        connection.close();
      }
    } catch (SQLException | RuntimeException failure) {
      if (primary != null) {
        primary.addSuppressed(failure);
      } else {
        // committed: the outcome stands; a connection that cannot be reset is the pool's concern
        LOG.log(Level.WARNING, "the connection of a committed JDBC transaction could not be"
            + " reset and closed", failure);
      }
    }
    List<UnitOfWorkSynchronization> synchronizations = List.copyOf(transaction.synchronizations);
    transaction.synchronizations.clear();
    return synchronizations;
  }

  private static @Nullable RuntimeException afterCompletion(
      List<UnitOfWorkSynchronization> synchronizations,
      boolean committed,
      @Nullable RuntimeException failures) {
    RuntimeException collected = failures;
    for (UnitOfWorkSynchronization synchronization : synchronizations) {
      try {
        synchronization.afterCompletion(committed);
      } catch (RuntimeException failure) {
        collected = collect(collected, failure);
      }
    }
    return collected;
  }

  private static RuntimeException collect(
      @Nullable RuntimeException first, RuntimeException failure) {
    if (first == null) {
      return failure;
    }
    first.addSuppressed(failure);
    return first;
  }

  /**
   * Work run in a transaction, without a result.
   *
   * @param <X> what it may throw
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface Work<X extends Exception> {
    /**
     * Does the work.
     *
     * @param connection the transaction's connection; do not commit, roll back or close it
     * @throws X to roll the transaction back
     */
    void run(Connection connection) throws X;
  }

  /**
   * Work run in a transaction, with a result.
   *
   * @param <T> the result type
   * @param <X> what it may throw
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface Call<T extends @Nullable Object, X extends Exception> {
    /**
     * Does the work.
     *
     * @param connection the transaction's connection; do not commit, roll back or close it
     * @return the result
     * @throws X to roll the transaction back
     */
    T call(Connection connection) throws X;
  }

  /** One real transaction (joined work shares it); confined to its thread. */
  private static final class Transaction {
    final Connection connection;
    final boolean restoreAutoCommit;
    final @Nullable Transaction outer;
    final List<UnitOfWorkSynchronization> synchronizations = new ArrayList<>(2);
    @Nullable String rollbackOnly;

    Transaction(Connection connection, boolean restoreAutoCommit, @Nullable Transaction outer) {
      this.connection = connection;
      this.restoreAutoCommit = restoreAutoCommit;
      this.outer = outer;
    }
  }
}
