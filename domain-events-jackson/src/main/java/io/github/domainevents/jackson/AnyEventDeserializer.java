package io.github.domainevents.jackson;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.wire.UnknownEventTypeException;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.WireFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads {@code DomainEvent} (or {@code BaseDomainEvent}) targets: looks {@code event_type} up in
 * the registry, and only there, then reads the registered class.
 */
final class AnyEventDeserializer<E extends DomainEvent> extends StdDeserializer<E> {
  private final Class<E> target;
  private final EventReading reading;

  AnyEventDeserializer(Class<E> target, EventReading reading) {
    super(target);
    this.target = target;
    this.reading = reading;
  }

  @Override
  public E deserialize(JsonParser p, DeserializationContext ctxt)
      throws JacksonException {
    JsonNode tree = ctxt.readTree(p);
    Class<? extends DomainEvent> type;
    String name;
    try {
      EventReading.checkObject(tree, "an event");
      name = WireFormat.readEventType(EventReading.headerValues(tree));
      type = reading.registry.classOf(name);
    } catch (EventFormatException | UnknownEventTypeException e) {
      throw DatabindException.from(p, e.getMessage(), e);
    }
    if (!target.isAssignableFrom(type)) {
      throw DatabindException.from(
          p, "event_type '" + name + "' is " + type.getName() + ", not a " + target.getSimpleName());
    }
    try (JsonParser again = tree.traverse(ctxt)) {
      again.nextToken();
      return target.cast(ctxt.readValue(again, type));
    }
  }
}
