package io.github.domainevents.wire;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.internal.Characters;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The seed-compatible wire format, independent of any JSON library: the header key names, how
 * timestamps and ids are written and read, and how a header is built from decoded values.
 *
 * <p>A JSON module writes the header through {@link #writeHeader} into a {@link JsonSink} over
 * its generator, and reads an event object by pushing its members into an {@link EventObject}.
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
   * UTC). Only the years 1 to 9999 are accepted, in the written offset and in UTC: what the
   * seed's Python {@code datetime} holds and this library writes back.
   *
   * @param field the field being read, for the error message
   * @param text the text
   * @return the instant
   * @throws EventFormatException naming {@code field} and quoting {@code text} as written if the
   *     text is not such a date-time (a date-time without offset is rejected: its instant would
   *     be a guess) or its year is outside 1 to 9999
   */
  public static Instant parseTimestamp(String field, String text) {
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeException e) {
      throw new EventFormatException(
          field,
          field + " must be an ISO-8601 date-time with offset (like 2025-01-15T10:30:00Z), was '"
              + abbreviate(text) + "'",
          e);
    }
    Instant instant = time.toInstant();
    if (!inSupportedYears(time.getYear()) || !inSupportedYears(utcYear(instant))) {
      throw new EventFormatException(
          field, field + " must be within the years 1 to 9999 (in its offset and in UTC), was '"
              + abbreviate(text) + "'");
    }
    return instant;
  }

  private static boolean inSupportedYears(int year) {
    return year >= 1 && year <= 9999;
  }

  private static int utcYear(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).getYear();
  }

  /**
   * Parses a UUID in its canonical 36-character form.
   *
   * @param field the field being read, for the error message
   * @param text the text
   * @return the UUID
   * @throws EventFormatException naming {@code field} if the text is not a canonical UUID
   */
  static UUID parseUuid(String field, String text) {
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
   * Writes the header members of {@code event} into the object a writer has started, in the
   * order of {@link #HEADER_KEYS}: ids as strings, the time as {@link
   * #formatTimestamp(Instant)}, absent ids as {@code null} (as the seed writes them) and the
   * metadata as an object. The caller then writes the event's own fields and ends the object.
   *
   * <p>Only what can be read back with {@code registry} and {@code options} is written: the
   * event's class must be registered, and its time and metadata must be within the read limits.
   *
   * @param event the event
   * @param registry the registry the event will be read back with
   * @param options the limits it will be read back with
   * @param sink where the members go
   * @throws IllegalArgumentException naming the class if it is not registered, or naming the
   *     limit the header would break when read back
   */
  public static void writeHeader(
      DomainEvent event, EventTypeRegistry registry, ReadOptions options, JsonSink sink) {
    String type = checkWritable(event, registry, options);
    EventHeader header = event.header();
    sink.name(EVENT_ID);
    sink.string(header.eventId().toString());
    sink.name(EVENT_TYPE);
    sink.string(type);
    sink.name(OCCURRED_AT);
    sink.string(formatTimestamp(header.occurredAt()));
    sink.name(CORRELATION_ID);
    writeOptional(header.correlationId().orElse(null), sink);
    sink.name(CAUSATION_ID);
    writeOptional(header.causationId().orElse(null), sink);
    sink.name(METADATA);
    JsonText.write(header.metadata(), sink);
  }

  private static void writeOptional(@Nullable UUID id, JsonSink sink) {
    if (id == null) {
      sink.nullValue();
    } else {
      sink.string(id.toString());
    }
  }

  /**
   * Checks that {@code event} could be read back with {@code registry} and {@code options},
   * and returns its type name.
   */
  static String checkWritable(DomainEvent event, EventTypeRegistry registry, ReadOptions options) {
    Class<?> type = event.getClass();
    String name = registry.nameOf(type).orElseThrow(() -> new IllegalArgumentException(
        "cannot write " + type.getName() + ": it is not registered in the EventTypeRegistry, so"
            + " it could not be read back; register it"));
    int year = utcYear(event.header().occurredAt());
    if (!inSupportedYears(year)) {
      throw new IllegalArgumentException(
          "cannot write " + type.getName() + ": occurred_at " + event.header().occurredAt()
              + " is outside the years 1 to 9999, so it could not be read back");
    }
    try {
      JsonText.write(event.header().metadata(), ValueReader.of(METADATA, options));
    } catch (EventFormatException e) {
      throw new IllegalArgumentException(
          "cannot write " + type.getName() + ": it could not be read back with these ReadOptions: "
              + e.getMessage(), e);
    }
    return name;
  }

  /**
   * Checks the length of a document a writer produced against {@link
   * ReadOptions#maxDocumentLength()}.
   *
   * @param event the event written, for the message
   * @param length the document's length in characters
   * @param options the limits it will be read back with
   * @throws IllegalArgumentException naming the limit if the document is longer
   */
  public static void checkWrittenLength(DomainEvent event, long length, ReadOptions options) {
    if (length > options.maxDocumentLength()) {
      throw new IllegalArgumentException(
          "cannot write " + event.getClass().getName() + ": the document has " + length
              + " characters, more than maxDocumentLength " + options.maxDocumentLength()
              + " (ReadOptions), so it could not be read back");
    }
  }

  /**
   * Checks the length of a document about to be read against {@link
   * ReadOptions#maxDocumentLength()}, before any parsing: the parsers of some supported Jackson
   * versions do not count the length of text they are given as a {@code String}.
   *
   * @param length the document's length in characters
   * @param options the limits
   * @throws EventFormatException if the document is longer
   */
  public static void checkReadLength(long length, ReadOptions options) {
    if (length > options.maxDocumentLength()) {
      throw new EventFormatException(
          null, "the JSON exceeds a read limit (ReadOptions): Document length (" + length
              + ") exceeds the maximum allowed (" + options.maxDocumentLength() + ")");
    }
  }

  /**
   * Builds a header from decoded header values. {@code event_id} and {@code occurred_at} are
   * required; {@code correlation_id} and {@code causation_id} may be absent or null; {@code
   * metadata} may be absent or null (empty). Keys other than the header keys are ignored.
   */
  static EventHeader readHeader(Map<String, ?> values, ReadOptions options) {
    UUID eventId = parseUuid(EVENT_ID, requireString(values, EVENT_ID));
    Instant occurredAt = parseTimestamp(OCCURRED_AT, requireString(values, OCCURRED_AT));
    UUID correlationId = optionalUuid(values, CORRELATION_ID);
    UUID causationId = optionalUuid(values, CAUSATION_ID);
    return buildHeader(eventId, occurredAt, correlationId, causationId, values.get(METADATA));
  }

  /** Builds the header through core, naming {@code metadata} if core rejects the metadata. */
  static EventHeader buildHeader(
      UUID eventId,
      Instant occurredAt,
      @Nullable UUID correlationId,
      @Nullable UUID causationId,
      @Nullable Object metadata) {
    Map<String, Object> checked;
    if (metadata == null) {
      checked = Map.of();
    } else if (metadata instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> plain = (Map<String, Object>) map;
      checked = plain;
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
   * @throws EventFormatException if {@code event_type} is missing, null, not a string or blank
   *     (white space, including no-break spaces, only)
   */
  static String readEventType(Map<String, ?> values) {
    String type = requireString(values, EVENT_TYPE);
    if (isBlank(type)) {
      throw new EventFormatException(EVENT_TYPE, "event_type must not be blank");
    }
    return type;
  }

  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Characters.isWhiteSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
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
