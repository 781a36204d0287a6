package io.github.domainevents.spring.boot;

import io.github.domainevents.UnitOfWorkSynchronization;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One Spring transaction synchronization scope as one unit of work: the single Spring {@link
 * TransactionSynchronization} that drives, in registration order, every {@link
 * UnitOfWorkSynchronization} registered in that scope.
 *
 * <p>Why one driver instead of one Spring synchronization each: Spring calls {@code beforeCommit}
 * on a snapshot of the synchronizations taken when the before-commit round starts, so a
 * synchronization registered during the round (an outbox veto registered because an event
 * raised by a before-commit handler could not be written) would never be asked, and the
 * transaction would commit without it. This driver's {@link #beforeCommit} instead runs its list
 * by index while it grows, as core's {@code UnitOfWork} and the outbox's {@code JdbcTransactions}
 * do, so a synchronization registered during the round gets its {@code beforeCommit} in the same
 * round and can still veto the commit.
 *
 * <p>Scope: {@link #current()} looks for the driver among the synchronizations of the active
 * scope. A joined ({@code REQUIRED}) or {@code NESTED} transaction shares its outer scope, so it
 * shares the driver; {@code REQUIRES_NEW} (and {@code NOT_SUPPORTED}) suspends the outer
 * synchronizations, so the inner transaction gets a driver of its own, ended at its own end,
 * and the outer driver comes back with the outer synchronizations when Spring resumes them. No
 * thread-bound resource is kept (Spring does not suspend custom resources).
 *
 * <p>After the round: the driver runs every {@code afterCommit}, then every {@code
 * afterCompletion}, each exactly once and in registration order; a failure does not skip the
 * others (the first is thrown after all ran, later ones attached as suppressed); if Spring
 * skips this driver's {@code afterCommit} because another synchronization's threw first, {@link
 * #afterCompletion} runs them after the commit instead. Once {@code afterCommit} or {@code
 * afterCompletion} has started, the unit has ended and {@link #add} refuses. A synchronization
 * registered after the round ended but before the commit (by another Spring synchronization
 * whose {@code beforeCommit} runs after this one, or during the commit itself) cannot get a
 * {@code beforeCommit} any more: it still gets {@code afterCommit} and {@code afterCompletion},
 * and a WARNING names it.
 *
 * <p>Savepoints ({@code NESTED}): work rolled back to a savepoint takes its registrations with
 * it. Spring tells every synchronization when a savepoint is set and rolled back to; the
 * synchronizations registered since that savepoint get {@code afterCompletion(false)} at once
 * (after-rollback handlers) and are dropped, so nothing of the rolled-back part runs at commit.
 *
 * <p>Confined to the thread of its transaction, as Spring's synchronizations are.
 */
final class SpringUnitOfWork implements TransactionSynchronization {
  private static final System.Logger LOG =
      System.getLogger(SpringTransactionUnitOfWorkSupport.class.getName());

  private final List<UnitOfWorkSynchronization> synchronizations = new ArrayList<>(2);
  /** How many synchronizations, from the first, were given {@code beforeCommit}. */
  private int beforeCommitCalled;

  /** The savepoints set while this unit existed, with {@link #savepoint}'s mark. */
  private final IdentityHashMap<Object, Integer> savepoints = new IdentityHashMap<>(2);

  private boolean ended;
  private boolean afterCommitCalled;

  private SpringUnitOfWork() {}

  /**
   * Returns the driver of the synchronization scope active on this thread, or null if none was
   * registered in it yet.
   *
   * @throws IllegalStateException if no transaction synchronization is active
   */
  static @Nullable SpringUnitOfWork current() {
    for (TransactionSynchronization synchronization :
        TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof SpringUnitOfWork unit) {
        return unit;
      }
    }
    return null;
  }

  /**
   * Returns the driver of the active scope, registering a new one with Spring if there is none.
   *
   * @throws IllegalStateException if no transaction synchronization is active
   */
  static SpringUnitOfWork currentOrNew() {
    SpringUnitOfWork unit = current();
    if (unit == null) {
      unit = new SpringUnitOfWork();
      TransactionSynchronizationManager.registerSynchronization(unit);
    }
    return unit;
  }

  /** Tells whether the unit still accepts synchronizations: its end has not started. */
  boolean isOpen() {
    return !ended;
  }

  /**
   * Adds {@code synchronization}, to be called after those already added.
   *
   * @throws IllegalStateException if the unit's after-commit or after-completion callbacks have
   *     started: the transaction has ended
   */
  void add(UnitOfWorkSynchronization synchronization) {
    if (ended) {
      throw new IllegalStateException(
          "the Spring transaction on this thread has ended (its after-commit or after-completion"
              + " callbacks are running): " + synchronization + " cannot be registered on it");
    }
    synchronizations.add(synchronization);
  }

  /**
   * Runs every added synchronization's {@code beforeCommit}, including those added while this
   * runs; the first failure propagates (Spring then rolls back and calls {@link
   * #afterCompletion} with {@code STATUS_ROLLED_BACK}), and the later synchronizations'
   * {@code beforeCommit} is not called.
   */
  @Override
  public void beforeCommit(boolean readOnly) {
    while (beforeCommitCalled < synchronizations.size()) { // grows while it runs
      synchronizations.get(beforeCommitCalled++).beforeCommit();
    }
  }

  /** Remembers how many synchronizations were registered when {@code savepoint} was set. */
  @Override
  public void savepoint(Object savepoint) {
    savepoints.put(savepoint, synchronizations.size());
  }

  /**
   * Ends, as rolled back, the synchronizations registered since {@code savepoint} (a {@code
   * NESTED} transaction that rolled back, say): their work is undone, so their after-rollback and
   * after-completion callbacks run now and the transaction's commit will not call them. A
   * savepoint set before this unit existed precedes every synchronization in it. Failures are
   * logged at ERROR level rather than thrown, so that they do not replace the exception that
   * caused the rollback.
   */
  @Override
  public void savepointRollback(Object savepoint) {
    Integer mark = savepoints.get(savepoint);
    int from = mark == null ? 0 : mark;
    savepoints.values().removeIf(later -> later > from);
    if (from >= synchronizations.size()) {
      return;
    }
    List<UnitOfWorkSynchronization> tail = synchronizations.subList(from, synchronizations.size());
    List<UnitOfWorkSynchronization> rolledBack = List.copyOf(tail);
    tail.clear();
    beforeCommitCalled = Math.min(beforeCommitCalled, from);
    RuntimeException failure = null;
    for (UnitOfWorkSynchronization synchronization : rolledBack) {
      try {
        synchronization.afterCompletion(false);
      } catch (RuntimeException thrown) {
        failure = collect(failure, thrown);
      }
    }
    if (failure != null) {
      LOG.log(Level.ERROR, "the after-rollback callbacks of " + rolledBack + ", registered in"
          + " work rolled back to a savepoint, failed", failure);
    }
  }

  /**
   * Runs every synchronization's {@code afterCommit}; throws the first failure once all ran
   * (Spring hands it to the code that committed; the commit stands).
   */
  @Override
  public void afterCommit() {
    ended = true;
    afterCommitCalled = true;
    RuntimeException failure = runAfterCommit();
    if (failure != null) {
      throw failure;
    }
  }

  /** Runs every {@code afterCommit}; returns the first failure, later ones attached. */
  private @Nullable RuntimeException runAfterCommit() {
    if (beforeCommitCalled < synchronizations.size()) {
      LOG.log(Level.WARNING, "the Spring transaction committed, but "
          + synchronizations.subList(beforeCommitCalled, synchronizations.size())
          + " were registered after their unit of work's before-commit callbacks had run (by"
          + " another TransactionSynchronization's beforeCommit that Spring called later, or"
          + " during the commit itself), so their before-commit work did not run. Dispatch such"
          + " events before the commit starts, or give that synchronization (an"
          + " @TransactionalEventListener, say) a higher precedence with @Order");
    }
    RuntimeException failure = null;
    for (UnitOfWorkSynchronization synchronization : synchronizations) {
      try {
        synchronization.afterCommit();
      } catch (RuntimeException thrown) {
        failure = collect(failure, thrown);
      }
    }
    return failure;
  }

  /**
   * Runs every synchronization's {@code afterCompletion}, then forgets them all; throws the first
   * failure once all ran (Spring logs it at ERROR level). After a commit whose {@link
   * #afterCommit} Spring skipped (another synchronization's {@code afterCommit} threw before
   * this one's turn), runs every {@code afterCommit} first, as Spring's own
   * {@code @TransactionalEventListener} runs its after-commit listeners from here.
   */
  @Override
  public void afterCompletion(int status) {
    ended = true;
    boolean committed = status == STATUS_COMMITTED;
    RuntimeException failure = null;
    try {
      if (committed && !afterCommitCalled) {
        afterCommitCalled = true;
        failure = runAfterCommit();
      }
      for (UnitOfWorkSynchronization synchronization : synchronizations) {
        try {
          synchronization.afterCompletion(committed);
        } catch (RuntimeException thrown) {
          failure = collect(failure, thrown);
        }
      }
    } finally {
      synchronizations.clear();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException collect(
      @Nullable RuntimeException first, RuntimeException thrown) {
    if (first == null) {
      return thrown;
    }
    first.addSuppressed(thrown);
    return first;
  }

  @Override
  public String toString() {
    return "domain-events unit of work " + synchronizations;
  }
}
