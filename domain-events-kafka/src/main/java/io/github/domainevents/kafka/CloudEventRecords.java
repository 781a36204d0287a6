package io.github.domainevents.kafka;

import io.github.domainevents.outbox.OutboxMessage;
import io.github.domainevents.wire.CloudEventsFormat;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.WireFormat;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;

/**
 * The CloudEvents Kafka protocol binding, both directions: an outgoing event becomes a record
 * value and headers (binary or structured mode); a record becomes one structured-mode CloudEvents
 * document for the codec, whatever mode it was written in.
 *
 * <p>Stateless; safe for concurrent use.
 */
final class CloudEventRecords {
  private static final String WHAT_PAYLOAD = "the outbox payload";
  private static final String WHAT_METADATA = "the metadata";

  private CloudEventRecords() {}

  /** A record's value and headers. */
  static final class Encoded {
    private final byte[] value;
    private final List<Header> headers;

    Encoded(byte[] value, List<Header> headers) {
      this.value = value;
      this.headers = headers;
    }

    byte[] value() {
      return value;
    }

    List<Header> headers() {
      return headers;
    }
  }

  /** Encodes {@code event} in {@code mode}. */
  static Encoded encode(OutboxMessage event, URI source, CloudEventsMode mode) {
    JsonMembers data = JsonMembers.parse(event.payload(), WHAT_PAYLOAD);
    String time = time(event, data);
    for (String key : WireFormat.HEADER_KEYS) {
      data.remove(key);
    }
    Map<String, String> attributes = attributes(event, source, time);
    List<Header> headers = new ArrayList<>(14);
    byte[] value;
    if (mode == CloudEventsMode.BINARY) {
      attributes.forEach((name, text) -> add(headers,
          name.equals(CloudEventsFormat.DATACONTENTTYPE)
              ? KafkaEventHeaders.CONTENT_TYPE : KafkaEventHeaders.PREFIX + name, text));
      value = utf8(data.toJson());
    } else {
      JsonMembers document = JsonMembers.empty();
      attributes.forEach(document::putString);
      document.putRaw(CloudEventsFormat.DATA, data.toJson());
      add(headers, KafkaEventHeaders.CONTENT_TYPE, KafkaEventHeaders.STRUCTURED_CONTENT_TYPE);
      value = utf8(document.toJson());
    }
    for (String trace : List.of(KafkaEventHeaders.TRACEPARENT, KafkaEventHeaders.TRACESTATE)) {
      String text = attributes.get(trace);
      if (text != null) {
        add(headers, trace, text); // the W3C header, for tracing infrastructure
      }
    }
    return new Encoded(value, headers);
  }

  /**
   * The CloudEvents attributes of the event, as plain strings in writing order, with the mapping
   * of core's {@code CloudEventsFormat} that the JSON modules write: the metadata entries {@code
   * traceparent} and {@code tracestate}, when strings, travel as the distributed-tracing
   * extension's attributes of those names, the rest of the metadata as the {@code metadata}
   * extension (left out when empty).
   *
   * <p>Why not core's own function: it maps a {@code DomainEvent} whose class is registered, and
   * writes the metadata from Java values; the relay has only the outbox row, whose payload and
   * metadata are JSON text, and no JSON codec to turn them into an event. So the mapping is
   * applied here to the row, and {@code CoreAttributeMappingTest} pins it to core's (names,
   * values and order, in both modes).
   */
  private static Map<String, String> attributes(OutboxMessage event, URI source, String time) {
    Map<String, String> attributes = new LinkedHashMap<>(16);
    attributes.put(CloudEventsFormat.SPECVERSION, CloudEventsFormat.SPEC_VERSION);
    attributes.put(CloudEventsFormat.ID, event.eventId().toString());
    attributes.put(CloudEventsFormat.SOURCE, source.toString());
    attributes.put(CloudEventsFormat.TYPE, event.eventType());
    attributes.put(CloudEventsFormat.TIME, time);
    attributes.put(CloudEventsFormat.DATACONTENTTYPE, CloudEventsFormat.DATA_CONTENT_TYPE);
    UUID correlationId = event.correlationId();
    if (correlationId != null) {
      attributes.put(CloudEventsFormat.CORRELATION_ID, correlationId.toString());
    }
    UUID causationId = event.causationId();
    if (causationId != null) {
      attributes.put(CloudEventsFormat.CAUSATION_ID, causationId.toString());
    }
    JsonMembers metadata = metadataOf(event.metadata());
    for (String trace : List.of(KafkaEventHeaders.TRACEPARENT, KafkaEventHeaders.TRACESTATE)) {
      String text = stringOrNull(metadata, trace);
      if (text != null) {
        attributes.put(trace, text);
        metadata.remove(trace);
      }
    }
    if (!metadata.isEmpty()) {
      attributes.put(CloudEventsFormat.METADATA, metadata.toJson());
    }
    return attributes;
  }

  /**
   * The event's time as written: from the payload's {@code occurred_at}, which keeps every
   * digit, since a database column may have rounded {@link OutboxMessage#occurredAt()} (to
   * microseconds on PostgreSQL and H2); from the message if the payload has none.
   */
  private static String time(OutboxMessage event, JsonMembers payload) {
    String written = payload.has(WireFormat.OCCURRED_AT)
        ? payload.string(WireFormat.OCCURRED_AT, WHAT_PAYLOAD) : null;
    return WireFormat.formatTimestamp(written == null
        ? event.occurredAt() : WireFormat.parseTimestamp(WireFormat.OCCURRED_AT, written));
  }

  private static JsonMembers metadataOf(@Nullable String json) {
    if (json == null || json.isBlank()) {
      return JsonMembers.empty();
    }
    return JsonMembers.parse(json, WHAT_METADATA);
  }

  private static @Nullable String stringOrNull(JsonMembers members, String name) {
    String raw = members.raw(name);
    return raw != null && raw.startsWith("\"") ? JsonMembers.unescape(raw, WHAT_METADATA) : null;
  }

  /**
   * Turns a record into one structured-mode CloudEvents document.
   *
   * @throws EventFormatException if the record is neither a binary-mode nor a JSON
   *     structured-mode CloudEvent, or cannot be split into attributes and data
   */
  static Incoming decode(byte @Nullable [] value, Headers headers) {
    String contentType = lastString(headers, KafkaEventHeaders.CONTENT_TYPE);
    JsonMembers document;
    if (contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents")) {
      if (!isJson(contentType)) {
        throw new EventFormatException(
            KafkaEventHeaders.CONTENT_TYPE, "structured-mode content type '" + contentType
                + "' is not supported; only JSON (application/cloudevents+json) is");
      }
      if (value == null) {
        throw new EventFormatException(null, "a structured-mode record has no value");
      }
      document = JsonMembers.parse(text(value, "the record value"), "the structured CloudEvent");
    } else {
      document = binary(value, headers, contentType);
    }
    moveTraceContext(document, headers);
    String type = document.string(CloudEventsFormat.TYPE, "the CloudEvent");
    if (type == null) {
      throw new EventFormatException(CloudEventsFormat.TYPE, "the CloudEvent has no type");
    }
    return new Incoming(type, document.toJson());
  }

  private static JsonMembers binary(
      byte @Nullable [] value, Headers headers, @Nullable String contentType) {
    JsonMembers document = JsonMembers.empty();
    for (Header header : headers) {
      String key = header.key();
      if (!key.startsWith(KafkaEventHeaders.PREFIX)) {
        continue;
      }
      String name = key.substring(KafkaEventHeaders.PREFIX.length());
      if (document.has(name)) {
        throw new EventFormatException(name, "the header " + key + " appears twice");
      }
      if (header.value() == null) {
        throw new EventFormatException(name, "the header " + key + " has no value");
      }
      document.putString(name, text(header.value(), "the header " + key));
    }
    if (!document.has(CloudEventsFormat.SPECVERSION)) {
      throw new EventFormatException(
          CloudEventsFormat.SPECVERSION, "the record is not a CloudEvent: it has no "
              + KafkaEventHeaders.SPECVERSION + " header (binary mode) and its content-type is "
              + (contentType == null ? "missing" : "'" + contentType + "'")
              + " (structured mode needs application/cloudevents+json)");
    }
    if (contentType != null) {
      document.putString(CloudEventsFormat.DATACONTENTTYPE, contentType);
    }
    if (value != null && value.length > 0) {
      if (contentType != null && !isJson(contentType)) {
        throw new EventFormatException(
            CloudEventsFormat.DATACONTENTTYPE, "binary-mode data of content type '" + contentType
                + "' cannot be read; domain events are JSON");
      }
      document.putRaw(CloudEventsFormat.DATA, text(value, "the record value").strip());
    }
    return document;
  }

  /**
   * Puts the trace context into the metadata extension, where the event keeps it: from the
   * tracing extension ({@code traceparent}/{@code tracestate} attributes) or else the W3C
   * headers, unless the metadata already has a {@code traceparent} (the event's own wins).
   */
  private static void moveTraceContext(JsonMembers document, Headers headers) {
    String traceparent = null;
    String tracestate = null;
    if (document.has(KafkaEventHeaders.TRACEPARENT)) {
      traceparent = document.string(KafkaEventHeaders.TRACEPARENT, "the CloudEvent");
      tracestate = document.string(KafkaEventHeaders.TRACESTATE, "the CloudEvent");
    } else {
      traceparent = lastString(headers, KafkaEventHeaders.TRACEPARENT);
      if (traceparent != null) {
        tracestate = lastString(headers, KafkaEventHeaders.TRACESTATE);
      }
    }
    document.remove(KafkaEventHeaders.TRACEPARENT);
    document.remove(KafkaEventHeaders.TRACESTATE);
    if (traceparent == null) {
      return;
    }
    String metadataText = document.string(CloudEventsFormat.METADATA, "the CloudEvent");
    JsonMembers metadata = metadataText == null
        ? JsonMembers.empty()
        : JsonMembers.parse(metadataText, "the metadata extension");
    if (metadata.has(KafkaEventHeaders.TRACEPARENT)) {
      return;
    }
    metadata.putString(KafkaEventHeaders.TRACEPARENT, traceparent);
    if (tracestate != null && !metadata.has(KafkaEventHeaders.TRACESTATE)) {
      metadata.putString(KafkaEventHeaders.TRACESTATE, tracestate);
    }
    document.putString(CloudEventsFormat.METADATA, metadata.toJson());
  }

  private static boolean isJson(String mediaType) {
    int parameters = mediaType.indexOf(';');
    String type = (parameters < 0 ? mediaType : mediaType.substring(0, parameters))
        .trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.equals("text/json") || type.endsWith("+json");
  }

  private static @Nullable String lastString(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    if (header == null || header.value() == null) {
      return null;
    }
    return text(header.value(), "the header " + key);
  }

  private static void add(List<Header> headers, String key, String value) {
    headers.add(new RecordHeader(key, utf8(value)));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Decodes strict UTF-8: malformed bytes are an error, never replaced. */
  static String text(byte[] bytes, String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new EventFormatException(null, what + " is not valid UTF-8", e);
    }
  }
}
