package io.github.domainevents.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One outbox row as the relay hands it to an {@link OutboxSink}: everything a sink needs to
 * publish the event (for example as a CloudEvent) without parsing the payload again.
 *
 * <p>Immutable and safe to share between threads. No Java class or method name appears in it:
 * the type is the event's {@code @EventType} name.
 *
 * @param eventId the event's id ({@code DomainEvent.eventId()}); the outbox row's {@code id}
 *     column, unique per event, and the key by which consumers recognise a redelivery
 * @param eventType the event's {@code @EventType} name ({@code DomainEvent.eventType()}); the
 *     row's {@code type} column
 * @param aggregateType the kind of aggregate the event belongs to (for example {@code "invite"});
 *     the row's {@code "aggregatetype"} column, usable as a topic or routing name
 * @param aggregateId the id of the aggregate the event belongs to; the row's {@code "aggregateid"}
 *     column. Messages with one aggregate id are published in the order they were written, so it
 *     is the natural partitioning or ordering key (the Kafka record key)
 * @param occurredAt when the event happened ({@code DomainEvent.occurredAt()}), UTC, as the
 *     database kept it (microseconds on PostgreSQL and H2; the payload has the exact value)
 * @param correlationId the correlation id of the event's causal tree, or {@code null} when the
 *     event has none (a root event created outside any correlation scope)
 * @param causationId the id of the event that caused this one, or {@code null} for a root event
 * @param metadata the event's metadata as one compact JSON object ({@code "{}"} when empty); it
 *     carries the W3C trace context ({@code traceparent}, {@code tracestate}) that the
 *     OpenTelemetry module puts there
 * @param payload the whole event in the seed-compatible JSON shape: one flat object with {@code
 *     event_id}, {@code event_type}, {@code occurred_at}, {@code correlation_id}, {@code
 *     causation_id}, {@code metadata}, then the event's own fields
 * @param attempt which delivery attempt this is: 1 for the first, 2 for the first retry, ...
 * @since 0.1.0
 */
public record OutboxMessage(
    UUID eventId,
    String eventType,
    String aggregateType,
    String aggregateId,
    Instant occurredAt,
    @Nullable UUID correlationId,
    @Nullable UUID causationId,
    String metadata,
    String payload,
    int attempt) {

  /**
   * Checks the components.
   *
   * @param eventId the event's id
   * @param eventType the event's {@code @EventType} name
   * @param aggregateType the aggregate's kind
   * @param aggregateId the aggregate's id
   * @param occurredAt when the event happened
   * @param correlationId the correlation id, or {@code null}
   * @param causationId the causing event's id, or {@code null}
   * @param metadata the metadata as a JSON object
   * @param payload the event as seed-compatible JSON
   * @param attempt the delivery attempt, from 1
   * @throws NullPointerException naming the component if a non-nullable one is null
   * @throws IllegalArgumentException naming the component if a name or id is blank or {@code
   *     attempt} is below 1
   */
  public OutboxMessage {
    Objects.requireNonNull(eventId, "eventId");
    requireText(eventType, "eventType");
    requireText(aggregateType, "aggregateType");
    requireText(aggregateId, "aggregateId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(payload, "payload");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /**
   * Returns the ids, type, aggregate and attempt; the metadata and payload only by length, so
   * that log lines stay short and do not copy event contents.
   */
  @Override
  public String toString() {
    return "OutboxMessage[eventId=" + eventId + ", eventType=" + eventType
        + ", aggregateType=" + aggregateType + ", aggregateId=" + aggregateId
        + ", occurredAt=" + occurredAt + ", correlationId=" + correlationId
        + ", causationId=" + causationId + ", metadata=" + metadata.length() + " chars"
        + ", payload=" + payload.length() + " chars, attempt=" + attempt + "]";
  }
}
