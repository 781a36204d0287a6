package io.github.domainevents.jackson;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.EventObject;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Reads one event class from the flat wire shape: the protocol ({@link EventObject}) builds the
 * header and checks the own fields; Jackson's own deserializer for the class then reads the
 * fields, with the header handed to the constructor parameter of type {@link EventHeader} (as an
 * embedded value under that parameter's property name, which no JSON text can produce).
 */
final class EventDeserializer extends DelegatingDeserializer {
  private final Class<?> eventClass;
  private final EventReading reading;
  private final @Nullable String headerProperty;
  private volatile @Nullable Properties properties;

  EventDeserializer(
      ValueDeserializer<?> delegate,
      Class<?> eventClass,
      EventReading reading,
      @Nullable String headerProperty) {
    super(delegate);
    this.eventClass = eventClass;
    this.reading = reading;
    this.headerProperty = headerProperty;
  }

  @Override
  protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
    return new EventDeserializer(newDelegatee, eventClass, reading, headerProperty);
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
    TokenBuffer fields = ctxt.bufferForInputBuffering(p);
    EventObject event;
    EventHeader header;
    try {
      event = reading.read(p, fields);
      header = event.header(reading.registry, eventClass);
    } catch (EventFormatException e) {
      throw DatabindException.from(p, e.getMessage(), e);
    }
    return readFields(p, ctxt, event, header, fields);
  }

  /** Checks the buffered own fields and lets the class's own deserializer read them. */
  Object readFields(
      JsonParser p, DeserializationContext ctxt, EventObject event, EventHeader header,
      TokenBuffer fields) throws JacksonException {
    String property = headerProperty;
    try {
      Properties known = properties();
      event.checkFields(eventClass, property, known == null ? null : known.types,
          known == null ? List.of() : known.required);
    } catch (EventFormatException e) {
      throw DatabindException.from(p, e.getMessage(), e);
    }
    if (property == null) {
      throw new IllegalStateException("checked above");
    }
    fields.writeName(property);
    fields.writeEmbeddedObject(header);
    fields.writeEndObject();
    try (JsonParser own = fields.asParserOnFirstToken(ctxt)) {
      return _delegatee.deserialize(own, ctxt);
    }
  }

  private @Nullable Properties properties() {
    Properties known = properties;
    if (known == null && _delegatee instanceof BeanDeserializerBase bean) {
      Map<String, Class<?>> types = new HashMap<>();
      List<String> required = new ArrayList<>();
      for (Iterator<SettableBeanProperty> it = bean.properties(); it.hasNext(); ) {
        SettableBeanProperty property = it.next();
        types.put(property.getName(), property.getType().getRawClass());
      }
      for (Iterator<SettableBeanProperty> it = bean.creatorProperties(); it.hasNext(); ) {
        SettableBeanProperty property = it.next();
        types.put(property.getName(), property.getType().getRawClass());
        required.add(property.getName());
      }
      known = new Properties(Map.copyOf(types), List.copyOf(required));
      properties = known;
    }
    return known;
  }

  private record Properties(Map<String, Class<?>> types, List<String> required) {}

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
