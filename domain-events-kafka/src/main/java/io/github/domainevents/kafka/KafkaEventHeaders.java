package io.github.domainevents.kafka;

/**
 * The Kafka record headers this module writes and reads: the CloudEvents Kafka protocol binding
 * (version 1.0) and the W3C trace context, in one place.
 *
 * <p>In <b>binary mode</b> each CloudEvents attribute travels as a header named {@code ce_}
 * followed by the attribute name, its value the UTF-8 bytes of the attribute's string form;
 * {@code datacontenttype} travels as {@link #CONTENT_TYPE}; the record value is the event's own
 * fields as a JSON object (the CloudEvent's {@code data}). In <b>structured mode</b> the record
 * value is the whole CloudEvent as a JSON document and {@link #CONTENT_TYPE} is {@value
 * #STRUCTURED_CONTENT_TYPE}. In both modes the record key is the aggregate id, so Kafka keeps one
 * aggregate's events in order, and the W3C {@link #TRACEPARENT} and {@link #TRACESTATE} headers
 * carry the trace context that the event's metadata holds (as the OpenTelemetry module keeps it),
 * so tracing infrastructure sees it without reading the value. The attribute mapping is the one
 * of the JSON modules' CloudEvents format: the trace context travels as the CloudEvents
 * distributed-tracing extension ({@code traceparent}, {@code tracestate} attributes), the rest of
 * the metadata as the {@code metadata} extension.
 *
 * @since 0.1.0
 */
public final class KafkaEventHeaders {
  /** Prefix of every CloudEvents attribute header in binary mode. */
  public static final String PREFIX = "ce_";

  /** Binary mode: the CloudEvents version, always {@code 1.0}. */
  public static final String SPECVERSION = "ce_specversion";

  /** Binary mode: the event id. */
  public static final String ID = "ce_id";

  /** Binary mode: the producer's URI reference. */
  public static final String SOURCE = "ce_source";

  /** Binary mode: the event type name ({@code @EventType}). */
  public static final String TYPE = "ce_type";

  /** Binary mode: when the event occurred, RFC 3339 in UTC. */
  public static final String TIME = "ce_time";

  /** Binary mode: the correlation id extension, absent when the event has none. */
  public static final String CORRELATION_ID = "ce_correlationid";

  /** Binary mode: the causation id extension, absent when the event has none. */
  public static final String CAUSATION_ID = "ce_causationid";

  /**
   * Binary mode: the CloudEvents distributed-tracing extension, the event's {@code traceparent}
   * metadata entry (written also as the plain W3C {@link #TRACEPARENT} header).
   */
  public static final String CE_TRACEPARENT = "ce_traceparent";

  /** Binary mode: the distributed-tracing extension's {@code tracestate}, from the metadata. */
  public static final String CE_TRACESTATE = "ce_tracestate";

  /**
   * Binary mode: the metadata extension, a JSON object as text: the metadata other than {@code
   * traceparent} and {@code tracestate} (which travel as the tracing extension), absent when
   * empty.
   */
  public static final String METADATA = "ce_metadata";

  /**
   * The media type of the value: {@code application/json} in binary mode (the CloudEvent's
   * {@code datacontenttype}), {@value #STRUCTURED_CONTENT_TYPE} in structured mode.
   */
  public static final String CONTENT_TYPE = "content-type";

  /** The content type of a structured-mode record. */
  public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

  /** The W3C trace context header, copied from the event's {@code traceparent} metadata. */
  public static final String TRACEPARENT = "traceparent";

  /** The W3C trace state header, copied from the event's {@code tracestate} metadata. */
  public static final String TRACESTATE = "tracestate";

  private KafkaEventHeaders() {}
}
