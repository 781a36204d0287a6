package io.github.domainevents.wire;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The seed-compatible wire format, independent of any JSON library: the header key names, how
 * timestamps and ids are written and read, and how a header is built from decoded values.
 *
 * <p>Header values are exchanged as plain JSON values: {@link String}, {@link Number}, {@link
 * Boolean}, {@code null}, {@link Map} with string keys and {@link List}. A JSON library decodes
 * the header keys of an object into such values and calls {@link #readHeader(Map,
 * ReadOptions)}; to write, it takes the values from {@link #headerValues(DomainEvent)}.
 *
 * <p>All methods are static, stateless and safe for concurrent use.
 *
 * @since 0.1.0
 */
public final class WireFormat {
  /** Key of the event id: a UUID string. Required on input. */
  public static final String EVENT_ID = "event_id";

  /** Key of the event type name, resolved through an {@code EventTypeRegistry}. */
  public static final String EVENT_TYPE = "event_type";

  /** Key of the time the event occurred: an ISO-8601 string with offset. Required on input. */
  public static final String OCCURRED_AT = "occurred_at";

  /** Key of the correlation id: a UUID string or null. Optional on input. */
  public static final String CORRELATION_ID = "correlation_id";

  /** Key of the causation id: a UUID string or null. Optional on input. */
  public static final String CAUSATION_ID = "causation_id";

  /** Key of the metadata object. Optional on input; absent or null means empty. */
  public static final String METADATA = "metadata";

  /** The header keys, in the order they are written. */
  public static final List<String> HEADER_KEYS =
      List.of(EVENT_ID, EVENT_TYPE, OCCURRED_AT, CORRELATION_ID, CAUSATION_ID, METADATA);

  private static final Set<String> HEADER_KEY_SET = Set.copyOf(HEADER_KEYS);

  private WireFormat() {}

  /**
   * Returns whether {@code key} is one of the {@link #HEADER_KEYS}.
   *
   * @param key a JSON key
   * @return true if it is a header key
   */
  public static boolean isHeaderKey(String key) {
    return HEADER_KEY_SET.contains(key);
  }

  /**
   * Returns whether {@code key} looks like a polymorphic type id ({@code @class}, {@code @type},
   * {@code @c} and the like: any key starting with {@code @}). Such keys are never honoured; the
   * readers reject them so that a payload built for a gadget chain fails loudly.
   *
   * @param key a JSON key
   * @return true if it starts with {@code @}
   */
  public static boolean isTypeIdKey(String key) {
    return key.startsWith("@");
  }

  /**
   * Formats an instant as UTC ISO-8601 with {@code Z}, with 0, 3, 6 or 9 fractional digits as
   * the precision needs: {@code 2025-01-15T10:30:00.123456Z}. The result is independent of the
   * default locale.
   *
   * @param instant the instant
   * @return the text
   */
  public static String formatTimestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /**
   * Parses an ISO-8601 date-time with an offset, in every form Python's {@code isoformat()} and
   * pydantic write: {@code 2025-01-15T10:30:00+00:00}, {@code 2025-01-15T10:30:00.123456Z},
   * with 1 to 9 fractional digits or none, and with any offset ({@code +05:30} is converted to
   * UTC).
   *
   * @param field the field being read, for the error message
   * @param text the text
   * @return the instant
   * @throws EventFormatException naming {@code field} if the text is not such a date-time (a
   *     date-time without offset is rejected: its instant would be a guess)
   */
  public static Instant parseTimestamp(String field, String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw new EventFormatException(
          field,
          field + " must be an ISO-8601 date-time with offset (like 2025-01-15T10:30:00Z), was '"
              + abbreviate(text) + "'",
          e);
    }
  }

  /**
   * Parses a UUID in its canonical 36-character form.
   *
   * @param field the field being read, for the error message
   * @param text the text
   * @return the UUID
   * @throws EventFormatException naming {@code field} if the text is not a canonical UUID
   */
  public static UUID parseUuid(String field, String text) {
    if (text.length() == 36) {
      try {
        UUID id = UUID.fromString(text);
        if (id.toString().equalsIgnoreCase(text)) {
          return id;
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw new EventFormatException(
        field, field + " must be a UUID string, was '" + abbreviate(text) + "'");
  }

  /**
   * Returns the header of {@code event} as plain JSON values, keyed and ordered as {@link
   * #HEADER_KEYS}: ids as strings, the time as {@link #formatTimestamp(Instant)}, absent ids as
   * {@code null} (as the seed writes them) and the metadata map as it is.
   *
   * @param event the event
   * @return a new mutable map
   */
  public static Map<String, @Nullable Object> headerValues(DomainEvent event) {
    EventHeader header = event.header();
    Map<String, @Nullable Object> values = new LinkedHashMap<>(8);
    values.put(EVENT_ID, header.eventId().toString());
    values.put(EVENT_TYPE, event.eventType());
    values.put(OCCURRED_AT, formatTimestamp(header.occurredAt()));
    values.put(CORRELATION_ID, header.correlationId().map(UUID::toString).orElse(null));
    values.put(CAUSATION_ID, header.causationId().map(UUID::toString).orElse(null));
    values.put(METADATA, header.metadata());
    return values;
  }

  /**
   * Builds a header from decoded header values. {@code event_id} and {@code occurred_at} are
   * required; {@code correlation_id} and {@code causation_id} may be absent or null; {@code
   * metadata} may be absent or null (empty). Keys other than the header keys are ignored.
   *
   * @param values the decoded values of the header keys
   * @param options the limits and the null metadata value policy
   * @return the header, built with {@link EventHeader#of} (nothing is filled in from context)
   * @throws EventFormatException naming the field if a required field is missing, a value has
   *     the wrong JSON type, an id is not a UUID, the time is not an ISO-8601 date-time with
   *     offset, the metadata is nested deeper than allowed, or a metadata value is null and the
   *     options do not omit such entries
   */
  public static EventHeader readHeader(Map<String, ?> values, ReadOptions options) {
    UUID eventId = parseUuid(EVENT_ID, requireString(values, EVENT_ID));
    Instant occurredAt = parseTimestamp(OCCURRED_AT, requireString(values, OCCURRED_AT));
    UUID correlationId = optionalUuid(values, CORRELATION_ID);
    UUID causationId = optionalUuid(values, CAUSATION_ID);
    Object metadata = values.get(METADATA);
    Map<String, Object> checked;
    if (metadata == null) {
      checked = Map.of();
    } else if (metadata instanceof Map<?, ?> map) {
      checked = MetadataReader.read(map, options);
    } else {
      throw wrongType(METADATA, "an object", metadata);
    }
    try {
      return EventHeader.of(eventId, occurredAt, correlationId, causationId, checked);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new EventFormatException(METADATA, "metadata is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the {@code event_type} string among decoded values.
   *
   * @param values the decoded top-level values
   * @return the type name
   * @throws EventFormatException if {@code event_type} is missing, null, not a string or blank
   */
  public static String readEventType(Map<String, ?> values) {
    String type = requireString(values, EVENT_TYPE);
    if (type.isBlank()) {
      throw new EventFormatException(EVENT_TYPE, "event_type must not be blank");
    }
    return type;
  }

  static String requireString(Map<String, ?> values, String field) {
    Object value = values.get(field);
    if (value == null) {
      throw new EventFormatException(
          field, field + " is " + (values.containsKey(field) ? "null" : "missing")
              + "; it is required");
    }
    if (!(value instanceof String text)) {
      throw wrongType(field, "a string", value);
    }
    return text;
  }

  private static @Nullable UUID optionalUuid(Map<String, ?> values, String field) {
    Object value = values.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw wrongType(field, "a UUID string or null", value);
    }
    return parseUuid(field, text);
  }

  static EventFormatException wrongType(String field, String expected, Object value) {
    return new EventFormatException(
        field, field + " must be " + expected + ", was " + describe(value));
  }

  static String describe(Object value) {
    if (value instanceof String text) {
      return "the string '" + abbreviate(text) + "'";
    }
    if (value instanceof Number) {
      return "the number " + abbreviate(value.toString());
    }
    if (value instanceof Boolean) {
      return "the boolean " + value;
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    return "a " + value.getClass().getSimpleName();
  }

  static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 61) + "...";
  }
}
