package io.github.domainevents;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The events of one unit of work whose phase-bound handlers are waiting for its end: the
 * synchronization the dispatcher registers on a {@link UnitOfWorkSupport}.
 *
 * <p>Usually it holds one event. Events raised by its before-commit handlers are appended while
 * {@link #beforeCommit} runs, and that loop picks them up, so their before-commit handlers run
 * before the commit and their other phases with the rest; no support has to accept
 * registrations during before-commit. Once the unit has ended the list is cleared: nothing of a
 * finished unit stays reachable from here.
 *
 * <p>Confined to the thread of its unit of work.
 */
final class HeldEvents implements UnitOfWorkSynchronization {
  private final UnitOfWorkSupport support;
  private final List<Held> held = new ArrayList<>(2);

  HeldEvents(UnitOfWorkSupport support, Held first) {
    this.support = support;
    held.add(first);
  }

  boolean belongsTo(UnitOfWorkSupport other) {
    return support == other;
  }

  void add(Held event) {
    held.add(event);
  }

  @Override
  public void beforeCommit() {
    PhaseState state = PhaseState.current();
    HeldEvents outer = state.runningBeforeCommit;
    state.runningBeforeCommit = this;
    try {
      for (int i = 0; i < held.size(); i++) { // grows while we run: raised events join
        Held event = held.get(i);
        event.owner.runBeforeCommit(event);
      }
    } finally {
      state.runningBeforeCommit = outer;
    }
  }

  @Override
  public void afterCommit() {
    runAfter(TransactionPhase.AFTER_COMMIT, null);
  }

  @Override
  public void afterCompletion(boolean committed) {
    try {
      runAfter(
          committed ? TransactionPhase.AFTER_COMPLETION : TransactionPhase.AFTER_ROLLBACK,
          committed ? null : TransactionPhase.AFTER_COMPLETION);
    } finally {
      held.clear();
    }
  }

  /**
   * Runs every held event's handlers of {@code phase}, then of {@code then}: all of them, with
   * the thread marked as having no unit of work; the first failure is thrown at the end, later
   * ones attached to it.
   */
  private void runAfter(TransactionPhase phase, @Nullable TransactionPhase then) {
    PhaseState state = PhaseState.current();
    state.completing++;
    RuntimeException failures = null;
    try {
      failures = runAll(phase, failures);
      if (then != null) {
        failures = runAll(then, failures);
      }
    } finally {
      state.completing--;
    }
    if (failures != null) {
      throw failures;
    }
  }

  private @Nullable RuntimeException runAll(
      TransactionPhase phase, @Nullable RuntimeException failures) {
    RuntimeException collected = failures;
    for (int i = 0; i < held.size(); i++) {
      Held event = held.get(i);
      try {
        event.owner.runAfter(event, phase);
      } catch (RuntimeException failure) {
        if (collected == null) {
          collected = failure;
        } else {
          collected.addSuppressed(failure);
        }
      }
    }
    return collected;
  }

  @Override
  public String toString() {
    return "HeldEvents" + held;
  }

  /** One dispatched event waiting for phases of its unit of work. */
  static final class Held {
    final UnitOfWorkDispatch owner;
    final DomainEvent event;
    final PhasePlan plan;
    final AmbientContext.Captured context;
    final boolean async;

    Held(
        UnitOfWorkDispatch owner,
        DomainEvent event,
        PhasePlan plan,
        AmbientContext.Captured context,
        boolean async) {
      this.owner = owner;
      this.event = event;
      this.plan = plan;
      this.context = context;
      this.async = async;
    }

    @Override
    public String toString() {
      return event.eventType() + " " + event.eventId();
    }
  }
}
