package io.github.domainevents.outside.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.domainevents.EventContext;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.NoUnitOfWorkPolicy;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.outside.unitofwork.FakeTransactions.Fault;
import io.github.domainevents.outside.unitofwork.FakeTransactions.InjectedFault;
import io.github.domainevents.outside.unitofwork.FakeTransactions.Transaction;
import io.github.domainevents.outside.unitofwork.UnitFixtures.InviteCreated;
import io.github.domainevents.outside.unitofwork.UnitFixtures.Journal;
import io.github.domainevents.outside.unitofwork.UnitFixtures.MailSent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * A fake transaction manager with Spring's synchronization semantics fails at each step (begin,
 * before commit, commit, after completion): phase handlers run only for what committed, no held
 * event lingers into the next transaction on the thread, and no thread-local state is left.
 */
class FaultInjectionTest {
  private final FakeTransactions transactions = new FakeTransactions();
  private final Journal journal = new Journal();
  private final InProcessEventDispatcher dispatcher =
      InProcessEventDispatcher.builder().unitOfWorkSupport(transactions).build();

  private void registerHandlers() {
    dispatcher.register(InviteCreated.class, journal.handler("immediate"));
    dispatcher.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT, invite -> {
      journal.add("before-commit:" + UnitFixtures.label(invite));
      dispatcher.dispatch(new MailSent(invite.inviteId()));
    });
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, journal.handler("after-commit"));
    dispatcher.register(
        InviteCreated.class, TransactionPhase.AFTER_ROLLBACK, journal.handler("after-rollback"));
    dispatcher.register(MailSent.class, TransactionPhase.AFTER_COMMIT, journal.handler("mail"));
    dispatcher.register(MailSent.class, TransactionPhase.AFTER_ROLLBACK, journal.handler("no-mail"));
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void aFaultAtAnyStep_deliversOnlyWhatCommitted_andLeavesNothingForTheNextTransaction(
      Fault fault) {
    registerHandlers();

    Throwable failure = catchThrowable(() -> {
      Transaction transaction = transactions.begin(fault);
      dispatcher.dispatch(new InviteCreated(1));
      transaction.commit();
    });

    switch (fault) {
      case NONE -> {
        assertThat(failure).isNull();
        assertThat(journal.entries()).containsExactly(
            "immediate:invite.created1", "before-commit:invite.created1",
            "after-commit:invite.created1", "mail:mail.sent1");
      }
      case BEGIN -> { // no transaction: the default policy refuses, nothing runs
        assertThat(failure).isInstanceOf(InjectedFault.class);
        assertThat(journal.entries()).isEmpty();
      }
      case BEFORE_COMMIT, COMMIT -> {
        assertThat(failure).isInstanceOf(InjectedFault.class);
        assertThat(journal.entries()).containsExactly(
            "immediate:invite.created1", "before-commit:invite.created1",
            "after-rollback:invite.created1", "no-mail:mail.sent1");
      }
      case AFTER_COMPLETION -> { // committed; the failure comes after the after-commit work
        assertThat(failure).isInstanceOf(InjectedFault.class);
        assertThat(journal.entries()).containsExactly(
            "immediate:invite.created1", "before-commit:invite.created1",
            "after-commit:invite.created1", "mail:mail.sent1");
      }
      default -> throw new AssertionError(fault);
    }
    assertNothingLeftOnThisThread();

    journal.clear();
    Transaction next = transactions.begin(Fault.NONE);
    dispatcher.dispatch(new InviteCreated(2));
    next.commit();
    assertThat(journal.entries()).containsExactly(
        "immediate:invite.created2", "before-commit:invite.created2",
        "after-commit:invite.created2", "mail:mail.sent2");
    assertNothingLeftOnThisThread();
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"BEFORE_COMMIT", "COMMIT", "AFTER_COMPLETION"})
  void aFaultWithFailingPhaseHandlersToo_stillLeavesNothingBehind(Fault fault) {
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, event -> {
      throw new IllegalStateException("after-commit handler fails");
    });
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_ROLLBACK, event -> {
      throw new IllegalStateException("after-rollback handler fails");
    });
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMPLETION, event -> {
      throw new IllegalStateException("after-completion handler fails");
    });

    Throwable failure = catchThrowable(() -> {
      Transaction transaction = transactions.begin(fault);
      dispatcher.dispatch(new InviteCreated(1));
      transaction.commit();
    });

    assertThat(failure).isNotNull();
    assertNothingLeftOnThisThread();
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, journal.handler("ok"));
    Throwable next = catchThrowable(() -> {
      Transaction transaction = transactions.begin(Fault.NONE);
      dispatcher.dispatch(new InviteCreated(2));
      transaction.commit();
    });
    assertThat(next).hasMessageContaining("after-commit handler fails");
    assertThat(journal.entries()).containsExactly("ok:invite.created2");
    assertNothingLeftOnThisThread();
  }

  /** Spring never calls beforeCommit on late registrations (spring-framework #35081). */
  @Test
  void anEventRaisedBeforeCommit_isDelivered_althoughTheSupportSkipsLateBeforeCommitCalls() {
    dispatcher.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT,
        invite -> dispatcher.dispatch(new MailSent(invite.inviteId())));
    dispatcher.register(MailSent.class, TransactionPhase.BEFORE_COMMIT, journal.handler("mail BC"));
    dispatcher.register(MailSent.class, TransactionPhase.AFTER_COMMIT, journal.handler("mail AC"));
    Transaction transaction = transactions.begin(Fault.NONE);
    dispatcher.dispatch(new InviteCreated(1));
    transaction.commit();
    assertThat(journal.entries()).containsExactly("mail BC:mail.sent1", "mail AC:mail.sent1");
    assertNothingLeftOnThisThread();
  }

  /** Spring still says "active" during afterCommit; registering then would lose the event. */
  @Test
  void anEventRaisedAfterCommit_isNotHeldForTheEndedTransaction_butFollowsThePolicy() {
    InProcessEventDispatcher runNow = InProcessEventDispatcher.builder()
        .unitOfWorkSupport(transactions)
        .noUnitOfWorkPolicy(NoUnitOfWorkPolicy.RUN_NOW)
        .build();
    runNow.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, invite -> {
      journal.add("registered during afterCommit: " + transactions.registeredOnThisThread());
      runNow.dispatch(new MailSent(invite.inviteId()));
    });
    runNow.register(MailSent.class, TransactionPhase.AFTER_COMMIT, journal.handler("mail"));
    Transaction transaction = transactions.begin(Fault.NONE);
    runNow.dispatch(new InviteCreated(1));
    transaction.commit();
    assertThat(journal.entries())
        .containsExactly("registered during afterCommit: 1", "mail:mail.sent1");
    assertNothingLeftOnThisThread();
  }

  private void assertNothingLeftOnThisThread() {
    assertThat(transactions.isActive()).isFalse();
    assertThat(UnitOfWork.isActive()).isFalse();
    assertThat(EventContext.currentCause()).isEmpty();
    assertThat(EventContext.correlationId()).isEmpty();
    // the dispatcher's own per-thread state: an event dispatched now sees no unit of work
    InProcessEventDispatcher probe = new InProcessEventDispatcher();
    probe.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, event -> {});
    assertThat(catchThrowable(() -> probe.dispatch(new InviteCreated(99))))
        .hasMessageContaining("no unit of work is active")
        .hasMessageNotContaining("raised by a handler running after");
  }
}
