package io.github.domainevents.outside.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DispatchDepthExceededException;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.HandlerFailure;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.NoUnitOfWorkPolicy;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.outside.unitofwork.UnitFixtures.InviteCreated;
import io.github.domainevents.outside.unitofwork.UnitFixtures.Journal;
import io.github.domainevents.outside.unitofwork.UnitFixtures.MailSent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What happens when phase handlers fail, or loop: loud, bounded, nothing left behind. */
class PhaseFailuresTest {
  private final Journal journal = new Journal();

  @AfterEach
  void noUnitLeftBehind() {
    assertThat(UnitOfWork.isActive()).isFalse();
  }

  @Test
  void beforeCommitFailure_propagatesUnchanged_andRollsTheUnitBack() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    IllegalStateException refused = new IllegalStateException("quota exceeded");
    dispatcher.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT, event -> {
      throw refused;
    });
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, journal.handler("mail"));
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_ROLLBACK, journal.handler("undo"));
    UnitOfWork unit = UnitOfWork.begin();
    dispatcher.dispatch(new InviteCreated(1));

    assertThatThrownBy(unit::commit).isSameAs(refused);
    assertThat(journal.entries()).containsExactly("undo:invite.created1");
    assertThat(unit).hasToString("UnitOfWork[committed]"); // ended: commit was asked for
    unit.close(); // nothing more happens
    assertThat(journal.entries()).containsExactly("undo:invite.created1");
  }

  @Test
  void beforeCommitFailure_underReportAndContinue_stillPropagates_andRollsTheUnitBack() {
    List<HandlerFailure> reported = new CopyOnWriteArrayList<>();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().reportAndContinue(reported::add).build();
    IllegalStateException refused = new IllegalStateException("outbox insert failed");
    dispatcher.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT, event -> {
      throw refused;
    });
    dispatcher.register(
        InviteCreated.class, TransactionPhase.BEFORE_COMMIT, journal.handler("second"));
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, journal.handler("mail"));
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_ROLLBACK, journal.handler("undo"));
    UnitOfWork unit = UnitOfWork.begin();
    dispatcher.dispatch(new InviteCreated(1));

    assertThatThrownBy(unit::commit).isSameAs(refused);
    assertThat(journal.entries()).containsExactly("undo:invite.created1");
    assertThat(reported).isEmpty(); // the committer gets it; reporting as well would say it twice
  }

  @Test
  void immediateFailure_underReportAndContinue_isReported_andTheUnitStillCommits() {
    List<HandlerFailure> reported = new CopyOnWriteArrayList<>();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().reportAndContinue(reported::add).build();
    dispatcher.register(InviteCreated.class, event -> {
      throw new IllegalStateException("cache down");
    });
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, journal.handler("mail"));
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
      unit.commit();
    }
    assertThat(reported).singleElement()
        .satisfies(failure -> assertThat(failure.exception()).hasMessage("cache down"));
    assertThat(journal.entries()).containsExactly("mail:invite.created1");
  }

  @Test
  void beforeCommitCheckedFailure_isWrapped_namingHandlerAndEvent() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT, event -> {
      throw new IOException("disk full");
    });
    InviteCreated invite = new InviteCreated(1);
    UnitOfWork unit = UnitOfWork.begin();
    dispatcher.dispatch(invite);
    assertThatThrownBy(unit::commit)
        .isInstanceOf(EventDispatchException.class)
        .hasMessageContaining(invite.eventId().toString())
        .hasMessageContaining("disk full")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void afterCommitFailure_underFailFast_otherHandlersStillRun_thenCommitThrowsAllFailures() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, event -> {
      throw new IllegalStateException("smtp down " + event.inviteId());
    });
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, journal.handler("cache"));
    dispatcher.register(
        InviteCreated.class, TransactionPhase.AFTER_COMPLETION, journal.handler("cleanup"));
    UnitOfWork unit = UnitOfWork.begin();
    dispatcher.dispatch(new InviteCreated(1));
    dispatcher.dispatch(new InviteCreated(2));

    assertThatThrownBy(unit::commit)
        .isInstanceOf(EventDispatchException.class)
        .hasMessageContaining("1 of 2 handlers failed on invite.created")
        .satisfies(failure -> assertThat(allMessages(failure))
            .contains("smtp down 1", "smtp down 2"));
    assertThat(journal.entries()).containsExactly(
        "cache:invite.created1", "cache:invite.created2",
        "cleanup:invite.created1", "cleanup:invite.created2");
  }

  @Test
  void afterCommitFailure_underReportAndContinue_goesToTheErrorHandler_withThePhase() {
    List<HandlerFailure> failures = new CopyOnWriteArrayList<>();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().reportAndContinue(failures::add).build();
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, event -> {
      throw new IllegalStateException("smtp down");
    });
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, journal.handler("cache"));
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
      unit.commit();
    }
    assertThat(failures).singleElement().satisfies(failure -> {
      assertThat(failure.handler().phase()).isEqualTo(TransactionPhase.AFTER_COMMIT);
      assertThat(failure.exception()).hasMessage("smtp down");
    });
    assertThat(journal.entries()).containsExactly("cache:invite.created1");
  }

  @Test
  void afterRollbackFailure_otherHandlersStillRun_thenRollbackThrows() {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().errorPolicy(ErrorPolicy.RUN_ALL_THEN_THROW).build();
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_ROLLBACK, event -> {
      throw new IllegalStateException("undo failed");
    });
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_ROLLBACK, journal.handler("undo"));
    UnitOfWork unit = UnitOfWork.begin();
    dispatcher.dispatch(new InviteCreated(1));
    assertThatThrownBy(unit::rollback)
        .isInstanceOf(EventDispatchException.class)
        .satisfies(failure -> assertThat(allMessages(failure)).contains("undo failed"));
    assertThat(journal.entries()).containsExactly("undo:invite.created1");
  }

  @Test
  void endlessBeforeCommitLoop_stopsAtTheDepthLimit_namingTheChain_andRollsBack() {
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder().maxDepth(5).build();
    dispatcher.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT,
        invite -> dispatcher.dispatch(new MailSent(invite.inviteId())));
    dispatcher.register(MailSent.class, TransactionPhase.BEFORE_COMMIT,
        mail -> dispatcher.dispatch(new InviteCreated(mail.inviteId())));
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_ROLLBACK, journal.handler("undo"));
    UnitOfWork unit = UnitOfWork.begin();
    dispatcher.dispatch(new InviteCreated(1));

    assertThatThrownBy(unit::commit)
        .isInstanceOf(DispatchDepthExceededException.class)
        .hasMessageContaining(
            "invite.created -> mail.sent -> invite.created -> mail.sent -> invite.created"
                + " -> mail.sent");
    assertThat(journal.entries()).containsExactly(
        "undo:invite.created1", "undo:invite.created1", "undo:invite.created1");
  }

  @Test
  void endlessAfterCommitLoop_throughNewUnits_stopsAtTheDepthLimit_namingTheChain() {
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder().maxDepth(4).build();
    List<Integer> sent = new CopyOnWriteArrayList<>();
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, invite -> {
      sent.add((int) invite.inviteId());
      try (UnitOfWork again = UnitOfWork.begin()) {
        dispatcher.dispatch(new InviteCreated(invite.inviteId() + 1));
        again.commit();
      }
    });
    UnitOfWork unit = UnitOfWork.begin();
    dispatcher.dispatch(new InviteCreated(1));

    assertThatThrownBy(unit::commit)
        .isInstanceOf(EventDispatchException.class)
        .satisfies(failure -> assertThat(allMessages(failure))
            .contains("invite.created -> invite.created -> invite.created -> invite.created"
                + " -> invite.created"));
    assertThat(sent).containsExactly(1, 2, 3, 4);
  }

  @Test
  void endlessAfterCommitLoop_underRunNow_isBoundedToo() {
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .maxDepth(3)
        .noUnitOfWorkPolicy(NoUnitOfWorkPolicy.RUN_NOW)
        .build();
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT,
        invite -> dispatcher.dispatch(new InviteCreated(invite.inviteId() + 1)));
    UnitOfWork unit = UnitOfWork.begin();
    dispatcher.dispatch(new InviteCreated(1));
    assertThatThrownBy(unit::commit)
        .satisfies(failure -> assertThat(allMessages(failure))
            .contains("nested dispatch deeper than the limit of 3"));
  }

  /** The messages of a failure, its causes and everything suppressed, for content checks. */
  static String allMessages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    collect(failure, text, 0);
    return text.toString();
  }

  private static void collect(Throwable failure, StringBuilder text, int depth) {
    if (depth > 10) {
      return;
    }
    text.append(failure).append('\n');
    for (Throwable suppressed : failure.getSuppressed()) {
      collect(suppressed, text, depth + 1);
    }
    if (failure.getCause() != null && failure.getCause() != failure) {
      collect(failure.getCause(), text, depth + 1);
    }
  }
}
