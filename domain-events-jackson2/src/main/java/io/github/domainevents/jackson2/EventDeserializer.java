package io.github.domainevents.jackson2;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.WireFormat;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import java.io.IOException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads one event class from the flat wire shape: builds the header from the header keys, then
 * lets Jackson's own deserializer for the class read the remaining fields, with the header handed
 * to the constructor parameter of type {@link EventHeader} (as an embedded value under that
 * parameter's property name, which no JSON text can produce).
 */
final class EventDeserializer extends DelegatingDeserializer {
  private static final long serialVersionUID = 1L;

  private final Class<?> eventClass;
  private final transient EventReading reading;
  private final @Nullable String headerProperty;

  EventDeserializer(
      JsonDeserializer<?> delegate,
      Class<?> eventClass,
      EventReading reading,
      @Nullable String headerProperty) {
    super(delegate);
    this.eventClass = eventClass;
    this.reading = reading;
    this.headerProperty = headerProperty;
  }

  @Override
  protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
    return new EventDeserializer(newDelegatee, eventClass, reading, headerProperty);
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode tree = ctxt.readTree(p);
    ObjectNode payload;
    EventHeader header;
    String property;
    try {
      EventReading.checkObject(tree, eventClass.getSimpleName());
      Optional<String> registered = reading.registry.nameOf(eventClass);
      if (registered.isEmpty()) {
        throw new EventFormatException(
            WireFormat.EVENT_TYPE, eventClass.getName() + " is not registered in the"
                + " EventTypeRegistry; register it to read it");
      }
      Map<String, @Nullable Object> values = EventReading.headerValues(tree);
      if (values.get(WireFormat.EVENT_TYPE) != null) {
        String type = WireFormat.readEventType(values);
        if (!type.equals(registered.get())) {
          throw new EventFormatException(
              WireFormat.EVENT_TYPE, "event_type '" + type + "' does not match "
                  + eventClass.getName() + ", registered as '" + registered.get() + "'");
        }
      }
      header = WireFormat.readHeader(values, reading.options);
      property = headerProperty;
      if (property == null) {
        throw new EventFormatException(
            null, eventClass.getName() + " has no constructor parameter of type EventHeader;"
                + " records need an 'EventHeader header' component, classes a @JsonCreator"
                + " constructor taking the header");
      }
      if (tree.has(property) && !WireFormat.isHeaderKey(property)) {
        throw new EventFormatException(
            property, "'" + property + "' is not an event field: header fields are the"
                + " top-level keys " + WireFormat.HEADER_KEYS);
      }
      payload = ctxt.getNodeFactory().objectNode();
      for (Map.Entry<String, JsonNode> entry : tree.properties()) {
        if (!WireFormat.isHeaderKey(entry.getKey())) {
          payload.set(entry.getKey(), entry.getValue());
        }
      }
    } catch (EventFormatException e) {
      throw JsonMappingException.from(p, e.getMessage(), e);
    }
    payload.putPOJO(property, header);
    try (JsonParser fields = payload.traverse(p.getCodec())) {
      fields.nextToken();
      return _delegatee.deserialize(fields, ctxt);
    }
  }

  @Override
  public boolean isCachable() {
    return true;
  }

  @Override
  public Class<?> handledType() {
    return eventClass;
  }

  /** Returns whether {@code type} is read by this deserializer: concrete event classes. */
  static boolean handles(Class<?> type) {
    return DomainEvent.class.isAssignableFrom(type)
        && !type.isInterface()
        && !Modifier.isAbstract(type.getModifiers());
  }
}
