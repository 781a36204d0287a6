package io.github.domainevents.outbox;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Remembers which (handler id, event id) pairs were handled, so that an {@link IdempotentHandler}
 * runs at most once per event while the record is kept. Two implementations: {@link
 * InMemoryIdempotencyStore} (one process, lost on restart) and {@link JdbcIdempotencyStore} (in
 * the database, in the transaction of the handler's own writes).
 *
 * <p>Implementations are safe for concurrent use.
 *
 * @since 0.1.0
 */
public interface IdempotencyStore {

  /**
   * Records that {@code handlerId} handles {@code eventId}, unless it is recorded already.
   *
   * @param handlerId the handler's explicit, stable id
   * @param eventId the event's id
   * @return true if the pair was not recorded before (the handler should run); false if it was
   * @throws SQLException if a database store fails
   * @throws IllegalStateException if the store needs a transaction and none is active
   */
  boolean record(String handlerId, UUID eventId) throws SQLException;

  /**
   * Removes the record of the pair, so that the next delivery runs the handler again; called
   * when the handler failed. Does nothing if there is no such record.
   *
   * @param handlerId the handler's id
   * @param eventId the event's id
   * @throws SQLException if a database store fails
   */
  void forget(String handlerId, UUID eventId) throws SQLException;

  /**
   * Removes the records made before {@code cutoff}: the end of their retention window, after
   * which a redelivery of those events would run their handlers again.
   *
   * @param cutoff records older than this go
   * @return how many records were removed
   * @throws SQLException if a database store fails
   */
  int purgeRecordedBefore(Instant cutoff) throws SQLException;
}
