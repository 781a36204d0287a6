package io.github.domainevents.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An outbox row in the dead state, as {@link OutboxRelay#deadMessages(int)} shows it to an
 * operator: it failed {@code attempts} times and is no longer retried until {@linkplain
 * OutboxRelay#requeue(UUID) re-queued} or {@linkplain OutboxRelay#discard(UUID) discarded}. While
 * it is dead, the later rows of its aggregate wait, so that their order holds.
 *
 * @param eventId the event's id
 * @param eventType the event's {@code @EventType} name
 * @param aggregateType the aggregate's kind
 * @param aggregateId the aggregate's id
 * @param attempts how many delivery attempts were made
 * @param lastError the last attempt's error (the exception's class and message), or {@code null}
 *     if none was recorded
 * @param createdAt when the row was written
 * @since 0.1.0
 */
public record DeadMessage(
    UUID eventId,
    String eventType,
    String aggregateType,
    String aggregateId,
    int attempts,
    @Nullable String lastError,
    Instant createdAt) {

  /**
   * Checks the components.
   *
   * @param eventId the event's id
   * @param eventType the event's type name
   * @param aggregateType the aggregate's kind
   * @param aggregateId the aggregate's id
   * @param attempts the attempts made
   * @param lastError the last error, or {@code null}
   * @param createdAt when the row was written
   * @throws NullPointerException naming the component if a non-nullable one is null
   */
  public DeadMessage {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(aggregateType, "aggregateType");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
