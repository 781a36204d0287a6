package io.github.domainevents.wire;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.internal.Checks;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One CloudEvents 1.0 document, as a JSON module reads it: the CloudEvents rules of {@link
 * CloudEventsFormat} in one place for every JSON library.
 *
 * <p>A codec implements {@link JsonInput} (its parser) and {@link JsonOutput} (its buffer);
 * {@link #read} reads a structured-mode document in one pass: it checks each attribute name
 * before the value is converted, copies the members of {@code data} into the codec's buffer,
 * validates the attributes and builds the header from the values as written. A binary-mode
 * binding (Kafka's) turns its record into such a document first, so that one reader applies
 * every rule.
 *
 * <p>Not safe for concurrent use; one instance reads one document.
 *
 * @since 0.1.0
 */
public final class CloudEventObject {
  private final ReadOptions options;
  private final Map<String, ValueReader> attributes = new HashMap<>(16);
  private final Set<String> dataFields = new HashSet<>();
  private boolean data;
  private final Walk.Scalars dataScalars = this::checkDataScalar;

  private CloudEventObject(ReadOptions options) {
    this.options = options;
  }

  /**
   * Reads a whole CloudEvents structured-mode document in one pass and writes the event it
   * holds, in the flat wire shape, into {@code event}: the members of {@code data} (copied
   * unconverted), then {@code event_type}, then the header built from the attributes as an
   * {@linkplain JsonOutput#embedded embedded} value under {@code event_id}. The codec then reads
   * that buffer as the returned class, as it reads seed JSON
   * (see {@link EventObject#read}, which accepts the embedded header).
   *
   * @param input the codec's parser over the document, not yet started
   * @param options the limits
   * @param registry the registered classes
   * @param event the codec's buffer for the flat event
   * @param metadataParser parses the {@code metadata} extension's JSON text into the given sink,
   *     for example through {@link #readMetadata}
   * @return the registered class named by {@code type}
   * @throws EventFormatException naming the attribute or member if the document is empty, not
   *     an object, has trailing content, names an attribute that is not valid or not supported
   *     or a member twice, has {@code data} that is neither an object nor null, carries a header
   *     key, a type id or a string beyond the limit inside {@code data}, or its attributes break
   *     a rule of the specification or of the table in {@link CloudEventsFormat} (a required
   *     attribute missing or empty, {@code id} not a UUID, {@code time} not RFC 3339, an
   *     extension of the wrong type, a tracing attribute also inside {@code metadata})
   * @throws UnknownEventTypeException if {@code type} names no registered class
   * @throws NullPointerException if an argument is null
   */
  public static Class<? extends DomainEvent> read(
      JsonInput input, ReadOptions options, EventTypeRegistry registry, JsonOutput event,
      BiConsumer<String, JsonSink> metadataParser) {
    Checks.requireNonNull(input, "input");
    Checks.requireNonNull(registry, "registry");
    Checks.requireNonNull(event, "event");
    Checks.requireNonNull(metadataParser, "metadataParser");
    CloudEventObject cloudEvent = start(Walk.kind(Walk.first(input)), options);
    event.startObject();
    for (JsonInput.Token token = input.next(); token == JsonInput.Token.NAME;
        token = input.next()) {
      String name = input.name();
      JsonInput.Token value = input.next();
      JsonSink attribute = cloudEvent.member(name, Walk.kind(value));
      if (attribute != null) {
        Walk.push(input, attribute);
      } else if (value == JsonInput.Token.START_OBJECT) {
        cloudEvent.copyData(input, event);
      }
    }
    Walk.end(input, null, "trailing content after the JSON value");
    String type = cloudEvent.type();
    Class<? extends DomainEvent> eventClass = registry.classOf(type);
    EventHeader header = cloudEvent.header(metadataParser);
    event.name(WireFormat.EVENT_TYPE);
    event.string(type);
    event.name(WireFormat.EVENT_ID);
    event.embedded(header);
    event.endObject();
    return eventClass;
  }

  /** Copies the members of {@code data}, each checked by the protocol, into the flat event. */
  private void copyData(JsonInput input, JsonOutput event) {
    for (JsonInput.Token token = input.next(); token == JsonInput.Token.NAME;
        token = input.next()) {
      String key = input.name();
      dataField(key, Walk.kind(input.next()));
      event.name(key);
      Walk.copy(input, event, dataScalars);
    }
  }

  private void checkDataScalar(JsonInput.Token token, JsonInput input) {
    if (token == JsonInput.Token.STRING) {
      dataString(input.text());
    }
  }

  /**
   * Reads the JSON text of the {@code metadata} extension, from a codec's parser over that text,
   * into {@code sink}: the body of the parser a codec passes to {@link
   * #read(JsonInput, ReadOptions, EventTypeRegistry, JsonOutput, BiConsumer)}.
   *
   * @param input the codec's parser over the text, not yet started
   * @param sink where the value goes
   * @throws EventFormatException naming {@code metadata} if the text holds no JSON value or
   *     more than one
   * @throws NullPointerException if an argument is null
   */
  public static void readMetadata(JsonInput input, JsonSink sink) {
    Checks.requireNonNull(input, "input");
    Checks.requireNonNull(sink, "sink");
    if (input.next() == null) {
      throw new EventFormatException(CloudEventsFormat.METADATA, "metadata holds no JSON");
    }
    Walk.push(input, sink);
    Walk.end(input, CloudEventsFormat.METADATA, "trailing content after the metadata JSON object");
  }

  /**
   * Starts reading a CloudEvent.
   *
   * @param kind the kind of the document's value
   * @param options the limits
   * @return a new reader of the document's members
   * @throws EventFormatException if {@code kind} is not {@link JsonKind#OBJECT}
   * @throws NullPointerException if an argument is null
   */
  static CloudEventObject start(JsonKind kind, ReadOptions options) {
    Checks.requireNonNull(kind, "kind");
    Checks.requireNonNull(options, "options");
    EventObject.requireObject(kind, "a CloudEvent");
    return new CloudEventObject(options);
  }

  /**
   * Accepts the next member of the document, checking its name first.
   *
   * @param name the member name
   * @param kind the kind of its value
   * @return a sink for the attribute's value, or null for {@code data} (the caller then reads
   *     its members through {@link #dataField}) when {@code data} is an object or null
   * @throws EventFormatException naming the member if its name is not a valid or supported
   *     attribute name, it appeared before, or {@code data} is neither an object nor null
   */
  @Nullable JsonSink member(String name, JsonKind kind) {
    if (!CloudEventsFormat.isValidAttributeName(name)) {
      throw new EventFormatException(
          name, "'" + WireFormat.abbreviate(name) + "' is not a valid CloudEvents attribute"
              + " name (lower-case letters and digits only)");
    }
    if (!CloudEventsFormat.isKnown(name)) {
      throw new EventFormatException(
          name, "unsupported CloudEvents attribute '" + WireFormat.abbreviate(name)
              + "'; accepted: " + CloudEventsFormat.known());
    }
    if (attributes.containsKey(name) || (data && name.equals(CloudEventsFormat.DATA))) {
      throw new EventFormatException(name, "'" + name + "' appears twice; duplicate keys are"
          + " rejected");
    }
    if (name.equals(CloudEventsFormat.DATA)) {
      data = true;
      if (kind != JsonKind.NULL && kind != JsonKind.OBJECT) {
        throw new EventFormatException(
            CloudEventsFormat.DATA, "data must be a JSON object, was " + kind.describe());
      }
      return null;
    }
    ValueReader reader = name.equals(CloudEventsFormat.METADATA)
        ? ValueReader.metadataText(options)
        : ValueReader.of(name, options);
    attributes.put(name, reader);
    return reader;
  }

  /**
   * Accepts the next member of {@code data}.
   *
   * @param key the member name
   * @param kind the kind of its value
   * @throws EventFormatException naming {@code data.key} if it is a header key (header fields
   *     travel as attributes), a type id such as {@code @class}, or appeared before
   */
  void dataField(String key, JsonKind kind) {
    String field = "data." + WireFormat.abbreviate(key);
    if (WireFormat.isHeaderKey(key)) {
      throw new EventFormatException(
          field, "data must not contain the header key '" + key
              + "'; header fields travel as CloudEvents attributes");
    }
    if (WireFormat.isTypeIdKey(key)) {
      throw new EventFormatException(
          field, "'" + field + "' is not accepted: types are chosen by the type attribute"
              + " through the registry, never by class names in the payload");
    }
    if (!dataFields.add(key)) {
      throw new EventFormatException(field, "'" + field + "' appears twice; duplicate keys are"
          + " rejected");
    }
  }

  /**
   * Checks a string inside {@code data} against {@link ReadOptions#maxStringLength()}: the
   * parser of a CloudEvent allows longer strings (see {@link
   * CloudEventsFormat#parserStringLimit}) for the {@code metadata} extension only.
   *
   * @param value the string
   * @throws EventFormatException naming {@code data} if the string is longer
   */
  void dataString(String value) {
    if (value.length() > options.maxStringLength()) {
      throw new EventFormatException(
          CloudEventsFormat.DATA, "data holds a string longer than the limit of "
              + options.maxStringLength() + " characters (ReadOptions.withMaxStringLength)");
    }
  }

  /**
   * Validates the attributes against the specification's rules and returns {@code type}.
   * Checks: {@code specversion} is {@code "1.0"}; {@code id}, {@code source} and {@code type}
   * are non-empty strings; {@code source} is a URI reference; {@code datacontenttype}, if
   * present, is a JSON media type.
   *
   * @return the value of {@code type}
   * @throws EventFormatException naming the attribute that breaks a rule
   */
  String type() {
    String version = nonEmpty(CloudEventsFormat.SPECVERSION);
    if (!CloudEventsFormat.SPEC_VERSION.equals(version)) {
      throw new EventFormatException(
          CloudEventsFormat.SPECVERSION,
          "specversion must be \"1.0\", was '" + WireFormat.abbreviate(version) + "'");
    }
    String source = nonEmpty(CloudEventsFormat.SOURCE);
    try {
      new URI(source);
    } catch (URISyntaxException e) {
      throw new EventFormatException(
          CloudEventsFormat.SOURCE,
          "source must be a URI reference, was '" + WireFormat.abbreviate(source) + "'", e);
    }
    Object contentType = value(CloudEventsFormat.DATACONTENTTYPE);
    if (contentType != null
        && (!(contentType instanceof String text) || !CloudEventsFormat.isJsonMediaType(text))) {
      throw new EventFormatException(
          CloudEventsFormat.DATACONTENTTYPE, "datacontenttype must be a JSON media type such as "
              + CloudEventsFormat.DATA_CONTENT_TYPE + ", was " + WireFormat.describe(contentType));
    }
    nonEmpty(CloudEventsFormat.ID);
    String type = nonEmpty(CloudEventsFormat.TYPE);
    if (WireFormat.isBlank(type)) {
      throw new EventFormatException(CloudEventsFormat.TYPE, "type must not be blank");
    }
    return type;
  }

  /**
   * Builds the header from the attributes, reading each value as written: {@code time} is
   * parsed once from its text, and an error quotes that text. The distributed-tracing
   * attributes {@code traceparent} and {@code tracestate} become the metadata entries of the
   * same names.
   *
   * @param metadataParser parses the {@code metadata} extension's JSON text into the given sink;
   *     it should throw {@link EventFormatException} on malformed text
   * @return the header
   * @throws EventFormatException naming the attribute if {@code id} is not a UUID, {@code time}
   *     is missing or not RFC 3339 within the years 1 to 9999, an extension has the wrong type,
   *     {@code metadata} is not a string holding a JSON object within the limits, or a
   *     tracing attribute is also a key inside {@code metadata}
   */
  EventHeader header(BiConsumer<String, JsonSink> metadataParser) {
    UUID id = WireFormat.parseUuid(CloudEventsFormat.ID, nonEmpty(CloudEventsFormat.ID));
    Object time = value(CloudEventsFormat.TIME);
    if (time == null) {
      throw new EventFormatException(
          CloudEventsFormat.TIME, "time is missing; it is required for domain events");
    }
    if (!(time instanceof String text)) {
      throw WireFormat.wrongType(CloudEventsFormat.TIME, "an RFC 3339 timestamp string", time);
    }
    Instant occurredAt = WireFormat.parseTimestamp(CloudEventsFormat.TIME, text);
    UUID correlationId = uuidExtension(CloudEventsFormat.CORRELATION_ID);
    UUID causationId = uuidExtension(CloudEventsFormat.CAUSATION_ID);
    return WireFormat.buildHeader(id, occurredAt, correlationId, causationId,
        withTracing(metadata(metadataParser)));
  }

  /** Adds the distributed-tracing attributes to the metadata, under their own names. */
  private @Nullable Object withTracing(@Nullable Object metadata) {
    Object merged = metadata;
    for (String name : CloudEventsFormat.TRACING) {
      Object value = value(name);
      if (value == null) {
        continue;
      }
      if (!(value instanceof String)) {
        throw WireFormat.wrongType(name, "a string", value);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> entries = merged == null ? new LinkedHashMap<>()
          : new LinkedHashMap<>((Map<String, Object>) merged);
      if (entries.containsKey(name)) {
        throw new EventFormatException(name, "'" + name + "' is both an attribute and a key of"
            + " the metadata extension; a writer sends it once, as the attribute");
      }
      entries.put(name, value);
      merged = entries;
    }
    return merged;
  }

  private @Nullable Object metadata(BiConsumer<String, JsonSink> parser) {
    Object metadata = value(CloudEventsFormat.METADATA);
    if (metadata == null) {
      return null;
    }
    if (!(metadata instanceof String json)) {
      throw WireFormat.wrongType(
          CloudEventsFormat.METADATA, "a string holding a JSON object", metadata);
    }
    ValueReader reader = ValueReader.of(WireFormat.METADATA, options);
    try {
      parser.accept(json, reader);
    } catch (EventFormatException e) {
      if (CloudEventsFormat.METADATA.equals(e.field()) || String.valueOf(e.field())
          .startsWith(CloudEventsFormat.METADATA + "[")) {
        throw e;
      }
      throw new EventFormatException(
          CloudEventsFormat.METADATA, "metadata is not a valid JSON object: " + e.getMessage(), e);
    }
    Object value = reader.result();
    if (!(value instanceof Map)) {
      throw new EventFormatException(
          CloudEventsFormat.METADATA, "metadata must be a string holding a JSON object, was '"
              + WireFormat.abbreviate(json) + "'");
    }
    return value;
  }

  private @Nullable UUID uuidExtension(String name) {
    Object value = value(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw WireFormat.wrongType(name, "a UUID string", value);
    }
    return WireFormat.parseUuid(name, text);
  }

  private @Nullable Object value(String name) {
    ValueReader reader = attributes.get(name);
    return reader == null ? null : reader.result();
  }

  private String nonEmpty(String name) {
    Map<String, @Nullable Object> values = new HashMap<>(2);
    if (attributes.containsKey(name)) {
      values.put(name, value(name));
    }
    String text = WireFormat.requireString(values, name);
    if (text.isEmpty()) {
      throw new EventFormatException(name, name + " must not be empty");
    }
    return text;
  }
}
