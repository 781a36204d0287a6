package io.github.domainevents.wire;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The mapping between events and CloudEvents 1.0 structured-mode JSON, independent of any JSON
 * library.
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>CloudEvents attribute<th>event
 *   <tr><td>{@code specversion}<td>always {@code "1.0"}
 *   <tr><td>{@code id}<td>{@code eventId}
 *   <tr><td>{@code source}<td>a URI configured by the writer; not kept when reading
 *   <tr><td>{@code type}<td>{@code eventType}
 *   <tr><td>{@code time}<td>{@code occurredAt}, RFC 3339 in UTC (required when reading)
 *   <tr><td>{@code datacontenttype}<td>always {@code "application/json"}
 *   <tr><td>{@code data}<td>the event's own fields, as a JSON object
 *   <tr><td>{@code correlationid}<td>extension: {@code correlationId}, left out when absent
 *   <tr><td>{@code causationid}<td>extension: {@code causationId}, left out when absent
 *   <tr><td>{@code metadata}<td>extension: the metadata as a compact JSON object in a string,
 *       left out when empty
 * </table>
 *
 * <p>CloudEvents extension values must be strings, numbers, booleans, URIs or timestamps, not
 * objects, so the metadata travels as one string holding its JSON: lossless, and valid for
 * every CloudEvents SDK. When reading, only the attributes above are accepted; any other
 * attribute (including {@code subject}, {@code dataschema} and {@code data_base64}) is an error
 * rather than being dropped.
 *
 * <p>All methods are static, stateless and safe for concurrent use.
 *
 * @since 0.1.0
 */
public final class CloudEventsFormat {
  /** The CloudEvents version written and accepted. */
  public static final String SPEC_VERSION = "1.0";

  /** The content type of {@code data}, written always. */
  public static final String DATA_CONTENT_TYPE = "application/json";

  /** Attribute: the CloudEvents version. */
  public static final String SPECVERSION = "specversion";

  /** Attribute: the event id. */
  public static final String ID = "id";

  /** Attribute: the producer's URI reference. */
  public static final String SOURCE = "source";

  /** Attribute: the event type. */
  public static final String TYPE = "type";

  /** Attribute: when the event occurred. */
  public static final String TIME = "time";

  /** Attribute: the media type of {@code data}. */
  public static final String DATACONTENTTYPE = "datacontenttype";

  /** Member holding the event's own fields. */
  public static final String DATA = "data";

  /** Extension attribute: the correlation id. */
  public static final String CORRELATION_ID = "correlationid";

  /** Extension attribute: the causation id. */
  public static final String CAUSATION_ID = "causationid";

  /** Extension attribute: the metadata, as a JSON object in a string. */
  public static final String METADATA = "metadata";

  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9]+");
  private static final Set<String> KNOWN =
      Set.of(SPECVERSION, ID, SOURCE, TYPE, TIME, DATACONTENTTYPE, DATA, CORRELATION_ID,
          CAUSATION_ID, METADATA);

  private CloudEventsFormat() {}

  /**
   * Returns whether {@code name} is a valid CloudEvents attribute name: lower-case ASCII letters
   * and digits only, at least one character.
   *
   * @param name a candidate name
   * @return true if valid
   */
  public static boolean isValidAttributeName(String name) {
    return ATTRIBUTE_NAME.matcher(name).matches();
  }

  /**
   * Returns the context attributes of {@code event} as plain JSON values, in writing order; the
   * caller adds {@link #DATA}.
   *
   * @param event the event
   * @param source the producer's URI reference
   * @param metadataJson the metadata encoded as a compact JSON object, or null when the metadata
   *     is empty
   * @return a new mutable map
   */
  public static Map<String, Object> attributes(
      DomainEvent event, URI source, @Nullable String metadataJson) {
    EventHeader header = event.header();
    Map<String, Object> values = new LinkedHashMap<>(12);
    values.put(SPECVERSION, SPEC_VERSION);
    values.put(ID, header.eventId().toString());
    values.put(SOURCE, source.toString());
    values.put(TYPE, event.eventType());
    values.put(TIME, WireFormat.formatTimestamp(header.occurredAt()));
    values.put(DATACONTENTTYPE, DATA_CONTENT_TYPE);
    header.correlationId().ifPresent(id -> values.put(CORRELATION_ID, id.toString()));
    header.causationId().ifPresent(id -> values.put(CAUSATION_ID, id.toString()));
    if (metadataJson != null) {
      values.put(METADATA, metadataJson);
    }
    return values;
  }

  /**
   * Validates the attributes of a CloudEvent against the specification's rules and returns its
   * type. Checks: every member name is a known attribute with a valid name; {@code specversion}
   * is {@code "1.0"}; {@code id}, {@code source} and {@code type} are non-empty strings; {@code
   * source} is a URI reference; {@code datacontenttype}, if present, is a JSON media type.
   *
   * @param attributes the decoded members of the CloudEvent other than {@code data} (which may
   *     be present, it is not inspected)
   * @return the value of {@code type}
   * @throws EventFormatException naming the attribute that breaks a rule
   */
  public static String readType(Map<String, ?> attributes) {
    for (String name : attributes.keySet()) {
      if (!isValidAttributeName(name)) {
        throw new EventFormatException(
            name, "'" + WireFormat.abbreviate(name) + "' is not a valid CloudEvents attribute"
                + " name (lower-case letters and digits only)");
      }
      if (!KNOWN.contains(name)) {
        throw new EventFormatException(
            name, "unsupported CloudEvents attribute '" + name + "'; accepted: " + KNOWN);
      }
    }
    String version = nonEmpty(attributes, SPECVERSION);
    if (!SPEC_VERSION.equals(version)) {
      throw new EventFormatException(
          SPECVERSION, "specversion must be \"1.0\", was '" + WireFormat.abbreviate(version) + "'");
    }
    String source = nonEmpty(attributes, SOURCE);
    try {
      new URI(source);
    } catch (URISyntaxException e) {
      throw new EventFormatException(
          SOURCE, "source must be a URI reference, was '" + WireFormat.abbreviate(source) + "'", e);
    }
    Object contentType = attributes.get(DATACONTENTTYPE);
    if (contentType != null) {
      if (!(contentType instanceof String text) || !isJsonMediaType(text)) {
        throw new EventFormatException(
            DATACONTENTTYPE, "datacontenttype must be a JSON media type such as "
                + DATA_CONTENT_TYPE + ", was " + WireFormat.describe(contentType));
      }
    }
    nonEmpty(attributes, ID);
    return nonEmpty(attributes, TYPE);
  }

  /**
   * Builds the header of a CloudEvent whose attributes passed {@link #readType(Map)}.
   *
   * @param attributes the decoded attributes
   * @param options limits and the null metadata value policy
   * @param metadataDecoder decodes the {@code metadata} extension's JSON text into plain JSON
   *     values; it should throw {@link EventFormatException} on malformed text
   * @return the header, built with {@link EventHeader#of}
   * @throws EventFormatException naming the attribute if {@code id} is not a UUID, {@code time}
   *     is missing or not RFC 3339, an extension has the wrong type, or the metadata breaks a
   *     rule of {@link WireFormat#readHeader(Map, ReadOptions)}
   */
  public static EventHeader readHeader(
      Map<String, ?> attributes,
      ReadOptions options,
      Function<String, ? extends @Nullable Object> metadataDecoder) {
    Map<String, @Nullable Object> values = new LinkedHashMap<>(8);
    values.put(WireFormat.EVENT_ID, idAttribute(attributes));
    Object time = attributes.get(TIME);
    if (time == null) {
      throw new EventFormatException(TIME, "time is missing; it is required for domain events");
    }
    if (!(time instanceof String text)) {
      throw WireFormat.wrongType(TIME, "an RFC 3339 timestamp string", time);
    }
    values.put(WireFormat.OCCURRED_AT, WireFormat.parseTimestamp(TIME, text).toString());
    values.put(WireFormat.CORRELATION_ID, uuidExtension(attributes, CORRELATION_ID));
    values.put(WireFormat.CAUSATION_ID, uuidExtension(attributes, CAUSATION_ID));
    Object metadata = attributes.get(METADATA);
    if (metadata != null) {
      if (!(metadata instanceof String json)) {
        throw WireFormat.wrongType(METADATA, "a string holding a JSON object", metadata);
      }
      values.put(WireFormat.METADATA, metadataDecoder.apply(json));
    }
    return WireFormat.readHeader(values, options);
  }

  private static String idAttribute(Map<String, ?> attributes) {
    String id = nonEmpty(attributes, ID);
    UUID uuid = WireFormat.parseUuid(ID, id);
    return uuid.toString();
  }

  private static @Nullable String uuidExtension(Map<String, ?> attributes, String name) {
    Object value = attributes.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw WireFormat.wrongType(name, "a UUID string", value);
    }
    return WireFormat.parseUuid(name, text).toString();
  }

  private static String nonEmpty(Map<String, ?> attributes, String name) {
    String text = WireFormat.requireString(attributes, name);
    if (text.isEmpty()) {
      throw new EventFormatException(name, name + " must not be empty");
    }
    return text;
  }

  private static boolean isJsonMediaType(String mediaType) {
    int parameters = mediaType.indexOf(';');
    String type = (parameters < 0 ? mediaType : mediaType.substring(0, parameters))
        .trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.equals("text/json") || type.endsWith("+json");
  }
}
