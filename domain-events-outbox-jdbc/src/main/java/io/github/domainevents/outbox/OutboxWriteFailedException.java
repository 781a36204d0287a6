package io.github.domainevents.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * Thrown when a unit of work is asked to commit although the {@link Outbox} could not write one
 * of its events: the outbox vetoes the commit, so that the unit's state change does not commit
 * without the row that tells the outside world about it. The cause is what the insert threw
 * (usually an {@link java.sql.SQLException}).
 *
 * <p>It reaches the code that asked for the commit ({@link
 * io.github.domainevents.UnitOfWork#commit()}, {@link JdbcTransactions#run}, Spring's
 * transaction manager), after the unit was rolled back and its after-rollback handlers ran.
 *
 * <p>The veto also works when the write fails during the commit's before-commit callbacks (an
 * exported event raised by a before-commit handler): core's {@code UnitOfWork}, {@link
 * JdbcTransactions} and the Spring starter call {@code beforeCommit} on a synchronization
 * registered during that round. One case cannot be prevented, only reported: a unit of work
 * whose support never calls the veto's {@code beforeCommit} (a support that skips registrations
 * made while it commits; with the Spring starter, a veto registered after its before-commit round,
 * by another Spring synchronization that runs later or during the commit itself) commits
 * without asking the veto. The outbox then throws this exception from the veto's {@code
 * afterCommit}, which the support hands to the committer (Spring does); its message says that the
 * unit committed without the event.
 *
 * @since 0.1.0
 */
public final class OutboxWriteFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String eventType;
  private final UUID eventId;

  OutboxWriteFailedException(
      String eventType, UUID eventId, Throwable cause, boolean committedAnyway) {
    super(
        "the outbox could not write the " + eventType + " event " + eventId + " ("
            + Objects.requireNonNull(cause, "cause") + (committedAnyway
                ? "), and the unit of work committed anyway, without the event: its"
                    + " UnitOfWorkSupport did not call beforeCommit on the outbox's veto,"
                    + " registered while the unit was committing"
                : "), so the unit of work was rolled back instead of committing its state"
                    + " change without the event"),
        cause);
    this.eventType = eventType;
    this.eventId = eventId;
  }

  /**
   * Returns the {@link io.github.domainevents.EventType} name of the event that was not written.
   *
   * @return the event type
   */
  public String eventType() {
    return eventType;
  }

  /**
   * Returns the id of the event that was not written.
   *
   * @return the event id
   */
  public UUID eventId() {
    return eventId;
  }
}
