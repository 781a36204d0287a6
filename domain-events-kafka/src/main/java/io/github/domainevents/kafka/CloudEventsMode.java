package io.github.domainevents.kafka;

/**
 * How a CloudEvent is laid out in a Kafka record (CloudEvents Kafka protocol binding 1.0). The
 * consumer reads both, whichever the sink writes.
 *
 * @since 0.1.0
 */
public enum CloudEventsMode {
  /**
   * The default: attributes as {@code ce_} headers, the event's own fields as the record value
   * ({@code content-type: application/json}). Brokers, stream processors and tools can filter
   * and route on the headers without parsing the value.
   */
  BINARY,

  /**
   * The whole CloudEvent as one JSON document in the record value ({@code content-type:
   * application/cloudevents+json}), as the JSON modules' {@code toCloudEvent} writes it: for
   * consumers that only see record values.
   */
  STRUCTURED
}
