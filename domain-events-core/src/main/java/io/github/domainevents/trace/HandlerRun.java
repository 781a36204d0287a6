package io.github.domainevents.trace;

import io.github.domainevents.TransactionPhase;
import io.github.domainevents.internal.SafeText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One handler invocation recorded by an {@link EventTrace}. Immutable.
 *
 * @param handler the handler's description
 * @param phase the phase of the unit of work it ran in; {@link TransactionPhase#IMMEDIATE} for a
 *     handler that ran during the dispatch
 * @param startedAt when the handler started (from the system clock)
 * @param duration how long it ran; {@link Duration#ZERO} while still running
 * @param running true if it had not finished when the trace was queried
 * @param failure the exception it threw, as {@code SimpleName: message}; null if it did not
 * @param raisedEvents ids of the events dispatched from inside it, in order
 * @since 0.1.0
 */
public record HandlerRun(
    String handler,
    TransactionPhase phase,
    Instant startedAt,
    Duration duration,
    boolean running,
    @Nullable String failure,
    List<UUID> raisedEvents) {

  /**
   * Copies {@code raisedEvents}.
   *
   * @param handler the handler's description
   * @param phase the phase it ran in
   * @param startedAt when the handler started
   * @param duration how long it ran
   * @param running true if it had not finished
   * @param failure the exception it threw, summarised, or null
   * @param raisedEvents ids of the events dispatched from inside it
   * @throws NullPointerException if a non-nullable component is null
   */
  public HandlerRun {
    raisedEvents = List.copyOf(raisedEvents);
  }

  /**
   * Tells whether the handler threw.
   *
   * @return true if {@link #failure()} is set
   */
  public boolean failed() {
    return failure != null;
  }

  /**
   * Returns the components as a record does, on one line: control characters in the handler's
   * description and the failure are escaped.
   */
  @Override
  public String toString() {
    return SafeText.escape("HandlerRun[handler=" + handler + ", phase=" + phase + ", startedAt=" + startedAt
        + ", duration=" + duration + ", running=" + running + ", failure=" + failure
        + ", raisedEvents=" + raisedEvents + "]");
  }
}
