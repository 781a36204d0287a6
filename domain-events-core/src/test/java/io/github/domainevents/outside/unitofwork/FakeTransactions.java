package io.github.domainevents.outside.unitofwork;

import io.github.domainevents.UnitOfWorkSupport;
import io.github.domainevents.UnitOfWorkSynchronization;
import java.util.ArrayList;
import java.util.List;

/**
 * A small transaction manager that drives synchronizations the way Spring's does, with a fault
 * that can be injected at each step. Like Spring, it calls {@code beforeCommit} only on the
 * synchronizations registered when the commit began, and it still reports a transaction as
 * active while the after-commit and after-completion callbacks run.
 */
final class FakeTransactions implements UnitOfWorkSupport {

  /** Where the next transaction fails. */
  enum Fault {
    NONE,
    BEGIN,
    BEFORE_COMMIT,
    COMMIT,
    AFTER_COMPLETION
  }

  /** The failure injected by a {@link Fault}. */
  static final class InjectedFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFault(Fault fault) {
      super("injected fault at " + fault);
    }
  }

  private final ThreadLocal<Transaction> current = new ThreadLocal<>();

  /** One transaction; ends once. */
  final class Transaction {
    private final List<UnitOfWorkSynchronization> synchronizations = new ArrayList<>();
    private final Fault fault;
    boolean committed;
    boolean rolledBack;

    private Transaction(Fault fault) {
      this.fault = fault;
    }

    /** Commits, or rolls back when a step fails; the failure then propagates. */
    void commit() {
      try {
        for (UnitOfWorkSynchronization synchronization : List.copyOf(synchronizations)) {
          synchronization.beforeCommit();
        }
        if (fault == Fault.BEFORE_COMMIT) {
          throw new InjectedFault(fault);
        }
        if (fault == Fault.COMMIT) {
          throw new InjectedFault(fault);
        }
      } catch (RuntimeException failure) {
        rollbackAfter(failure);
        throw failure;
      }
      committed = true;
      RuntimeException failure = null;
      try {
        for (UnitOfWorkSynchronization synchronization : List.copyOf(synchronizations)) {
          synchronization.afterCommit();
        }
      } catch (RuntimeException thrown) {
        failure = thrown;
      }
      RuntimeException completion = completeAll(true);
      if (failure != null) {
        throw failure;
      }
      if (completion != null) {
        throw completion;
      }
    }

    void rollback() {
      rollbackAfter(null);
    }

    private void rollbackAfter(RuntimeException cause) {
      rolledBack = true;
      RuntimeException completion = completeAll(false);
      if (completion != null) {
        if (cause != null) {
          cause.addSuppressed(completion);
        } else {
          throw completion;
        }
      }
    }

    /** Calls every afterCompletion (like Spring: each failure logged, here collected), ends. */
    private RuntimeException completeAll(boolean success) {
      RuntimeException failure = null;
      try {
        for (UnitOfWorkSynchronization synchronization : List.copyOf(synchronizations)) {
          try {
            synchronization.afterCompletion(success);
          } catch (RuntimeException thrown) {
            failure = failure == null ? thrown : failure;
          }
        }
        if (fault == Fault.AFTER_COMPLETION && failure == null) {
          failure = new InjectedFault(fault);
        }
      } finally {
        synchronizations.clear();
        current.remove();
      }
      return failure;
    }
  }

  /** Begins a transaction on this thread. */
  Transaction begin(Fault fault) {
    if (fault == Fault.BEGIN) {
      throw new InjectedFault(fault);
    }
    Transaction transaction = new Transaction(fault);
    current.set(transaction);
    return transaction;
  }

  @Override
  public boolean isActive() {
    return current.get() != null;
  }

  @Override
  public void registerSynchronization(UnitOfWorkSynchronization synchronization) {
    Transaction transaction = current.get();
    if (transaction == null) {
      throw new IllegalStateException("no transaction");
    }
    transaction.synchronizations.add(synchronization);
  }

  /** How many synchronizations the thread's transaction holds; 0 without one. */
  int registeredOnThisThread() {
    Transaction transaction = current.get();
    return transaction == null ? 0 : transaction.synchronizations.size();
  }
}
