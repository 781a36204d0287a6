package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.benchmarks.Events.OrderPlaced;

/** This library: an after-commit handler, a {@link UnitOfWork} per operation. */
final class DomainEventsTransactionalBus implements TransactionalBus {
  private final InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();

  DomainEventsTransactionalBus(Handler afterCommit) {
    dispatcher.register(OrderPlaced.class, TransactionPhase.AFTER_COMMIT, afterCommit);
  }

  @Override
  public void publishAndCommit(Object event) {
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch((DomainEvent) event);
      unit.commit();
    }
  }

  @Override
  public void publishAndRollBack(Object event) {
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch((DomainEvent) event);
      unit.rollback();
    }
  }

  @Override
  public void close() {
    dispatcher.close();
  }
}
