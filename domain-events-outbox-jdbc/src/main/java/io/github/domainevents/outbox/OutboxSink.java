package io.github.domainevents.outbox;

import java.util.List;

/**
 * Where the outbox relay publishes messages: a broker, another service, a test's list.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>{@link #publish} returns normally only once the destination has durably accepted the
 *       message (for Kafka: the broker acknowledged the record). The relay then marks the row
 *       delivered by its event id.
 *   <li>Throwing means "not delivered, retry later": the relay records the error, counts the
 *       attempt and retries after a backoff, until the row reaches the dead state.
 *   <li>The relay calls the sink for one aggregate id in the order the rows were written, and
 *       never publishes one row from two relays at the same time.
 *   <li>Delivery is at least once: after a crash, a timeout or a lost acknowledgement the same
 *       message (same {@link OutboxMessage#eventId()}) may be published again. Sinks and their
 *       consumers must therefore be idempotent by event id.
 * </ul>
 *
 * <p>The relay calls a sink from its own thread, one call at a time per relay; a sink shared by
 * several relays in one JVM must be safe for concurrent use.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface OutboxSink {

  /**
   * Publishes one message and returns once the destination has durably accepted it.
   *
   * @param message the message
   * @throws Exception if the message was not (or not surely) accepted; the relay retries it later
   */
  void publish(OutboxMessage message) throws Exception;

  /**
   * Publishes several messages and returns once the destination has durably accepted all of
   * them. Messages of one aggregate id appear in the list in their written order, and the sink
   * must keep that order at the destination (for Kafka: one key, one partition, an idempotent
   * producer).
   *
   * <p>If this method throws, the relay counts none of the batch as delivered: it publishes the
   * batch's messages again one by one through {@link #publish}, so that a failing message is
   * found and retried alone. Messages already accepted may thus arrive twice.
   *
   * <p>The default publishes each message through {@link #publish}, in list order, stopping at
   * the first failure. Sinks that can pipeline (send all, then wait for all acknowledgements)
   * override it for throughput.
   *
   * @param messages the messages, in publishing order
   * @throws Exception if any message was not (or not surely) accepted
   */
  default void publishAll(List<OutboxMessage> messages) throws Exception {
    for (OutboxMessage message : messages) {
      publish(message);
    }
  }
}
