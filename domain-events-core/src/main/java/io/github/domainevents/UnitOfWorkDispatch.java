package io.github.domainevents;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The dispatcher's side of units of work: decides, for an event with phase-bound handlers,
 * whether to hold them for the unit of work active on this thread or to follow the {@link
 * NoUnitOfWorkPolicy}, and runs held handlers at their phase in the causal context of the moment
 * of dispatch. Only dispatches of such events come here; the others never touch this class.
 *
 * <p>Safe for concurrent use: its own fields are final; per-unit state lives in {@link
 * HeldEvents}, per-thread state in {@link PhaseState}.
 */
final class UnitOfWorkDispatch implements HeldEvents.Owner {
  /** The dispatcher's logger: what it logs is the dispatcher's doing. */
  private static final System.Logger LOG =
      System.getLogger("io.github.domainevents.InProcessEventDispatcher");

  private final Phases dispatcher;
  private final UnitOfWorkSupport support;
  private final NoUnitOfWorkPolicy policy;
  private final ErrorPolicy errorPolicy;

  UnitOfWorkDispatch(
      Phases dispatcher,
      UnitOfWorkSupport support,
      NoUnitOfWorkPolicy policy,
      ErrorPolicy errorPolicy) {
    this.dispatcher = dispatcher;
    this.support = support;
    this.policy = policy;
    this.errorPolicy = errorPolicy;
  }

  /**
   * How held handlers are run: the dispatcher's side, given to this class so that it does not
   * depend on the dispatcher. Implementations are safe for concurrent use.
   */
  interface Phases {
    /** Tells whether the dispatcher is closed: asynchronous phases then run on the caller. */
    boolean isClosed();

    /** Runs {@code handlers} for {@code event} on this thread under {@code policy}. */
    void run(DomainEvent event, HandlerEntry[] handlers, ErrorPolicy policy);

    /**
     * Hands {@code handlers} for {@code event} to the executor, to run in {@code context} under
     * {@link ErrorPolicy#REPORT_AND_CONTINUE}.
     *
     * @throws IllegalStateException if the dispatcher was closed meanwhile
     */
    CompletableFuture<DispatchReport> submit(
        DomainEvent event, AmbientContext.Captured context, HandlerEntry[] handlers);
  }

  UnitOfWorkSupport support() {
    return support;
  }

  NoUnitOfWorkPolicy policy() {
    return policy;
  }

  /**
   * Holds the phase-bound handlers of {@code event} for the active unit of work and returns the
   * handlers to run now: the immediate ones. Without a unit, follows the policy: throws, or
   * returns every handler but the after-rollback ones, in phase order.
   *
   * @throws IllegalStateException under {@link NoUnitOfWorkPolicy#FAIL} with no unit active
   */
  HandlerEntry[] handlersToRunNow(DomainEvent event, PhasePlan plan, boolean async) {
    PhaseState state = PhaseState.current();
    if (state.completing == 0 && support.isActive()) {
      HeldEvents.Held held =
          new HeldEvents.Held(this, event, plan, AmbientContext.current().capture(), async);
      if (state.runningBeforeCommit instanceof HeldEvents running
          && running.belongsTo(support)) {
        running.add(held); // raised by a before-commit handler: joins the unit being committed
      } else {
        support.registerSynchronization(new HeldEvents(support, held));
      }
      return plan.immediate;
    }
    if (policy == NoUnitOfWorkPolicy.FAIL) {
      throw new IllegalStateException(noUnitMessage(event, plan, state.completing > 0));
    }
    if (policy == NoUnitOfWorkPolicy.RUN_NOW_WITH_WARNING) {
      LOG.log(Level.WARNING, "running phase-bound handlers now: "
          + noUnitDescription(event, plan, state.completing > 0));
    }
    return plan.withoutUnit;
  }

  /** Tells whether {@link #handlersToRunNow} held the phase handlers (it returned these). */
  static boolean held(HandlerEntry[] runNow, PhasePlan plan) {
    return runNow == plan.immediate && runNow != plan.withoutUnit;
  }

  /** Adds a {@link DispatchReport.Status#DEFERRED} outcome for every held handler, in order. */
  static DispatchReport withDeferred(DispatchReport immediate, HandlerEntry[] route) {
    List<DispatchReport.Outcome> ran = immediate.outcomes();
    List<DispatchReport.Outcome> all = new ArrayList<>(route.length);
    int next = 0;
    for (HandlerEntry handler : route) {
      if (handler.info.phase() == TransactionPhase.IMMEDIATE && next < ran.size()) {
        all.add(ran.get(next++));
      } else {
        all.add(new DispatchReport.Outcome(handler.info, DispatchReport.Status.DEFERRED, null, 0));
      }
    }
    return new DispatchReport(immediate.event(), all);
  }

  /**
   * Runs the before-commit handlers of {@code held}. Their failure always propagates, so that the
   * unit rolls back: under {@link ErrorPolicy#REPORT_AND_CONTINUE} they run fail-fast, since a
   * reported failure would let the unit commit without the handler's work.
   */
  @Override
  public void runBeforeCommit(HeldEvents.Held held) {
    HandlerEntry[] handlers = held.plan.in(TransactionPhase.BEFORE_COMMIT);
    if (handlers.length > 0) {
      runInContext(held, handlers, beforeCommitPolicy());
    }
  }

  private ErrorPolicy beforeCommitPolicy() {
    return errorPolicy == ErrorPolicy.REPORT_AND_CONTINUE ? ErrorPolicy.FAIL_FAST : errorPolicy;
  }

  /**
   * Runs the handlers of {@code held} bound to an after-phase. Every one runs: the unit has
   * ended, so a failure cannot stop anything. Failures go to the error handler under {@link
   * ErrorPolicy#REPORT_AND_CONTINUE}; otherwise they are thrown together once all have run.
   * After an asynchronous dispatch, the handlers run on the executor instead, and failures go
   * to the error handler.
   */
  @SuppressWarnings("FutureReturnValueIgnored") // whenComplete's future: the callback logs failures
  @Override
  public void runAfter(HeldEvents.Held held, TransactionPhase phase) {
    HandlerEntry[] handlers = held.plan.in(phase);
    if (handlers.length == 0) {
      return;
    }
    if (held.async && !dispatcher.isClosed()) {
      CompletableFuture<DispatchReport> future;
      try {
        future = dispatcher.submit(held.event, held.context, handlers);
      } catch (IllegalStateException closedMeanwhile) {
        runInContext(held, handlers, afterPolicy());
        return;
      }
      future.whenComplete((report, failure) -> {
        if (failure != null) {
          LOG.log(Level.ERROR, "the " + phase.words() + " handlers of " + held
              + " failed on the executor", failure);
        }
      });
      return;
    }
    runInContext(held, handlers, afterPolicy());
  }

  private ErrorPolicy afterPolicy() {
    return errorPolicy == ErrorPolicy.REPORT_AND_CONTINUE
        ? ErrorPolicy.REPORT_AND_CONTINUE
        : ErrorPolicy.RUN_ALL_THEN_THROW;
  }

  /** Runs {@code handlers} with the context of the moment of dispatch installed, then restores. */
  private void runInContext(HeldEvents.Held held, HandlerEntry[] handlers, ErrorPolicy errors) {
    held.context.run(() -> dispatcher.run(held.event, handlers, errors));
  }

  private static String noUnitMessage(DomainEvent event, PhasePlan plan, boolean completing) {
    return noUnitDescription(event, plan, completing)
        + ". Dispatch it inside a unit of work (UnitOfWork.begin(), or your framework's"
        + " transaction), or choose NoUnitOfWorkPolicy.RUN_NOW or RUN_NOW_WITH_WARNING with"
        + " InProcessEventDispatcher.builder().noUnitOfWorkPolicy(..); no handler ran";
  }

  private static String noUnitDescription(
      DomainEvent event, PhasePlan plan, boolean completing) {
    StringBuilder text = new StringBuilder()
        .append(event.eventType()).append(' ').append(event.eventId())
        .append(" has handlers bound to a transaction phase (");
    for (int i = 0; i < plan.bound.size(); i++) {
      HandlerInfo handler = plan.bound.get(i);
      text.append(i == 0 ? "" : ", ").append(handler.description()).append(": ")
          .append(handler.phase().words());
    }
    text.append(") but no unit of work is active on this thread");
    if (completing) {
      text.append(" (it was raised by a handler running after its unit of work ended)");
    }
    return text.toString();
  }
}
