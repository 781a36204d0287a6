package io.github.domainevents.jackson2;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.wire.UnknownEventTypeException;
import io.github.domainevents.wire.CloudEventsFormat;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.ReadOptions;
import io.github.domainevents.wire.WireFormat;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.io.IOException;

/**
 * Reads and writes domain events as seed-compatible JSON and as CloudEvents 1.0 structured-mode
 * JSON, over Jackson 2. The one entry point of this module.
 *
 * <pre>{@code
 * EventJson json = EventJson.create(EventTypeRegistry.of(InviteCreated.class));
 * String text = json.toJson(event);
 * DomainEvent back = json.fromJson(text);                    // type from event_type
 * InviteCreated typed = json.fromJson(text, InviteCreated.class);
 * }</pre>
 *
 * <p>The default mapper names the events' own fields in snake_case, as the seed's Python models
 * do, keeps their declaration order, fails on unknown and on missing fields, reads
 * constructor parameter names ({@code ParameterNamesModule}, for class-style events'
 * {@code @JsonCreator} constructors; compile with {@code -parameters}), and reads with the
 * stream limits of {@link ReadOptions}. Pass your own {@code ObjectMapper} to {@link
 * Builder#mapper(ObjectMapper)} to choose otherwise; a copy of it gets {@link DomainEventModule}
 * and the stream limits, and the original is left unchanged.
 *
 * <p>Reading never returns a partly built event: it returns the event or throws. Failures are
 * {@link EventFormatException}s naming the field where one is known, or {@link
 * UnknownEventTypeException} for an {@code event_type} that is not registered. Instances are
 * immutable and safe for concurrent use.
 *
 * @since 0.1.0
 */
public final class EventJson {
  private final ObjectMapper mapper;
  private final EventTypeRegistry registry;
  private final ReadOptions options;
  private final @Nullable URI source;

  private EventJson(Builder builder) {
    this.registry = builder.registry;
    this.options = builder.options;
    this.source = builder.source;
    ObjectMapper base = builder.mapper != null ? builder.mapper : defaultMapper();
    ObjectMapper copy = base.copy();
    copy.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxDocumentLength(options.maxDocumentLength())
                .maxStringLength(options.maxStringLength())
                .maxNumberLength(options.maxNumberLength())
                .maxNestingDepth(options.maxNestingDepth())
                .build());
    copy.registerModule(new DomainEventModule(registry, options));
    this.mapper = copy;
  }

  /**
   * Returns an instance with the default mapper and {@link ReadOptions#defaults()}, without a
   * CloudEvents source.
   *
   * @param registry the event types that may be read
   * @return the instance
   * @throws NullPointerException if {@code registry} is null
   */
  public static EventJson create(EventTypeRegistry registry) {
    return builder(registry).build();
  }

  /**
   * Returns a builder.
   *
   * @param registry the event types that may be read
   * @return a new builder
   * @throws NullPointerException if {@code registry} is null
   */
  public static Builder builder(EventTypeRegistry registry) {
    return new Builder(registry);
  }

  private static ObjectMapper defaultMapper() {
    return JsonMapper.builder()
        .addModule(new ParameterNamesModule())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
  }

  /**
   * Returns the mapper used, with {@link DomainEventModule} registered.
   *
   * @return the mapper; do not reconfigure it
   */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Writes {@code event} as one flat JSON object: header keys first, then its own fields.
   *
   * @param event the event
   * @return compact JSON
   * @throws NullPointerException if {@code event} is null
   * @throws IllegalArgumentException if Jackson cannot serialize the event (for example a field
   *     whose name collides with a header key)
   */
  public String toJson(DomainEvent event) {
    requireNonNull(event, "event");
    try {
      return mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write " + event.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads an event whose class is resolved from its {@code event_type} through the registry.
   *
   * @param json the JSON text
   * @return the event, of a registered class
   * @throws NullPointerException if {@code json} is null
   * @throws UnknownEventTypeException if {@code event_type} names no registered class
   * @throws EventFormatException if the JSON is malformed, exceeds a limit, or a field is
   *     missing or invalid; the message names the field
   */
  public DomainEvent fromJson(String json) {
    return fromJson(json, DomainEvent.class);
  }

  /**
   * Reads an event of a known class (or of a registered subtype, for {@code DomainEvent} and
   * {@code BaseDomainEvent}). A present {@code event_type} must match the class's registered
   * name.
   *
   * @param <E> the event type
   * @param json the JSON text
   * @param type the class to read; it must be registered
   * @return the event
   * @throws NullPointerException if an argument is null
   * @throws UnknownEventTypeException if {@code type} is abstract and {@code event_type} names
   *     no registered class
   * @throws EventFormatException if the JSON is malformed, exceeds a limit, a field is missing or
   *     invalid, {@code type} is not registered, or {@code event_type} names another type
   */
  public <E extends DomainEvent> E fromJson(String json, Class<E> type) {
    requireNonNull(json, "json");
    requireNonNull(type, "type");
    JsonNode tree = readTree(json);
    EventReading.checkObject(tree, "an event");
    try {
      return mapper.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw Failures.reading(e);
    }
  }

  /**
   * Writes {@code event} as a CloudEvents 1.0 structured-mode JSON document; see {@link
   * CloudEventsFormat} for the attribute mapping.
   *
   * @param event the event
   * @return compact JSON
   * @throws NullPointerException if {@code event} is null
   * @throws IllegalStateException if no source was configured ({@link
   *     Builder#cloudEventsSource(URI)})
   * @throws IllegalArgumentException if Jackson cannot serialize the event
   */
  public String toCloudEvent(DomainEvent event) {
    requireNonNull(event, "event");
    URI configured = source;
    if (configured == null) {
      throw new IllegalStateException(
          "no CloudEvents source configured: use EventJson.builder(..).cloudEventsSource(uri)");
    }
    try {
      JsonNode flat = mapper.valueToTree(event);
      String metadata =
          event.metadata().isEmpty() ? null : mapper.writeValueAsString(event.metadata());
      ObjectNode cloudEvent = mapper.createObjectNode();
      for (Map.Entry<String, Object> attribute :
          CloudEventsFormat.attributes(event, configured, metadata).entrySet()) {
        cloudEvent.put(attribute.getKey(), (String) attribute.getValue());
      }
      ObjectNode data = cloudEvent.putObject(CloudEventsFormat.DATA);
      for (Map.Entry<String, JsonNode> field : flat.properties()) {
        if (!WireFormat.isHeaderKey(field.getKey())) {
          data.set(field.getKey(), field.getValue());
        }
      }
      return mapper.writeValueAsString(cloudEvent);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot write " + event.getClass().getName() + " as a CloudEvent: "
              + e.getMessage(), e);
    }
  }

  /**
   * Reads a CloudEvents 1.0 structured-mode JSON document into the registered event class named
   * by its {@code type}. The attributes are validated against the specification's rules, and
   * only the attributes of {@link CloudEventsFormat} are accepted; {@code source} is checked but
   * not kept.
   *
   * @param json the JSON text
   * @return the event
   * @throws NullPointerException if {@code json} is null
   * @throws UnknownEventTypeException if {@code type} names no registered class
   * @throws EventFormatException if the document is malformed, breaks a CloudEvents rule,
   *     exceeds a limit, or a field is missing or invalid; the message names the attribute or
   *     field
   */
  public DomainEvent fromCloudEvent(String json) {
    requireNonNull(json, "json");
    JsonNode tree = readTree(json);
    EventReading.checkObject(tree, "a CloudEvent");
    Map<String, @Nullable Object> attributes = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : tree.properties()) {
      if (!member.getKey().equals(CloudEventsFormat.DATA)) {
        attributes.put(member.getKey(), Trees.toPlain(member.getValue(), member.getKey()));
      }
    }
    String type = CloudEventsFormat.readType(attributes);
    Class<? extends DomainEvent> eventClass = registry.classOf(type);
    var header =
        CloudEventsFormat.readHeader(
            attributes, options, text -> Trees.toPlain(readTree(text), CloudEventsFormat.METADATA));
    JsonNode data = tree.get(CloudEventsFormat.DATA);
    if (data != null && !data.isNull()) {
      EventReading.checkObject(data, "data");
    }
    ObjectNode flat = mapper.createObjectNode();
    flat.put(WireFormat.EVENT_ID, header.eventId().toString());
    flat.put(WireFormat.EVENT_TYPE, type);
    flat.put(WireFormat.OCCURRED_AT, WireFormat.formatTimestamp(header.occurredAt()));
    header.correlationId().ifPresent(id -> flat.put(WireFormat.CORRELATION_ID, id.toString()));
    header.causationId().ifPresent(id -> flat.put(WireFormat.CAUSATION_ID, id.toString()));
    flat.set(WireFormat.METADATA, mapper.valueToTree(header.metadata()));
    if (data != null && data.isObject()) {
      for (Map.Entry<String, JsonNode> field : data.properties()) {
        if (WireFormat.isHeaderKey(field.getKey())) {
          throw new EventFormatException(
              "data." + field.getKey(), "data must not contain the header key '"
                  + field.getKey() + "'; header fields travel as CloudEvents attributes");
        }
        flat.set(field.getKey(), field.getValue());
      }
    }
    try {
      return mapper.treeToValue(flat, eventClass);
    } catch (JsonProcessingException e) {
      throw Failures.reading(e);
    }
  }

  private JsonNode readTree(String json) {
    try (JsonParser parser = mapper.createParser(json)) {
      JsonNode tree = mapper.readTree(parser);
      if (tree == null || tree.isMissingNode()) {
        throw new EventFormatException(null, "no JSON content to read");
      }
      if (parser.nextToken() != null) {
        throw new EventFormatException(null, "trailing content after the JSON value");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw Failures.reading(e);
    } catch (IOException e) {
      throw new EventFormatException(null, "cannot read the JSON: " + e.getMessage(), e);
    }
  }

  private static <T> T requireNonNull(@Nullable T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  /**
   * Configures an {@link EventJson}. Not safe for concurrent use.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final EventTypeRegistry registry;
    private @Nullable ObjectMapper mapper;
    private ReadOptions options = ReadOptions.defaults();
    private @Nullable URI source;

    private Builder(EventTypeRegistry registry) {
      this.registry = requireNonNull(registry, "registry");
    }

    /**
     * Uses a copy of {@code mapper} (its naming strategy, features and modules) with {@link
     * DomainEventModule} added, instead of the default mapper. Register {@code
     * ParameterNamesModule} on it if class-style events rely on parameter names.
     *
     * @param mapper the base mapper; it is not changed
     * @return this builder
     * @throws NullPointerException if {@code mapper} is null
     */
    public Builder mapper(ObjectMapper mapper) {
      this.mapper = requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Sets the limits and policies for reading.
     *
     * @param options the options
     * @return this builder
     * @throws NullPointerException if {@code options} is null
     */
    public Builder readOptions(ReadOptions options) {
      this.options = requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets the CloudEvents {@code source} written by {@link EventJson#toCloudEvent}.
     *
     * @param source a URI reference identifying the producer, such as {@code /invites} or
     *     {@code https://example.com/invites}
     * @return this builder
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if {@code source} is empty
     */
    public Builder cloudEventsSource(URI source) {
      requireNonNull(source, "source");
      if (source.toString().isEmpty()) {
        throw new IllegalArgumentException("source must not be empty");
      }
      this.source = source;
      return this;
    }

    /**
     * Returns the configured instance.
     *
     * @return a new {@link EventJson}
     */
    public EventJson build() {
      return new EventJson(this);
    }
  }
}
