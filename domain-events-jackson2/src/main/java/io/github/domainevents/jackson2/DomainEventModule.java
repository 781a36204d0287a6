package io.github.domainevents.jackson2;

import io.github.domainevents.BaseDomainEvent;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.wire.ReadOptions;
import io.github.domainevents.wire.WireFormat;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

/**
 * A Jackson 2 module that reads and writes {@link DomainEvent}s in the seed's flat wire format
 * (see {@link io.github.domainevents.wire.WireFormat}).
 *
 * <pre>{@code
 * ObjectMapper mapper = JsonMapper.builder()
 *     .addModule(new DomainEventModule(EventTypeRegistry.of(InviteCreated.class)))
 *     .addModule(new ParameterNamesModule()) // for class-style events' @JsonCreator
 *     .build();
 * String json = mapper.writeValueAsString(event);
 * DomainEvent back = mapper.readValue(json, DomainEvent.class); // resolved by event_type
 * }</pre>
 *
 * <p>With the module:
 *
 * <ul>
 *   <li>every event is written as one object, header keys first ({@code event_id}, {@code
 *       event_type}, {@code occurred_at}, {@code correlation_id}, {@code causation_id}, {@code
 *       metadata}; fixed names), then the event's own properties in snake_case and declaration
 *       order, always written, whatever the mapper's naming strategy, ordering or inclusion
 *       settings (a class's own {@code @JsonNaming} and explicit {@code @JsonProperty} names
 *       are kept). Only what can be read back is written: an unregistered class or metadata
 *       beyond the {@link ReadOptions} fails;
 *   <li>the event's own fields are read strictly, whatever the mapper's settings: an unknown,
 *       missing or duplicate field fails, and no value is coerced (no fraction into an integer,
 *       no string into a number, no number into a boolean, enum or string). Nested values of
 *       other types are read as the mapper is configured;
 *   <li>a class-style event's multi-argument {@code @JsonCreator} needs parameter names:
 *       compile with {@code -parameters} or annotate each parameter with {@code @JsonProperty};
 *   <li>reading a concrete event class builds its header from the header keys and passes it to
 *       the constructor parameter of type {@link EventHeader}: a record's {@code header}
 *       component, or a parameter of a class's {@code @JsonCreator} constructor. A class's
 *       fields are written through getters or {@code @JsonProperty} accessors, as Jackson
 *       always does;
 *   <li>reading {@link DomainEvent} or {@link BaseDomainEvent} resolves the class from {@code
 *       event_type} through the {@link EventTypeRegistry}; nothing else is ever consulted, and
 *       no class is loaded by name. Concrete classes must be registered too;
 *   <li>keys such as {@code @class} or {@code @type} are rejected;
 *   <li>header errors (missing {@code event_id}, a bad UUID or date, metadata beyond {@link
 *       ReadOptions#maxMetadataDepth()}, a null metadata value) fail with a {@code
 *       JsonMappingException} whose cause is an {@link io.github.domainevents.wire.EventFormatException}
 *       naming the field.
 * </ul>
 *
 * <p>Creating the module checks the Jackson versions found at run time and fails with an
 * {@link IllegalStateException} naming them if {@code jackson-core} and {@code jackson-databind}
 * are misaligned or older than this module supports (see the README).
 *
 * <p>The module does not change the mapper's stream limits; configure {@code
 * StreamReadConstraints} on its {@code JsonFactory}, or use {@link EventJson}, which does.
 * Instances are immutable and may be registered on any number of mappers.
 *
 * @since 0.1.0
 */
public final class DomainEventModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the module with {@link ReadOptions#defaults()}.
   *
   * @param registry the event types that may be read
   * @throws NullPointerException if {@code registry} is null
   * @throws IllegalStateException if the Jackson versions found at run time are not supported
   */
  public DomainEventModule(EventTypeRegistry registry) {
    this(registry, ReadOptions.defaults());
  }

  /**
   * Creates the module.
   *
   * @param registry the event types that may be read
   * @param options the metadata limits and null-value policy applied when reading headers
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the Jackson versions found at run time are not supported
   */
  public DomainEventModule(EventTypeRegistry registry, ReadOptions options) {
    super("domain-events");
    if (registry == null || options == null) {
      throw new NullPointerException(registry == null ? "registry must not be null"
          : "options must not be null");
    }
    JacksonVersions.check();
    EventReading reading = new EventReading(registry, options);
    addDeserializer(EventHeader.class, new EmbeddedHeaderDeserializer());
    addDeserializer(DomainEvent.class, new AnyEventDeserializer<>(DomainEvent.class, reading));
    addDeserializer(
        BaseDomainEvent.class, new AnyEventDeserializer<>(BaseDomainEvent.class, reading));
    setDeserializerModifier(new DeserializerModifier(reading));
    setSerializerModifier(new SerializerModifier(reading));
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.insertAnnotationIntrospector(new WireShape());
  }

  private static final class DeserializerModifier extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;
    private final transient EventReading reading;

    DeserializerModifier(EventReading reading) {
      this.reading = reading;
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(
        DeserializationConfig config,
        BeanDescription description,
        JsonDeserializer<?> deserializer) {
      Class<?> type = description.getBeanClass();
      if (!EventDeserializer.handles(type)) {
        return deserializer;
      }
      return new EventDeserializer(deserializer, type, reading, headerProperty(description));
    }

    private static @Nullable String headerProperty(BeanDescription description) {
      for (BeanPropertyDefinition property : description.findProperties()) {
        if (property.getRawPrimaryType() == EventHeader.class) {
          return property.getName();
        }
      }
      return null;
    }
  }

  private static final class SerializerModifier extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;
    private final transient EventReading reading;

    SerializerModifier(EventReading reading) {
      this.reading = reading;
    }

    @Override
    public List<BeanPropertyWriter> changeProperties(
        SerializationConfig config,
        BeanDescription description,
        List<BeanPropertyWriter> properties) {
      Class<?> type = description.getBeanClass();
      if (!DomainEvent.class.isAssignableFrom(type)) {
        return properties;
      }
      List<BeanPropertyWriter> fields = new ArrayList<>(properties.size());
      for (BeanPropertyWriter property : properties) {
        if (property.getType().getRawClass() == EventHeader.class) {
          continue;
        }
        if (WireFormat.isHeaderKey(property.getName())
            || WireFormat.isTypeIdKey(property.getName())) {
          throw new IllegalStateException(
              type.getName() + " has a property named '" + property.getName()
                  + "', which is reserved for the header; rename it");
        }
        fields.add(property);
      }
      return fields;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonSerializer<?> modifySerializer(
        SerializationConfig config,
        BeanDescription description,
        JsonSerializer<?> serializer) {
      if (!DomainEvent.class.isAssignableFrom(description.getBeanClass())) {
        return serializer;
      }
      return new EventSerializer((JsonSerializer<Object>) serializer, reading);
    }
  }
}
