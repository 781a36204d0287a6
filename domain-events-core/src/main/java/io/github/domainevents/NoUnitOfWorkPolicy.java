package io.github.domainevents;

/**
 * What an {@link InProcessEventDispatcher} does when an event has handlers bound to a {@link
 * TransactionPhase} other than {@link TransactionPhase#IMMEDIATE} but no unit of work is active
 * on the dispatching thread. Chosen with {@link
 * InProcessEventDispatcher.Builder#noUnitOfWorkPolicy}. No policy drops the event silently:
 * Spring's {@code @TransactionalEventListener} skips such events with a DEBUG log line, which
 * is how welcome mails go missing in production.
 *
 * <p>Running "now" treats the dispatch as a unit of work that commits at once: the immediate
 * handlers run first, then the before-commit, after-commit and after-completion handlers, in
 * that order, all during the dispatch and under the dispatcher's {@link ErrorPolicy}; the
 * after-rollback handlers do not run, since nothing rolled back.
 *
 * @since 0.1.0
 */
public enum NoUnitOfWorkPolicy {
  /**
   * The default: the dispatch throws an {@link IllegalStateException} before any handler runs,
   * naming the event type, the phase-bound handlers and what to do. A handler bound to a phase
   * says that its effect must follow a commit; dispatching its event outside any unit of work
   * is most often a missing transaction boundary, and failing shows it at the first test run
   * instead of as a mail sent for data that was never written. Choose one of the other policies
   * where dispatching outside a unit of work is expected (batch jobs, command-line tools).
   */
  FAIL,

  /** The handlers run now, as described above, without a word. */
  RUN_NOW,

  /**
   * The handlers run now, as described above, and each such dispatch is logged as a warning
   * through {@link System.Logger} naming the event and the phase-bound handlers.
   */
  RUN_NOW_WITH_WARNING
}
