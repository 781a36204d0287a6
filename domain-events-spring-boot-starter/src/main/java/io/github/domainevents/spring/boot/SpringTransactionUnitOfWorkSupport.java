package io.github.domainevents.spring.boot;

import io.github.domainevents.UnitOfWorkSupport;
import io.github.domainevents.UnitOfWorkSynchronization;
import java.util.Objects;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Units of work are Spring's transactions: a unit is active where Spring's transaction
 * synchronization is, and the synchronizations registered on it are driven by one Spring {@code
 * TransactionSynchronization} per synchronization scope ({@link SpringUnitOfWork}), in
 * registration order. {@code REQUIRES_NEW} suspends the outer transaction's synchronizations, so
 * an event dispatched in the inner transaction runs its phase handlers at the inner
 * transaction's end; a joined ({@code REQUIRED}) or {@code NESTED} call runs them at the end of
 * the transaction it joined, except that a {@code NESTED} call rolled back to its savepoint ends
 * its own registrations at once, as rolled back.
 *
 * <p>A synchronization registered while the before-commit callbacks run (an outbox veto, say,
 * for an event raised by a before-commit handler that could not be written) gets its {@code
 * beforeCommit} in the same round, so it can still roll the transaction back; Spring on its own
 * would skip it and commit. Every registered synchronization gets {@code afterCommit} and {@code
 * afterCompletion} exactly once, in order, even when others fail. Spring propagates an exception
 * thrown by {@code afterCommit} to the code that committed (the commit stands) and logs one
 * thrown by {@code afterCompletion} at ERROR level. Once the transaction's after-commit or
 * after-completion callbacks run, {@link #isActive()} is false: the transaction has ended.
 */
final class SpringTransactionUnitOfWorkSupport implements UnitOfWorkSupport {

  @Override
  public boolean isActive() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return false;
    }
    SpringUnitOfWork unit = SpringUnitOfWork.current();
    return unit == null || unit.isOpen();
  }

  @Override
  public void registerSynchronization(UnitOfWorkSynchronization synchronization) {
    Objects.requireNonNull(synchronization, "synchronization");
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException(
          "no Spring transaction synchronization is active on this thread");
    }
    SpringUnitOfWork.currentOrNew().add(synchronization);
  }

  @Override
  public String toString() {
    return "Spring transactions";
  }
}
