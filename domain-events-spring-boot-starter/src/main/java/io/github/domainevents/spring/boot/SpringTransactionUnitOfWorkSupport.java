package io.github.domainevents.spring.boot;

import io.github.domainevents.UnitOfWorkSupport;
import io.github.domainevents.UnitOfWorkSynchronization;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Units of work are Spring's transactions: a unit is active where Spring's transaction
 * synchronization is, and the dispatcher's callbacks are registered as a {@link
 * TransactionSynchronization}. {@code REQUIRES_NEW} suspends the outer transaction's
 * synchronizations, so an event dispatched in the inner transaction runs its phase handlers at the
 * inner transaction's end; a joined ({@code REQUIRED}) or nested call runs them at the end of the
 * transaction it joined.
 *
 * <p>Spring propagates an exception thrown by {@code afterCommit} to the code that committed (the
 * commit stands) and logs one thrown by {@code afterCompletion} at ERROR level.
 */
final class SpringTransactionUnitOfWorkSupport implements UnitOfWorkSupport {

  @Override
  public boolean isActive() {
    return TransactionSynchronizationManager.isSynchronizationActive();
  }

  @Override
  public void registerSynchronization(UnitOfWorkSynchronization synchronization) {
    if (!isActive()) {
      throw new IllegalStateException(
          "no Spring transaction synchronization is active on this thread");
    }
    TransactionSynchronizationManager.registerSynchronization(new Adapter(synchronization));
  }

  @Override
  public String toString() {
    return "Spring transactions";
  }

  /** One dispatch's phase handlers, as a Spring transaction synchronization. */
  private static final class Adapter implements TransactionSynchronization {
    private final UnitOfWorkSynchronization synchronization;

    Adapter(UnitOfWorkSynchronization synchronization) {
      this.synchronization = synchronization;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      synchronization.beforeCommit();
    }

    @Override
    public void afterCommit() {
      synchronization.afterCommit();
    }

    @Override
    public void afterCompletion(int status) {
      synchronization.afterCompletion(status == STATUS_COMMITTED);
    }
  }
}
