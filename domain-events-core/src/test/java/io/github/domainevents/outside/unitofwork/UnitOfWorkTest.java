package io.github.domainevents.outside.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.outside.unitofwork.UnitFixtures.InviteCreated;
import io.github.domainevents.outside.unitofwork.UnitFixtures.Journal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The plain-Java {@link UnitOfWork}: beginning, ending, nesting, misuse. */
class UnitOfWorkTest {
  private final Journal journal = new Journal();
  private final InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();

  @BeforeEach
  void handlers() {
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, journal.handler("committed"));
    dispatcher.register(
        InviteCreated.class, TransactionPhase.AFTER_ROLLBACK, journal.handler("rolled back"));
  }

  @AfterEach
  void noUnitLeftBehind() {
    assertThat(UnitOfWork.isActive()).isFalse();
  }

  @Test
  void isActive_betweenBeginAndEnd_only() {
    assertThat(UnitOfWork.isActive()).isFalse();
    UnitOfWork unit = UnitOfWork.begin();
    assertThat(UnitOfWork.isActive()).isTrue();
    assertThat(UnitOfWork.support().isActive()).isTrue();
    unit.commit();
    assertThat(UnitOfWork.isActive()).isFalse();
    assertThat(UnitOfWork.support().isActive()).isFalse();
  }

  @Test
  void joinedInnerUnit_deliversOnlyAfterTheOutermostCommit() {
    try (UnitOfWork outer = UnitOfWork.begin()) {
      try (UnitOfWork inner = UnitOfWork.begin()) {
        dispatcher.dispatch(new InviteCreated(1));
        inner.commit();
        assertThat(inner).hasToString("UnitOfWork[joined, committed]");
      }
      assertThat(journal.entries()).isEmpty();
      outer.commit();
    }
    assertThat(journal.entries()).containsExactly("committed:invite.created1");
  }

  @Test
  void joinedInnerRollback_marksTheWholeUnitRollbackOnly_andTheOuterCommitRollsBackLoudly() {
    UnitOfWork outer = UnitOfWork.begin();
    try (UnitOfWork inner = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
      inner.rollback();
    }
    assertThatThrownBy(outer::commit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rolled back, not committed")
        .hasMessageContaining("a joined unit of work was rolled back");
    assertThat(journal.entries()).containsExactly("rolled back:invite.created1");
  }

  @Test
  void joinedInnerClosedWithoutCommit_marksRollbackOnly() {
    UnitOfWork outer = UnitOfWork.begin();
    try (UnitOfWork inner = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
    }
    assertThatThrownBy(outer::commit).hasMessageContaining("closed without commit");
    assertThat(journal.entries()).containsExactly("rolled back:invite.created1");
  }

  @Test
  void setRollbackOnly_makesCommitRollBack() {
    UnitOfWork unit = UnitOfWork.begin();
    dispatcher.dispatch(new InviteCreated(1));
    unit.setRollbackOnly();
    assertThatThrownBy(unit::commit).hasMessageContaining("setRollbackOnly() was called");
    assertThat(journal.entries()).containsExactly("rolled back:invite.created1");
  }

  @Test
  void beforeCommitHandler_whoseJoinedUnitRollsBack_makesTheCommitRollBackLoudly() {
    dispatcher.register(
        InviteCreated.class,
        TransactionPhase.BEFORE_COMMIT,
        event -> {
          try (UnitOfWork joined = UnitOfWork.begin()) { // say, a service method that failed
            joined.rollback();
          }
        });
    UnitOfWork unit = UnitOfWork.begin();
    dispatcher.dispatch(new InviteCreated(1));

    assertThatThrownBy(unit::commit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rolled back, not committed")
        .hasMessageContaining("a joined unit of work was rolled back");
    assertThat(journal.entries()).containsExactly("rolled back:invite.created1");
  }

  @Test
  void independentInnerUnit_thatCommits_deliversAtItsOwnEnd_evenWhenTheOuterRollsBack() {
    try (UnitOfWork outer = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
      try (UnitOfWork inner = UnitOfWork.beginIndependent()) {
        dispatcher.dispatch(new InviteCreated(2));
        inner.commit();
      }
      assertThat(journal.entries()).containsExactly("committed:invite.created2");
      assertThat(UnitOfWork.isActive()).isTrue(); // the outer one is back
      outer.rollback();
    }
    assertThat(journal.entries())
        .containsExactly("committed:invite.created2", "rolled back:invite.created1");
  }

  @Test
  void independentInnerUnit_thatRollsBack_leavesTheOuterOneToCommit() {
    try (UnitOfWork outer = UnitOfWork.begin()) {
      try (UnitOfWork inner = UnitOfWork.beginIndependent()) {
        dispatcher.dispatch(new InviteCreated(2));
      }
      dispatcher.dispatch(new InviteCreated(1));
      outer.commit();
    }
    assertThat(journal.entries())
        .containsExactly("rolled back:invite.created2", "committed:invite.created1");
  }

  @Test
  void endingTwice_isRejected_butCloseAfterAnEndDoesNothing() {
    UnitOfWork unit = UnitOfWork.begin();
    unit.commit();
    unit.close();
    assertThatThrownBy(unit::commit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already committed");
    assertThatThrownBy(unit::rollback).hasMessageContaining("already committed");
    assertThatThrownBy(unit::setRollbackOnly).hasMessageContaining("already committed");
  }

  @Test
  void endingTheOuterUnitWhileAnIndependentInnerOneIsOpen_isRejected_andChangesNothing() {
    UnitOfWork outer = UnitOfWork.begin();
    UnitOfWork inner = UnitOfWork.beginIndependent();
    assertThatThrownBy(outer::commit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("independent unit of work begun inside this one is still open");
    inner.commit();
    outer.commit();
    assertThat(outer).hasToString("UnitOfWork[committed]");
  }

  @Test
  @Timeout(10)
  void endingOnAnotherThread_isRejected() throws Exception {
    UnitOfWork unit = UnitOfWork.begin();
    try {
      Throwable failure = CompletableFuture.supplyAsync(() -> {
        try {
          unit.commit();
          return null;
        } catch (IllegalStateException expected) {
          return expected;
        }
      }).get(5, TimeUnit.SECONDS);
      assertThat(failure).hasMessageContaining("must end on the thread that began it");
      assertThat(unit).hasToString("UnitOfWork[open]");
    } finally {
      unit.rollback();
    }
  }

  @Test
  void support_registeringWithoutAUnit_isRejected() {
    assertThatThrownBy(() -> UnitOfWork.support().registerSynchronization(
        new io.github.domainevents.UnitOfWorkSynchronization() {
          @Override
          public void beforeCommit() {}

          @Override
          public void afterCommit() {}

          @Override
          public void afterCompletion(boolean committed) {}
        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no unit of work is active");
    assertThat(UnitOfWork.support()).hasToString("UnitOfWork.support()");
  }
}
