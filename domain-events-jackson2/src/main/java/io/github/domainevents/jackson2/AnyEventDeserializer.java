package io.github.domainevents.jackson2;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.wire.UnknownEventTypeException;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.WireFormat;
import java.io.IOException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads {@code DomainEvent} (or {@code BaseDomainEvent}) targets: looks {@code event_type} up in
 * the registry, and only there, then reads the registered class.
 */
final class AnyEventDeserializer<E extends DomainEvent> extends StdDeserializer<E> {
  private static final long serialVersionUID = 1L;

  private final Class<E> target;
  private final transient EventReading reading;

  AnyEventDeserializer(Class<E> target, EventReading reading) {
    super(target);
    this.target = target;
    this.reading = reading;
  }

  @Override
  public E deserialize(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonNode tree = ctxt.readTree(p);
    Class<? extends DomainEvent> type;
    String name;
    try {
      EventReading.checkObject(tree, "an event");
      name = WireFormat.readEventType(EventReading.headerValues(tree));
      type = reading.registry.classOf(name);
    } catch (EventFormatException | UnknownEventTypeException e) {
      throw JsonMappingException.from(p, e.getMessage(), e);
    }
    if (!target.isAssignableFrom(type)) {
      throw JsonMappingException.from(
          p, "event_type '" + name + "' is " + type.getName() + ", not a " + target.getSimpleName());
    }
    try (JsonParser again = tree.traverse(p.getCodec())) {
      again.nextToken();
      return target.cast(ctxt.readValue(again, type));
    }
  }
}
