package io.github.domainevents.outside.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.NoUnitOfWorkPolicy;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.outside.LogCapture;
import io.github.domainevents.outside.unitofwork.UnitFixtures.InviteCreated;
import io.github.domainevents.outside.unitofwork.UnitFixtures.Journal;
import io.github.domainevents.outside.unitofwork.UnitFixtures.MailSent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dispatching to phase-bound handlers with no unit of work: the policy happens, visibly. */
class NoUnitOfWorkPolicyTest {
  private final Journal journal = new Journal();

  @AfterEach
  void noUnitLeftBehind() {
    assertThat(UnitOfWork.isActive()).isFalse();
  }

  private void registerEveryPhase(InProcessEventDispatcher dispatcher) {
    for (TransactionPhase phase : TransactionPhase.values()) {
      dispatcher.register(InviteCreated.class, phase, journal.handler(phase.name()));
    }
  }

  @Test
  void byDefault_theDispatchFails_beforeAnyHandlerRuns_sayingWhatToDo() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    registerEveryPhase(dispatcher);
    InviteCreated invite = new InviteCreated(1);

    assertThatThrownBy(() -> dispatcher.dispatch(invite))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("invite.created " + invite.eventId())
        .hasMessageContaining("lambda in UnitFixtures.Journal: after commit")
        .hasMessageContaining("no unit of work is active on this thread")
        .hasMessageContaining("UnitOfWork.begin()")
        .hasMessageContaining("NoUnitOfWorkPolicy.RUN_NOW")
        .hasMessageContaining("no handler ran");
    assertThatThrownBy(() -> dispatcher.dispatchAndReport(invite))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> dispatcher.dispatchAsync(invite))
        .isInstanceOf(IllegalStateException.class);
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void eventsWithoutPhaseHandlers_areUntouchedByThePolicy() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(InviteCreated.class, journal.handler("plain"));
    dispatcher.dispatch(new InviteCreated(1));
    assertThat(journal.entries()).containsExactly("plain:invite.created1");
  }

  @Test
  void runNow_runsAsAUnitThatCommitsAtOnce_inPhaseOrder_withoutAfterRollback() {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().noUnitOfWorkPolicy(NoUnitOfWorkPolicy.RUN_NOW).build();
    registerEveryPhase(dispatcher);
    try (LogCapture log = LogCapture.open()) {
      dispatcher.dispatch(new InviteCreated(1));
      assertThat(log.records()).isEmpty();
    }
    assertThat(journal.entries()).containsExactly(
        "IMMEDIATE:invite.created1",
        "BEFORE_COMMIT:invite.created1",
        "AFTER_COMMIT:invite.created1",
        "AFTER_COMPLETION:invite.created1");
  }

  @Test
  @org.junit.jupiter.api.Timeout(30)
  void runNow_withDispatchAsync_runsEveryPhaseOnTheExecutor_andReportsThem() throws Exception {
    java.util.concurrent.ExecutorService executor =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
          .executor(executor)
          .noUnitOfWorkPolicy(NoUnitOfWorkPolicy.RUN_NOW)
          .build();
      registerEveryPhase(dispatcher);
      io.github.domainevents.DispatchReport report = dispatcher
          .dispatchAsync(new InviteCreated(1))
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(report.outcomes())
          .extracting(io.github.domainevents.DispatchReport.Outcome::phase)
          .containsExactly(TransactionPhase.IMMEDIATE, TransactionPhase.BEFORE_COMMIT,
              TransactionPhase.AFTER_COMMIT, TransactionPhase.AFTER_COMPLETION);
      assertThat(report.succeeded()).isTrue();
      assertThat(journal.entries()).hasSize(4);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void runNowWithWarning_runsAndLogsAWarningNamingEventAndHandlers() {
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .noUnitOfWorkPolicy(NoUnitOfWorkPolicy.RUN_NOW_WITH_WARNING)
        .build();
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, journal.handler("mail"));
    InviteCreated invite = new InviteCreated(1);
    try (LogCapture log = LogCapture.open()) {
      dispatcher.dispatch(invite);
      assertThat(log.records()).singleElement().satisfies(record -> {
        assertThat(record.getLevel()).isEqualTo(Level.WARNING);
        assertThat(record.getMessage())
            .contains("running phase-bound handlers now", invite.eventId().toString(),
                "lambda in UnitFixtures.Journal: after commit", "no unit of work is active");
      });
    }
    assertThat(journal.entries()).containsExactly("mail:invite.created1");
  }

  @Test
  void anEventRaisedAfterCommit_followsThePolicy_evenThoughTheSupportMightStillSayActive() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher(); // FAIL
    List<Throwable> reported = new CopyOnWriteArrayList<>();
    dispatcher.register(MailSent.class, TransactionPhase.AFTER_COMMIT, journal.handler("audit"));
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, invite -> {
      try {
        dispatcher.dispatch(new MailSent(invite.inviteId()));
      } catch (IllegalStateException refused) {
        reported.add(refused);
      }
    });
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
      unit.commit();
    }
    assertThat(reported).singleElement().satisfies(failure -> assertThat(failure)
        .hasMessageContaining("mail.sent")
        .hasMessageContaining("raised by a handler running after its unit of work ended"));
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void anEventRaisedAfterCommit_underRunNow_isDeliveredAtOnce_causedByTheHandledEvent() {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().noUnitOfWorkPolicy(NoUnitOfWorkPolicy.RUN_NOW).build();
    List<DomainEvent> audited = new CopyOnWriteArrayList<>();
    dispatcher.register(MailSent.class, TransactionPhase.AFTER_COMMIT, audited::add);
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT,
        invite -> dispatcher.dispatch(new MailSent(invite.inviteId())));
    InviteCreated invite = new InviteCreated(1);
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch(invite);
      unit.commit();
    }
    assertThat(audited).singleElement()
        .satisfies(mail -> assertThat(mail.causationId()).contains(invite.eventId()));
  }

  @Test
  void anAfterCommitHandler_thatBeginsItsOwnUnit_getsPhaseHandlingForItsEvents() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher(); // FAIL
    dispatcher.register(MailSent.class, TransactionPhase.AFTER_COMMIT, journal.handler("audit"));
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, invite -> {
      try (UnitOfWork own = UnitOfWork.begin()) {
        dispatcher.dispatch(new MailSent(invite.inviteId()));
        journal.add("own unit commits");
        own.commit();
      }
    });
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
      unit.commit();
    }
    assertThat(journal.entries()).containsExactly("own unit commits", "audit:mail.sent1");
  }
}
