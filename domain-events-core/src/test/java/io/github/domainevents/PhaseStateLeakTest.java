package io.github.domainevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's per-thread unit-of-work state (which synchronization runs before-commit
 * handlers, whether after-phase handlers run) is back to idle after every kind of failure, so a
 * pooled thread starts its next unit clean (AxonFramework #616).
 */
class PhaseStateLeakTest {
  @EventType("thing.done")
  record ThingDone(EventHeader header, int n) implements DomainEvent {
    ThingDone(int n) {
      this(EventHeader.create(), n);
    }
  }

  private final InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();

  @AfterEach
  void idle() {
    assertThat(PhaseState.current().isIdle()).isTrue();
    assertThat(UnitOfWork.isActive()).isFalse();
  }

  @Test
  void afterAFailingBeforeCommitHandler() {
    dispatcher.register(ThingDone.class, TransactionPhase.BEFORE_COMMIT, event -> {
      assertThat(PhaseState.current().runningBeforeCommit).isNotNull();
      throw new IllegalStateException("no");
    });
    UnitOfWork unit = UnitOfWork.begin();
    dispatcher.dispatch(new ThingDone(1));
    assertThat(catchThrowable(unit::commit)).hasMessage("no");
  }

  @Test
  void afterFailingAfterCommitAndAfterRollbackHandlers() {
    dispatcher.register(ThingDone.class, TransactionPhase.AFTER_COMMIT, event -> {
      assertThat(PhaseState.current().completing).isEqualTo(1);
      throw new IllegalStateException("after commit");
    });
    dispatcher.register(ThingDone.class, TransactionPhase.AFTER_ROLLBACK, event -> {
      throw new IllegalStateException("after rollback");
    });
    UnitOfWork committed = UnitOfWork.begin();
    dispatcher.dispatch(new ThingDone(1));
    assertThat(catchThrowable(committed::commit)).isNotNull();
    UnitOfWork rolledBack = UnitOfWork.begin();
    dispatcher.dispatch(new ThingDone(2));
    assertThat(catchThrowable(rolledBack::rollback)).isNotNull();
  }

  @Test
  void afterAnUnendedUnitBegunInsideAnAfterCommitHandlerIsClosed() {
    dispatcher.register(ThingDone.class, TransactionPhase.AFTER_COMMIT, event -> {
      try (UnitOfWork inner = UnitOfWork.begin()) {
        assertThat(PhaseState.current().completing).isZero();
        throw new IllegalArgumentException("inner work fails");
      }
    });
    UnitOfWork unit = UnitOfWork.begin();
    dispatcher.dispatch(new ThingDone(1));
    assertThat(catchThrowable(unit::commit)).isNotNull();
  }
}
