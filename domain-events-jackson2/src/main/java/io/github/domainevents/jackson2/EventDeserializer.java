package io.github.domainevents.jackson2;

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
import java.io.IOException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;

/**
 * Reads one event class from the flat wire shape: the protocol ({@link EventObject}) builds the
 * header and checks the own fields; Jackson's own deserializer for the class then reads the
 * fields, with the header handed to the constructor parameter of type {@link EventHeader} (as an
 * embedded value under that parameter's property name, which no JSON text can produce).
 */
final class EventDeserializer extends DelegatingDeserializer {
  private static final long serialVersionUID = 1L;

  private final Class<?> eventClass;
  private final transient EventReading reading;
  private final @Nullable String headerProperty;
  private transient volatile @Nullable Properties properties;

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
    TokenBuffer fields = ctxt.bufferForInputBuffering(p);
    EventObject event;
    EventHeader header;
    try {
      event = reading.read(p, fields);
      header = event.header(reading.registry, eventClass);
    } catch (EventFormatException e) {
      throw JsonMappingException.from(p, e.getMessage(), e);
    }
    return readFields(p, ctxt, event, header, fields);
  }

  /** Checks the buffered own fields and lets the class's own deserializer read them. */
  Object readFields(
      JsonParser p, DeserializationContext ctxt, EventObject event, EventHeader header,
      TokenBuffer fields) throws IOException {
    String property = headerProperty;
    try {
      Properties known = properties();
      event.checkFields(eventClass, property, known == null ? null : known.types,
          known == null ? List.of() : known.required);
    } catch (EventFormatException e) {
      throw JsonMappingException.from(p, e.getMessage(), e);
    }
    if (property == null) {
      throw new IllegalStateException("checked above");
    }
    fields.writeFieldName(property);
    fields.writeEmbeddedObject(header);
    fields.writeEndObject();
    try (JsonParser own = fields.asParserOnFirstToken()) {
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
