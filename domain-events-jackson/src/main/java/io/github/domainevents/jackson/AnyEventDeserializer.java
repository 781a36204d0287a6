package io.github.domainevents.jackson;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.EventObject;
import io.github.domainevents.wire.UnknownEventTypeException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Reads {@code DomainEvent} (or {@code BaseDomainEvent}) targets: the protocol resolves {@code
 * event_type} through the registry, and only there; then the registered class's deserializer
 * reads the fields already buffered, in the same pass.
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
  public E deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
    TokenBuffer fields = ctxt.bufferForInputBuffering(p);
    EventObject event;
    Class<? extends E> type;
    EventHeader header;
    try {
      event = reading.read(p, fields);
      type = event.resolve(reading.registry, target);
      header = event.header(reading.registry, type);
    } catch (EventFormatException | UnknownEventTypeException e) {
      throw DatabindException.from(p, e.getMessage(), e);
    }
    ValueDeserializer<Object> deserializer =
        ctxt.findRootValueDeserializer(ctxt.constructType(type));
    if (!(deserializer instanceof EventDeserializer events)) {
      throw DatabindException.from(
          p, type.getName() + " is not read by the domain-events module's deserializer");
    }
    return target.cast(events.readFields(p, ctxt, event, header, fields));
  }
}
