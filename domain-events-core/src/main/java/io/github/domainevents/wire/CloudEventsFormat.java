package io.github.domainevents.wire;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.internal.Checks;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
 *   <tr><td>{@code traceparent}<td>extension (CloudEvents distributed tracing): the metadata
 *       entry {@code traceparent} (where the OpenTelemetry module keeps the W3C trace context),
 *       when it is a string
 *   <tr><td>{@code tracestate}<td>extension (distributed tracing): the metadata entry {@code
 *       tracestate}, when it is a string
 *   <tr><td>{@code metadata}<td>extension: the rest of the metadata as a compact JSON object in
 *       a string, left out when empty
 * </table>
 *
 * <p>CloudEvents extension values must be strings, numbers, booleans, URIs or timestamps, not
 * objects, so the metadata travels as one string holding its JSON: lossless, and valid for
 * every CloudEvents SDK. The distributed-tracing extension is the exception, because other
 * producers (Knative, Dapr, the CloudEvents SDKs) and consumers read it there: the metadata
 * entries {@code traceparent} and {@code tracestate} travel as those attributes, not inside
 * {@code metadata}, and a CloudEvent carrying them is read back with them as metadata entries
 * (an error naming the attribute if {@code metadata} holds the same key too, or if the value is
 * not a string).
 *
 * <p>When reading, only the attributes above are accepted; any other attribute (including the
 * optional {@code subject} and {@code dataschema}, other producers' extensions, and {@code
 * data_base64}) is an error naming it, rather than being dropped or guessed into the metadata:
 * the attribute table is an allow-list, as the {@link EventTypeRegistry} is for types, so the
 * metadata of an event read never holds keys its producer's transport chose. A {@code metadata}
 * extension must hold a JSON object: the string {@code "null"} (or any other non-object JSON)
 * is an error naming {@code metadata}, since a writer leaves the extension out when the
 * metadata is empty.
 *
 * <p>A JSON module writes through {@link #writeEvent} and reads with {@link
 * CloudEventObject#read}. A binary-mode binding (Kafka's) writes the same attributes as headers
 * and, when reading, turns the headers and body back into a structured-mode document for {@link
 * CloudEventObject#read}, so that every rule is applied in one place.
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

  /**
   * Extension attribute of CloudEvents distributed tracing: the W3C {@code traceparent}, kept
   * in the event's metadata under the same key.
   */
  public static final String TRACEPARENT = "traceparent";

  /**
   * Extension attribute of CloudEvents distributed tracing: the W3C {@code tracestate}, kept in
   * the event's metadata under the same key.
   */
  public static final String TRACESTATE = "tracestate";

  /** The attributes kept in the metadata under their own names. */
  static final List<String> TRACING = List.of(TRACEPARENT, TRACESTATE);

  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9]+");
  private static final Set<String> KNOWN =
      Set.of(SPECVERSION, ID, SOURCE, TYPE, TIME, DATACONTENTTYPE, DATA, CORRELATION_ID,
          CAUSATION_ID, TRACEPARENT, TRACESTATE, METADATA);

  private CloudEventsFormat() {}

  /**
   * Returns whether {@code name} is a valid CloudEvents attribute name: lower-case ASCII letters
   * and digits only, at least one character.
   *
   * @param name a candidate name
   * @return true if valid
   */
  static boolean isValidAttributeName(String name) {
    return ATTRIBUTE_NAME.matcher(name).matches();
  }

  /**
   * Writes the context attributes of {@code event} into the object a writer has started, in
   * writing order; the caller then writes {@link #DATA} (the event's own fields) and ends the
   * object. The metadata, when not empty, is written as one compact JSON string.
   *
   * <p>Only what can be read back with {@code registry} and {@code options} is written, as for
   * {@link WireFormat#writeHeader}.
   *
   * @param event the event
   * @param source the producer's URI reference
   * @param registry the registry the event will be read back with
   * @param options the limits it will be read back with
   * @param sink where the attributes go
   * @throws IllegalArgumentException naming the class if it is not registered, or the limit
   *     the event would break when read back
   */
  static void writeAttributes(
      DomainEvent event, URI source, EventTypeRegistry registry, ReadOptions options,
      JsonSink sink) {
    attributes(event, source, registry, options).forEach((name, value) -> {
      sink.name(name);
      sink.string(value);
    });
  }

  /**
   * Returns the context attributes of {@code event} as plain strings, in writing order: {@code
   * specversion}, {@code id}, {@code source}, {@code type}, {@code time}, {@code
   * datacontenttype}, then those present of {@code correlationid}, {@code causationid}, {@code
   * traceparent}, {@code tracestate} and {@code metadata} (the rest of the metadata as compact
   * JSON): the mapping of the table above, which {@link #writeAttributes} writes.
   *
   * @param event the event
   * @param source the producer's URI reference
   * @param registry the registry the event will be read back with
   * @param options the limits it will be read back with
   * @return the attributes, unmodifiable, in writing order
   * @throws IllegalArgumentException naming the class if it is not registered, or the limit
   *     the event would break when read back
   * @throws NullPointerException if an argument is null
   */
  static Map<String, String> attributes(
      DomainEvent event, URI source, EventTypeRegistry registry, ReadOptions options) {
    Checks.requireNonNull(event, "event");
    Checks.requireNonNull(source, "source");
    String type = WireFormat.checkWritable(event, registry, options);
    EventHeader header = event.header();
    Map<String, String> attributes = new LinkedHashMap<>(16);
    attributes.put(SPECVERSION, SPEC_VERSION);
    attributes.put(ID, header.eventId().toString());
    attributes.put(SOURCE, source.toString());
    attributes.put(TYPE, type);
    attributes.put(TIME, WireFormat.formatTimestamp(header.occurredAt()));
    attributes.put(DATACONTENTTYPE, DATA_CONTENT_TYPE);
    header.correlationId().ifPresent(id -> attributes.put(CORRELATION_ID, id.toString()));
    header.causationId().ifPresent(id -> attributes.put(CAUSATION_ID, id.toString()));
    Map<String, Object> rest = header.metadata();
    for (String tracing : TRACING) {
      if (rest.get(tracing) instanceof String value) {
        attributes.put(tracing, value);
        rest = new LinkedHashMap<>(rest);
        rest.remove(tracing);
      }
    }
    if (!rest.isEmpty()) {
      attributes.put(METADATA, JsonText.of(rest));
    }
    return Collections.unmodifiableMap(attributes);
  }

  /**
   * Writes a whole CloudEvents structured-mode document for {@code event}: the attributes of
   * the table above, in its order (each a string), then {@code data} holding the event's own
   * fields, copied from {@code fields} (the event as the codec wrote it in the flat wire shape:
   * its header members are left out). The output is the codec's generator, which the caller then
   * closes.
   *
   * @param event the event
   * @param source the producer's URI reference
   * @param registry the registry the event will be read back with
   * @param options the limits it will be read back with
   * @param fields the codec's parser over the flat JSON of {@code event}, on its first token or
   *     before it
   * @param out the codec's generator
   * @throws IllegalArgumentException naming the class if it is not registered, or the limit
   *     the event would break when read back
   * @throws NullPointerException if an argument is null
   */
  public static void writeEvent(
      DomainEvent event, URI source, EventTypeRegistry registry, ReadOptions options,
      JsonInput fields, JsonOutput out) {
    Checks.requireNonNull(fields, "fields");
    Checks.requireNonNull(out, "out");
    out.startObject();
    writeAttributes(event, source, registry, options, out);
    out.name(DATA);
    out.startObject();
    Walk.first(fields);
    for (JsonInput.Token token = fields.next(); token == JsonInput.Token.NAME;
        token = fields.next()) {
      String key = fields.name();
      fields.next();
      if (WireFormat.isHeaderKey(key)) {
        Walk.skip(fields);
      } else {
        out.name(key);
        Walk.copy(fields, out, Walk.COPY);
      }
    }
    out.endObject();
    out.endObject();
  }

  /**
   * Returns the largest string a CloudEvents reader must let its parser accept: the {@code
   * metadata} extension holds the whole metadata as one string, so it is bounded by the
   * document length, not by {@link ReadOptions#maxStringLength()} (which {@link CloudEventObject}
   * applies to every other string itself).
   *
   * @param options the limits
   * @return the string length limit for the parser
   */
  public static int parserStringLimit(ReadOptions options) {
    return (int) Math.max(options.maxStringLength(),
        Math.min(Integer.MAX_VALUE, options.maxDocumentLength()));
  }

  static boolean isKnown(String name) {
    return KNOWN.contains(name);
  }

  static Set<String> known() {
    return KNOWN;
  }

  static boolean isJsonMediaType(String mediaType) {
    int parameters = mediaType.indexOf(';');
    String type = (parameters < 0 ? mediaType : mediaType.substring(0, parameters))
        .trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.equals("text/json") || type.endsWith("+json");
  }
}
