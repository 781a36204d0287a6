package io.github.domainevents.jackson2;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.wire.CloudEventObject;
import io.github.domainevents.wire.CloudEventsFormat;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.EventObject;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.wire.JsonSink;
import io.github.domainevents.wire.ReadOptions;
import io.github.domainevents.wire.UnknownEventTypeException;
import io.github.domainevents.wire.WireFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
 * <p>The wire shape does not depend on the mapper: events' own fields are snake_case, as the
 * seed's Python models, in declaration order. Reading is strict whatever the mapper: unknown,
 * missing and duplicate fields fail, and no value is coerced. Pass your own {@code ObjectMapper}
 * to {@link Builder#mapper(ObjectMapper)} for your modules and nested types; a copy is used, made
 * strict, with {@link DomainEventModule} added, and the stream limits of {@link ReadOptions}
 * apply to everything this class reads. Writing fails for what could not be read back.
 *
 * <p>Class-style events with a multi-argument {@code @JsonCreator} need parameter names:
 * compile with {@code -parameters} or annotate each creator parameter with {@code
 * @JsonProperty}.
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
  private final JsonFactory readFactory;
  private final JsonFactory cloudEventsFactory;
  private final EventTypeRegistry registry;
  private final ReadOptions options;
  private final @Nullable URI source;

  private EventJson(Builder builder) {
    this.registry = builder.registry;
    this.options = builder.options;
    this.source = builder.source;
    ObjectMapper base = builder.mapper != null ? builder.mapper : defaultMapper();
    ObjectMapper copy = strict(base.copy());
    copy.registerModule(new DomainEventModule(registry, options));
    this.mapper = copy;
    this.readFactory = readFactory(options.maxStringLength());
    this.cloudEventsFactory = readFactory(CloudEventsFormat.parserStringLimit(options));
  }

  private JsonFactory readFactory(int maxStringLength) {
    JsonFactory factory = mapper.getFactory().copy();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    factory.setStreamReadConstraints(
        StreamReadConstraints.builder()
            .maxDocumentLength(options.maxDocumentLength())
            .maxStringLength(maxStringLength)
            .maxNumberLength(options.maxNumberLength())
            .maxNestingDepth(options.maxNestingDepth())
            .build());
    return factory;
  }

  /** The settings no mapper may relax: reading never drops, invents or coerces a value. */
  private static ObjectMapper strict(ObjectMapper copy) {
    copy.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    copy.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      copy.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    copy.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    copy.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    copy.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    copy.coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return copy;
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
   * @throws IllegalArgumentException if the event could not be read back (its class is not
   *     registered, its time is outside the years 1 to 9999, its metadata or the document is
   *     beyond the {@link ReadOptions}; the message names the class or limit), or if Jackson
   *     cannot serialize the event (for example a field
   *     whose name collides with a header key)
   */
  public String toJson(DomainEvent event) {
    requireNonNull(event, "event");
    String text;
    try {
      text = mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw Failures.writing(event, "JSON", e);
    }
    WireFormat.checkWrittenLength(event, text.length(), options);
    return text;
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
    WireFormat.checkReadLength(json.length(), options);
    try (JsonParser parser = readFactory.createParser(json)) {
      ParserInput input = new ParserInput(parser);
      EventObject.startDocument(input);
      E event = mapper.readValue(parser, type);
      EventObject.endDocument(input);
      return event;
    } catch (IOException e) {
      throw Failures.reading(e);
    } catch (UncheckedIOException e) {
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
   * @throws IllegalArgumentException if the event could not be read back (as for {@link
   *     #toJson}), or if Jackson cannot serialize the event
   */
  public String toCloudEvent(DomainEvent event) {
    requireNonNull(event, "event");
    URI configured = source;
    if (configured == null) {
      throw new IllegalStateException(
          "no CloudEvents source configured: use EventJson.builder(..).cloudEventsSource(uri)");
    }
    StringWriter text = new StringWriter();
    try {
      TokenBuffer flat = new TokenBuffer(mapper, false);
      mapper.writeValue(flat, event);
      try (JsonGenerator gen = mapper.getFactory().createGenerator(text);
          JsonParser fields = flat.asParserOnFirstToken()) {
        CloudEventsFormat.writeEvent(event, configured, registry, options,
            new ParserInput(fields), new GeneratorSink(gen));
      }
    } catch (IOException e) {
      throw Failures.writing(event, "a CloudEvent", e);
    } catch (UncheckedIOException e) {
      throw Failures.writing(event, "a CloudEvent", e);
    }
    WireFormat.checkWrittenLength(event, text.getBuffer().length(), options);
    return text.toString();
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
    WireFormat.checkReadLength(json.length(), options);
    try (JsonParser parser = cloudEventsFactory.createParser(json)) {
      TokenBuffer flat = new TokenBuffer(mapper, false);
      Class<? extends DomainEvent> eventClass = CloudEventObject.read(new ParserInput(parser),
          options, registry, new GeneratorSink(flat), this::parseMetadata);
      try (JsonParser event = flat.asParserOnFirstToken()) {
        return mapper.readValue(event, eventClass);
      }
    } catch (IOException e) {
      throw Failures.reading(e);
    } catch (UncheckedIOException e) {
      throw Failures.reading(e);
    }
  }

  private void parseMetadata(String text, JsonSink sink) {
    try (JsonParser parser = readFactory.createParser(text)) {
      CloudEventObject.readMetadata(new ParserInput(parser), sink);
    } catch (IOException e) {
      throw Failures.reading(e);
    } catch (UncheckedIOException e) {
      throw Failures.reading(e);
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
