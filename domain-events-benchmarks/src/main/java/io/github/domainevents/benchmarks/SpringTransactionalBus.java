package io.github.domainevents.benchmarks;

import io.github.domainevents.benchmarks.Events.OrderPlaced;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.event.TransactionalEventListenerFactory;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Framework 7's {@link TransactionalEventListener} (phase {@code AFTER_COMMIT}) on a bean,
 * the record published with {@code publishEvent(Object)} inside a {@link TransactionTemplate}.
 * The transaction manager is Spring's {@link AbstractPlatformTransactionManager} with no
 * resource behind it, so what is measured is Spring's transaction and synchronization machinery
 * (begin, register the listener's synchronization, commit, after-commit callback), as this
 * library's {@code UnitOfWork} has no resource either.
 */
final class SpringTransactionalBus implements TransactionalBus {
  private final GenericApplicationContext context = new GenericApplicationContext();
  private final TransactionTemplate transactions =
      new TransactionTemplate(new ResourcelessTransactionManager());

  SpringTransactionalBus(Handler afterCommit) {
    AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
    context.registerBean(TransactionalEventListenerFactory.class);
    context.registerBean(OnOrderPlacedAfterCommit.class,
        () -> new OnOrderPlacedAfterCommit(afterCommit));
    context.refresh();
  }

  @Override
  public void publishAndCommit(Object event) {
    transactions.executeWithoutResult(status -> context.publishEvent(event));
  }

  @Override
  public void publishAndRollBack(Object event) {
    transactions.executeWithoutResult(status -> {
      context.publishEvent(event);
      status.setRollbackOnly();
    });
  }

  @Override
  public void close() {
    context.close();
  }

  /** The listener bean, as Spring applications write it. */
  public static final class OnOrderPlacedAfterCommit {
    private final Handler handler;

    OnOrderPlacedAfterCommit(Handler handler) {
      this.handler = handler;
    }

    /**
     * Runs after the commit.
     *
     * @param event the event
     */
    @TransactionalEventListener
    public void on(OrderPlaced event) {
      handler.handle(event);
    }
  }

  /** A transaction manager with no resource: begin, commit and rollback do nothing. */
  static final class ResourcelessTransactionManager extends AbstractPlatformTransactionManager {
    private static final long serialVersionUID = 1L;

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {}

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }
}
