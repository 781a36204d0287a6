package io.github.domainevents.kafka;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event on its way to Kafka, as the sink receives it: the header fields, the metadata as JSON
 * object text and the event as seed-compatible flat JSON.
 */
record Outgoing(
    UUID eventId,
    String type,
    Instant occurredAt,
    @Nullable UUID correlationId,
    @Nullable UUID causationId,
    @Nullable String metadataJson,
    String payloadJson,
    @Nullable String key) {}
