package io.github.domainevents;

import io.github.domainevents.internal.SafeText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What happened in one dispatch: which handlers ran, in order, and how each ended.
 *
 * <p>Returned by {@link InProcessEventDispatcher#dispatchAndReport} and {@link
 * InProcessEventDispatcher#dispatchAsync}, and carried by the {@link EventDispatchException}
 * of {@link ErrorPolicy#RUN_ALL_THEN_THROW}. Immutable.
 *
 * @since 0.1.0
 */
public final class DispatchReport {
  private final DomainEvent event;
  private final List<Outcome> outcomes;

  DispatchReport(DomainEvent event, List<Outcome> outcomes) {
    this.event = event;
    this.outcomes = Collections.unmodifiableList(outcomes);
  }

  /**
   * Returns the event dispatched.
   *
   * @return the event
   */
  public DomainEvent event() {
    return event;
  }

  /**
   * Returns one outcome per handler the dispatch had, in the order they ran or would have run.
   *
   * @return the outcomes; empty for a dead event
   */
  public List<Outcome> outcomes() {
    return outcomes;
  }

  /**
   * Tells whether no handler failed.
   *
   * @return true if every outcome is {@link Status#SUCCEEDED} or {@link Status#DEFERRED}
   */
  public boolean succeeded() {
    for (Outcome outcome : outcomes) {
      if (outcome.status == Status.FAILED || outcome.status == Status.SKIPPED) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns what the failed handlers threw, in the order they ran.
   *
   * @return the failures; empty if none
   */
  public List<Throwable> failures() {
    List<Throwable> failures = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      if (outcome.failure != null) {
        failures.add(outcome.failure);
      }
    }
    return failures;
  }

  /** Returns a multi-line summary: the event, then one line per handler. */
  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder(64 + outcomes.size() * 64)
            .append("DispatchReport[")
            .append(SafeText.escape(event.eventType()))
            .append(' ')
            .append(event.eventId())
            .append(']');
    for (Outcome outcome : outcomes) {
      text.append("\n  ").append(outcome);
    }
    return text.toString();
  }

  /**
   * How one handler's part of a dispatch ended.
   *
   * @since 0.1.0
   */
  public enum Status {
    /** The handler returned normally. */
    SUCCEEDED,
    /** The handler threw; see {@link Outcome#failure()}. */
    FAILED,
    /** The handler did not run because an earlier one failed under fail-fast. */
    SKIPPED,
    /**
     * The handler is bound to a {@link TransactionPhase} of the unit of work active during the
     * dispatch and was held to run at that phase (or not at all, if the unit ends the other way).
     *
     * @since 0.1.0
     */
    DEFERRED
  }

  /**
   * One handler's outcome in a dispatch. Immutable.
   *
   * @since 0.1.0
   */
  public static final class Outcome {
    private final HandlerInfo handler;
    private final Status status;
    private final @Nullable Throwable failure;
    private final long nanos;

    Outcome(HandlerInfo handler, Status status, @Nullable Throwable failure, long nanos) {
      this.handler = handler;
      this.status = status;
      this.failure = failure;
      this.nanos = nanos;
    }

    /**
     * Returns the handler.
     *
     * @return the handler
     */
    public HandlerInfo handler() {
      return handler;
    }

    /**
     * Returns the phase the handler ran in, or is deferred to: the same as {@code
     * handler().phase()}.
     *
     * @return the phase
     * @since 0.1.0
     */
    public TransactionPhase phase() {
      return handler.phase();
    }

    /**
     * Returns how the handler ended.
     *
     * @return the status
     */
    public Status status() {
      return status;
    }

    /**
     * Returns what the handler threw.
     *
     * @return the exception, unwrapped; empty unless {@link Status#FAILED}
     */
    public Optional<Throwable> failure() {
      return Optional.ofNullable(failure);
    }

    /**
     * Returns how long the handler ran, interceptors included.
     *
     * @return the duration; zero if skipped
     */
    public Duration duration() {
      return Duration.ofNanos(nanos);
    }

    /**
     * Returns {@code handler: STATUS in N µs}, plus the failure if any; a phase-bound handler
     * shows its phase, as in {@code handler [after commit]: DEFERRED}.
     */
    @Override
    public String toString() {
      TransactionPhase phase = handler.phase();
      String text = SafeText.escape(handler.description())
          + (phase == TransactionPhase.IMMEDIATE ? "" : " [" + phase.words() + "]")
          + ": " + status;
      if (status != Status.SKIPPED && status != Status.DEFERRED) {
        text += " in " + (nanos / 1_000) + " µs";
      }
      return failure == null ? text : text + " (" + SafeText.of(failure) + ")";
    }
  }
}
