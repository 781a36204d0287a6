package io.github.domainevents;

/**
 * When a handler runs relative to the unit of work (the transaction) in which its event was
 * dispatched.
 *
 * <p>{@link #IMMEDIATE} is the default: the handler runs during the dispatch, as if there were
 * no unit of work. A handler bound to any other phase is held when its event is dispatched
 * inside a unit of work and runs when the unit reaches that phase, on the thread that ends the
 * unit, in the causal context of the moment of dispatch: events it raises are caused by the
 * event it handles, exactly as if it had run inline. Outside a unit of work, the dispatcher's
 * {@link NoUnitOfWorkPolicy} decides. See {@link UnitOfWork} for units driven by plain Java code
 * and {@link UnitOfWorkSupport} for binding a framework's transactions.
 *
 * <p>Choose a phase when registering: {@link InProcessEventDispatcher#register(Class,
 * TransactionPhase, DomainEventHandler)}, {@link
 * InProcessEventDispatcher#register(TransactionPhase, DomainEventHandler)} or {@link
 * HandleEvent#phase()}. {@link HandlerInfo#phase()} reports it.
 *
 * @since 0.1.0
 */
public enum TransactionPhase {
  /** Runs during the dispatch, whether or not a unit of work is active. The default. */
  IMMEDIATE,

  /**
   * Runs when the unit of work is about to commit, before the commit. The unit is still active:
   * events the handler dispatches join it. A failure propagates to the code that commits and
   * makes the unit roll back, whatever the dispatcher's {@link ErrorPolicy} (under {@link
   * ErrorPolicy#REPORT_AND_CONTINUE} these handlers run fail-fast).
   */
  BEFORE_COMMIT,

  /**
   * Runs after the unit of work committed (say, to send the welcome mail). The commit cannot be
   * undone: a failure goes to the dispatcher's error policy after every after-commit handler has
   * run. Events the handler dispatches follow the {@link NoUnitOfWorkPolicy}, unless the handler
   * begins a unit of work of its own. Never runs for a unit that rolls back.
   */
  AFTER_COMMIT,

  /**
   * Runs after the unit of work rolled back (say, to record the failed attempt). Never runs for
   * a unit that commits.
   */
  AFTER_ROLLBACK,

  /** Runs after the unit of work ended, committed or rolled back, after the handlers above. */
  AFTER_COMPLETION;

  /** {@code after commit} for {@code AFTER_COMMIT}: for messages and renderings. */
  String words() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
