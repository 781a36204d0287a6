package io.github.domainevents.jackson;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.wire.WireFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.util.NameTransformer;

/**
 * Writes an event as one flat object: the header members as the protocol writes them ({@link
 * WireFormat#writeHeader}: only what can be read back), then the fields the bean serializer
 * (header property removed) writes, unwrapped into the same object.
 */
final class EventSerializer extends ValueSerializer<Object> {
  private final ValueSerializer<Object> bean;
  private final EventReading reading;
  private @Nullable ValueSerializer<Object> fields;

  EventSerializer(ValueSerializer<Object> bean, EventReading reading) {
    this.bean = bean;
    this.reading = reading;
  }

  @Override
  public void resolve(SerializationContext ctxt) {
    bean.resolve(ctxt);
    fields = bean.unwrappingSerializer(NameTransformer.NOP);
  }

  @Override
  public ValueSerializer<?> createContextual(SerializationContext ctxt, BeanProperty property) {
    @SuppressWarnings("unchecked")
    ValueSerializer<Object> contextual =
        (ValueSerializer<Object>) bean.createContextual(ctxt, property);
    if (contextual == bean) {
      return this;
    }
    EventSerializer copy = new EventSerializer(contextual, reading);
    copy.fields = contextual.unwrappingSerializer(NameTransformer.NOP);
    return copy;
  }

  @Override
  public Class<?> handledType() {
    return bean.handledType();
  }

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt)
      throws JacksonException {
    ValueSerializer<Object> payload = fields;
    if (payload == null) {
      payload = bean.unwrappingSerializer(NameTransformer.NOP);
      fields = payload;
    }
    gen.writeStartObject(value);
    WireFormat.writeHeader((DomainEvent) value, reading.registry, reading.options,
        new GeneratorSink(gen));
    payload.serialize(value, gen, ctxt);
    gen.writeEndObject();
  }
}
