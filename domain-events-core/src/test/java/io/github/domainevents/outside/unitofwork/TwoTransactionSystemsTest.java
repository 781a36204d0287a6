package io.github.domainevents.outside.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.outside.unitofwork.FakeTransactions.Fault;
import io.github.domainevents.outside.unitofwork.FakeTransactions.Transaction;
import io.github.domainevents.outside.unitofwork.UnitFixtures.InviteCreated;
import io.github.domainevents.outside.unitofwork.UnitFixtures.Journal;
import io.github.domainevents.outside.unitofwork.UnitFixtures.MailSent;
import org.junit.jupiter.api.Test;

/**
 * Two dispatchers bound to two transaction systems on one thread: an event raised while one
 * system commits, on the other system's dispatcher, belongs to the other system's transaction
 * and waits for its commit.
 */
class TwoTransactionSystemsTest {
  private final Journal journal = new Journal();
  private final FakeTransactions orders = new FakeTransactions();
  private final FakeTransactions billing = new FakeTransactions();
  private final InProcessEventDispatcher orderEvents =
      InProcessEventDispatcher.builder().unitOfWorkSupport(orders).build();
  private final InProcessEventDispatcher billingEvents =
      InProcessEventDispatcher.builder().unitOfWorkSupport(billing).build();

  @Test
  void anEventRaisedDuringOneSystemsCommit_onTheOthersDispatcher_waitsForTheOthersCommit() {
    orderEvents.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT,
        invite -> billingEvents.dispatch(new MailSent(invite.inviteId())));
    orderEvents.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT,
        journal.handler("orders-committed"));
    billingEvents.register(MailSent.class, TransactionPhase.BEFORE_COMMIT,
        journal.handler("billing-commits"));
    billingEvents.register(MailSent.class, TransactionPhase.AFTER_COMMIT,
        journal.handler("billing-committed"));
    Transaction billingTransaction = billing.begin(Fault.NONE);
    Transaction orderTransaction = orders.begin(Fault.NONE);

    orderEvents.dispatch(new InviteCreated(1));
    orderTransaction.commit();

    assertThat(journal.entries()).containsExactly("orders-committed:invite.created1");
    billingTransaction.commit();
    assertThat(journal.entries()).containsExactly("orders-committed:invite.created1",
        "billing-commits:mail.sent1", "billing-committed:mail.sent1");
  }
}
