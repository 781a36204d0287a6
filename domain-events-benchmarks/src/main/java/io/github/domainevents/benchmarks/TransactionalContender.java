package io.github.domainevents.benchmarks;

/** The contenders of {@link UnitOfWorkBenchmark}; each makes its bus around one handler. */
public enum TransactionalContender {
  /** A handler registered for {@code AFTER_COMMIT}, inside a plain-Java {@code UnitOfWork}. */
  DOMAIN_EVENTS {
    @Override
    TransactionalBus create(Handler afterCommit) {
      return new DomainEventsTransactionalBus(afterCommit);
    }
  },
  /**
   * A {@code @TransactionalEventListener} (after commit, Spring's default phase), the event
   * published with {@code ApplicationEventPublisher.publishEvent} inside a {@code
   * TransactionTemplate} over a resourceless {@code AbstractPlatformTransactionManager}: Spring's
   * real synchronization machinery, with no database.
   */
  SPRING_TRANSACTIONAL_EVENT_LISTENER {
    @Override
    TransactionalBus create(Handler afterCommit) {
      return new SpringTransactionalBus(afterCommit);
    }
  };

  abstract TransactionalBus create(Handler afterCommit);
}
