package io.github.domainevents;

import org.jspecify.annotations.Nullable;

/**
 * What this thread is doing with units of work, as far as the dispatcher needs to know: which
 * synchronization is running its before-commit handlers (events they raise join it), and
 * whether after-commit, after-rollback or after-completion handlers are running (their unit has
 * ended, so events they raise see no unit of work, whatever the {@link UnitOfWorkSupport} says).
 *
 * <p>Both are set and put back in {@code finally} by the code that runs the handlers, so nothing
 * is left behind after a failure. Only the owning thread touches its instance.
 */
final class PhaseState {
  private static final ThreadLocal<PhaseState> CURRENT = ThreadLocal.withInitial(PhaseState::new);

  /**
   * The synchronization whose before-commit handlers run on this thread, if any: the dispatcher's
   * held events, typed as their interface so that this state does not depend on them.
   */
  @Nullable UnitOfWorkSynchronization runningBeforeCommit;

  /** How many ended units' after-phase handlers are running on this thread (nested). */
  int completing;

  private PhaseState() {}

  static PhaseState current() {
    return CURRENT.get();
  }

  /** True when nothing is running: what every thread must be back to after a unit ends. */
  boolean isIdle() {
    return runningBeforeCommit == null && completing == 0;
  }
}
