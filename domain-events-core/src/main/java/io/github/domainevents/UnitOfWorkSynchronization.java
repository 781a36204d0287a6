package io.github.domainevents;

/**
 * Callbacks a {@link UnitOfWorkSupport} invokes as the unit of work it was registered on ends;
 * the dispatcher registers one to run its phase-bound handlers. The same shape as Spring's
 * {@code TransactionSynchronization}: an integration adapts one to the other.
 *
 * <p>For a unit that commits, the support calls {@link #beforeCommit()}, commits, then calls
 * {@link #afterCommit()} and {@link #afterCompletion(boolean) afterCompletion(true)}. For a unit
 * that rolls back (also when {@code beforeCommit} or the commit itself failed), it calls {@link
 * #afterCompletion(boolean) afterCompletion(false)} only. All calls happen on the thread that
 * ends the unit.
 *
 * @since 0.1.0
 */
public interface UnitOfWorkSynchronization {

  /**
   * Called before the unit commits, while it is still active.
   *
   * @throws RuntimeException a before-commit handler's failure; the support must then roll the
   *     unit back (calling {@link #afterCompletion(boolean) afterCompletion(false)}) and let the
   *     failure reach the code that asked for the commit
   */
  void beforeCommit();

  /**
   * Called after the unit committed. Every after-commit handler runs even if some fail.
   *
   * @throws RuntimeException after every after-commit handler ran, if some failed and the
   *     dispatcher's error policy is not {@link ErrorPolicy#REPORT_AND_CONTINUE}; the commit
   *     stands
   */
  void afterCommit();

  /**
   * Called after the unit ended, whether it committed or rolled back; runs the after-rollback
   * (when not committed) and after-completion handlers. Every such handler runs even if some
   * fail.
   *
   * @param committed true if the unit committed, false if it rolled back or its outcome is
   *     unknown
   * @throws RuntimeException after every handler ran, if some failed and the dispatcher's error
   *     policy is not {@link ErrorPolicy#REPORT_AND_CONTINUE}
   */
  void afterCompletion(boolean committed);
}
