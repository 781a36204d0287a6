package io.github.domainevents.kafka;

/**
 * Receives the records a {@link KafkaEventConsumer} cannot deliver: unknown event types,
 * unreadable records, and events whose handlers still failed after the last attempt. Nothing is
 * skipped without passing through here.
 *
 * <p>It runs on the consumer's thread, once per record (again after a redelivery). The record's
 * offset is committed only after it returns normally; if it throws, the record is retried after
 * the consumer's backoff, as a failed dispatch is, until the handler accepts it: a dead-letter
 * path that is down stops its partition rather than losing records. {@link DeadLetterTopic} is
 * the usual implementation.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface DeadLetterHandler {

  /**
   * Takes over a record that cannot be delivered.
   *
   * @param letter the record, why it was not delivered, and the failure
   * @throws Exception if the record could not be taken over; it is offered again later
   */
  void handle(DeadLetter letter) throws Exception;
}
