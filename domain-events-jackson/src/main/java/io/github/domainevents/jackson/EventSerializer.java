package io.github.domainevents.jackson;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.wire.WireFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.util.NameTransformer;

/**
 * Writes an event as one flat object: the header keys first, then the fields the bean serializer
 * (header property removed) writes, unwrapped into the same object.
 */
final class EventSerializer extends ValueSerializer<Object> {
  private final ValueSerializer<Object> bean;
  private @Nullable ValueSerializer<Object> fields;

  EventSerializer(ValueSerializer<Object> bean) {
    this.bean = bean;
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
    EventSerializer copy = new EventSerializer(contextual);
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
    for (Map.Entry<String, @Nullable Object> entry :
        WireFormat.headerValues((DomainEvent) value).entrySet()) {
      gen.writeName(entry.getKey());
      Object headerValue = entry.getValue();
      if (headerValue == null) {
        gen.writeNull();
      } else if (headerValue instanceof String text) {
        gen.writeString(text);
      } else {
        ctxt.writeValue(gen, headerValue);
      }
    }
    payload.serialize(value, gen, ctxt);
    gen.writeEndObject();
  }
}
