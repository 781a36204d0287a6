package io.github.domainevents;

import io.github.domainevents.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A unit of work that plain Java code drives, for handlers bound to a {@link TransactionPhase}
 * when no framework manages transactions. It is bound to the thread that begins it; an {@link
 * InProcessEventDispatcher} built with the default {@link UnitOfWorkSupport} ({@link
 * #support()}) holds the phase-bound handlers of events dispatched inside it until it ends.
 *
 * <pre>{@code
 * try (UnitOfWork unit = UnitOfWork.begin()) {
 *   invites.save(invite);
 *   dispatcher.dispatch(new InviteCreated(invite.id(), invite.email())); // after-commit: held
 *   unit.commit();                                                      // ...and run here
 * } // closed without commit (an exception above): rolled back; after-commit handlers never run
 * }</pre>
 *
 * <h2>Ending</h2>
 *
 * {@link #commit()} runs the before-commit handlers (a failure rolls the unit back and
 * propagates), then the after-commit and after-completion handlers. {@link #rollback()}, and
 * {@link #close()} without a commit, run the after-rollback and after-completion handlers. Each
 * unit ends exactly once: ending it again throws, except {@code close()}, which then does
 * nothing. Whatever fails, the unit is removed from its thread before the method returns or
 * throws, so nothing of it is left for the next unit on that thread (say, a pooled thread).
 *
 * <h2>Nesting</h2>
 *
 * {@link #begin()} inside an active unit joins it: committing the inner handle does nothing (the
 * outermost commit decides), rolling it back or closing it without commit marks the whole unit
 * rollback-only, so that the outermost commit rolls back and throws. {@link #beginIndependent()}
 * always starts a unit of its own: the outer unit is set aside until the inner one ends, and the
 * inner one's phase handlers run at its own end, whatever the outer one does later. Units must
 * end innermost first.
 *
 * <h2>Threading</h2>
 *
 * A unit belongs to the thread that began it and must end there; the static methods act on the
 * calling thread's units only, so units on different threads never see each other. Work handed
 * to other threads (including {@code dispatchAsync}) does not run inside the unit, but its
 * phase-bound handlers were held by it on the dispatching thread.
 *
 * @since 0.1.0
 */
public final class UnitOfWork implements AutoCloseable {
  private static final ThreadLocal<Unit> CURRENT = new ThreadLocal<>();

  private final Unit unit;
  private final boolean joined;
  private final Thread thread;
  private final int savedCompleting;
  private final @Nullable UnitOfWorkSynchronization savedBeforeCommit;
  private @Nullable String ended;

  private UnitOfWork(Unit unit, boolean joined) {
    this.unit = unit;
    this.joined = joined;
    this.thread = Thread.currentThread();
    // A unit begun by a handler that runs after its own unit ended is a real unit again; an
    // independent unit begun by a before-commit handler does not join the committing one.
    PhaseState state = PhaseState.current();
    this.savedCompleting = state.completing;
    this.savedBeforeCommit = state.runningBeforeCommit;
    state.completing = 0;
    if (!joined) {
      state.runningBeforeCommit = null;
    }
  }

  /**
   * Begins a unit of work on the calling thread, or joins the one already active there.
   *
   * @return the unit; end it with {@link #commit()}, {@link #rollback()} or {@link #close()}
   */
  public static UnitOfWork begin() {
    Unit current = CURRENT.get();
    return current != null ? new UnitOfWork(current, true) : beginIndependent();
  }

  /**
   * Begins a unit of work on the calling thread that commits or rolls back on its own, even
   * inside another one (which is set aside until this one ends).
   *
   * @return the unit; end it with {@link #commit()}, {@link #rollback()} or {@link #close()}
   */
  public static UnitOfWork beginIndependent() {
    Unit unit = new Unit(CURRENT.get());
    CURRENT.set(unit);
    return new UnitOfWork(unit, false);
  }

  /**
   * Tells whether a unit of work begun with this class is active on the calling thread.
   *
   * @return true inside {@link #begin()} ... commit/rollback/close on this thread
   */
  public static boolean isActive() {
    return CURRENT.get() != null;
  }

  /**
   * Returns the {@link UnitOfWorkSupport} for units begun with this class: the default of
   * {@link InProcessEventDispatcher.Builder#unitOfWorkSupport}.
   *
   * @return the support; one shared instance, safe for concurrent use
   */
  public static UnitOfWorkSupport support() {
    return ThreadUnits.INSTANCE;
  }

  /**
   * Commits: runs the before-commit handlers of the events dispatched in this unit (and of those
   * they raise), then its after-commit and after-completion handlers. For a joined unit, does
   * nothing: the outermost unit commits.
   *
   * @throws IllegalStateException if this unit already ended, is ended on another thread than
   *     the one that began it, or an independent unit begun inside it is still open (nothing
   *     changes then); or if the unit was marked rollback-only, before the commit or by a
   *     before-commit handler (it is rolled back, the after-rollback handlers run, then this is
   *     thrown)
   * @throws RuntimeException what a before-commit handler threw (under the dispatcher's error
   *     policy); the unit was rolled back and its after-rollback handlers ran first
   * @throws EventDispatchException if after-commit or after-completion handlers failed and the
   *     dispatcher's error policy is not {@link ErrorPolicy#REPORT_AND_CONTINUE}: the unit is
   *     committed, every such handler ran, the failures are attached
   */
  public void commit() {
    end("committed");
    try {
      if (joined) {
        return;
      }
      rollBackIfRollbackOnly();
      try {
        for (int i = 0; i < unit.synchronizations.size(); i++) { // may grow while it runs
          unit.synchronizations.get(i).beforeCommit();
        }
      } catch (RuntimeException | Error failure) {
        complete(false, failure);
        throw failure;
      }
      rollBackIfRollbackOnly(); // a before-commit handler may have marked it (a joined unit)
      complete(true, null);
    } finally {
      restorePhaseState();
    }
  }

  /** If the unit was marked rollback-only, rolls it back and throws why. */
  private void rollBackIfRollbackOnly() {
    String rollbackOnly = unit.rollbackOnly;
    if (rollbackOnly != null) {
      IllegalStateException rolledBack =
          new IllegalStateException(
              "the unit of work was rolled back, not committed: " + rollbackOnly);
      complete(false, rolledBack);
      throw rolledBack;
    }
  }

  /**
   * Rolls back: runs the after-rollback and after-completion handlers of the events dispatched
   * in this unit. For a joined unit, marks the whole unit rollback-only instead.
   *
   * @throws IllegalStateException as for {@link #commit()}, except for rollback-only
   * @throws EventDispatchException if after-rollback or after-completion handlers failed and the
   *     dispatcher's error policy is not {@link ErrorPolicy#REPORT_AND_CONTINUE}; the unit is
   *     rolled back and every such handler ran
   */
  public void rollback() {
    end("rolled back");
    try {
      if (joined) {
        unit.rollbackOnly = "a joined unit of work was rolled back";
        return;
      }
      complete(false, null);
    } finally {
      restorePhaseState();
    }
  }

  /**
   * Marks the unit rollback-only: its outermost commit rolls it back and throws.
   *
   * @throws IllegalStateException if this unit already ended
   */
  public void setRollbackOnly() {
    Checks.requireState(ended == null, "this unit of work has already " + ended);
    unit.rollbackOnly = "setRollbackOnly() was called";
  }

  /**
   * Rolls back if the unit was neither committed nor rolled back (see {@link #rollback()});
   * otherwise does nothing. Meant for try-with-resources.
   *
   * @throws IllegalStateException as for {@link #rollback()}, if the unit had not ended
   * @throws EventDispatchException as for {@link #rollback()}
   */
  @Override
  public void close() {
    if (ended == null) {
      if (joined) {
        end("rolled back");
        unit.rollbackOnly = "a joined unit of work was closed without commit";
        restorePhaseState();
      } else {
        rollback();
      }
    }
  }

  /** Returns {@code UnitOfWork[open]}, {@code UnitOfWork[joined, committed]} and the like. */
  @Override
  public String toString() {
    return "UnitOfWork[" + (joined ? "joined, " : "") + (ended == null ? "open" : ended) + "]";
  }

  /** Puts back what the constructor changed in the thread's phase state. */
  private void restorePhaseState() {
    PhaseState state = PhaseState.current();
    state.completing = savedCompleting;
    state.runningBeforeCommit = savedBeforeCommit;
  }

  private void end(String how) {
    Checks.requireState(
        Thread.currentThread() == thread,
        "a unit of work must end on the thread that began it (" + thread.getName()
            + "), not on " + Thread.currentThread().getName());
    Checks.requireState(ended == null, "this unit of work has already " + ended);
    Checks.requireState(
        joined || CURRENT.get() == unit,
        "an independent unit of work begun inside this one is still open; end it first");
    ended = how;
  }

  /**
   * Ends the unit: takes it off the thread first (whatever happens next, nothing is left
   * behind), then runs the after-callbacks, every one, collecting failures. With a {@code
   * primary} failure, later failures are attached to it; otherwise the first is thrown.
   */
  private void complete(boolean committed, @Nullable Throwable primary) {
    Unit outer = unit.outer;
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
    // nothing can register on the unit any more: it is off the thread
    List<UnitOfWorkSynchronization> synchronizations = unit.synchronizations;
    RuntimeException failure = null;
    try {
      if (committed) {
        for (UnitOfWorkSynchronization synchronization : synchronizations) {
          try {
            synchronization.afterCommit();
          } catch (RuntimeException thrown) {
            failure = collect(primary, failure, thrown);
          }
        }
      }
      for (UnitOfWorkSynchronization synchronization : synchronizations) {
        try {
          synchronization.afterCompletion(committed);
        } catch (RuntimeException thrown) {
          failure = collect(primary, failure, thrown);
        }
      }
    } finally {
      synchronizations.clear();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static @Nullable RuntimeException collect(
      @Nullable Throwable primary, @Nullable RuntimeException first, RuntimeException thrown) {
    if (primary != null) {
      primary.addSuppressed(thrown);
      return null;
    }
    if (first != null) {
      first.addSuppressed(thrown);
      return first;
    }
    return thrown;
  }

  /** One real unit (joined handles share it); confined to its thread. */
  private static final class Unit {
    final @Nullable Unit outer;
    final List<UnitOfWorkSynchronization> synchronizations = new ArrayList<>(2);
    @Nullable String rollbackOnly;

    Unit(@Nullable Unit outer) {
      this.outer = outer;
    }
  }

  /** The {@link UnitOfWorkSupport} of these units. */
  private enum ThreadUnits implements UnitOfWorkSupport {
    INSTANCE;

    @Override
    public boolean isActive() {
      return CURRENT.get() != null;
    }

    @Override
    public void registerSynchronization(UnitOfWorkSynchronization synchronization) {
      Checks.requireNonNull(synchronization, "synchronization");
      Unit unit = CURRENT.get();
      Checks.requireState(unit != null, "no unit of work is active on this thread");
      unit.synchronizations.add(synchronization);
    }

    @Override
    public String toString() {
      return "UnitOfWork.support()";
    }
  }
}
