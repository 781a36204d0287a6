package io.github.domainevents;

/**
 * What an {@link InProcessEventDispatcher} does when a handler throws. Whatever the policy, no
 * failure is ever dropped silently.
 *
 * @since 0.1.0
 */
public enum ErrorPolicy {
  /**
   * The default, as the seed package: the first failing handler stops the dispatch; later
   * handlers do not run. A {@link RuntimeException} or {@link Error} propagates unchanged (the
   * same object the handler threw), carrying a {@link HandlerFailedException} as a suppressed
   * exception that names the event (type and id) and the handler; a checked exception propagates
   * wrapped in an {@link EventDispatchException} whose cause it is and whose message names them.
   *
   * <p>The failure is not logged by the dispatcher, unlike the seed, which logs and re-raises:
   * the exception reaches the caller, who decides whether to log, retry or translate it, and
   * logging it here as well would write every failure twice (once here, once wherever the
   * caller's framework logs uncaught exceptions), in a format and place the caller did not
   * choose. Everything the log line would have said travels with the exception instead.
   */
  FAIL_FAST,

  /**
   * Every handler runs; if any failed, one {@link EventDispatchException} is thrown at the end,
   * carrying the {@link DispatchReport} and every failure as a suppressed exception. {@link
   * VirtualMachineError}s (out of memory, stack overflow) still propagate at once.
   */
  RUN_ALL_THEN_THROW,

  /**
   * Every handler runs; each failure goes to the configured {@link ErrorHandler} (by default
   * logged through {@link System.Logger} at {@code ERROR}) and the dispatch returns normally.
   * {@link VirtualMachineError}s still propagate at once.
   *
   * <p>One exception: {@link TransactionPhase#BEFORE_COMMIT} handlers run as under {@link
   * #FAIL_FAST}, because their failure must reach the code that commits and roll the unit of work
   * back; a reported failure would let the unit commit without the handler's work (an outbox
   * row, say).
   */
  REPORT_AND_CONTINUE
}
