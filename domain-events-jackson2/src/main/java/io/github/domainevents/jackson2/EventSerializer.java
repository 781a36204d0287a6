package io.github.domainevents.jackson2;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.wire.WireFormat;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes an event as one flat object: the header keys first, then the fields the bean serializer
 * (header property removed) writes, unwrapped into the same object.
 */
final class EventSerializer extends JsonSerializer<Object>
    implements ResolvableSerializer, ContextualSerializer {
  private final JsonSerializer<Object> bean;
  private @Nullable JsonSerializer<Object> fields;

  EventSerializer(JsonSerializer<Object> bean) {
    this.bean = bean;
  }

  @Override
  public void resolve(SerializerProvider provider) throws JsonMappingException {
    if (bean instanceof ResolvableSerializer resolvable) {
      resolvable.resolve(provider);
    }
    fields = bean.unwrappingSerializer(NameTransformer.NOP);
  }

  @Override
  public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
      throws JsonMappingException {
    if (!(bean instanceof ContextualSerializer contextualizing)) {
      return this;
    }
    @SuppressWarnings("unchecked")
    JsonSerializer<Object> contextual =
        (JsonSerializer<Object>) contextualizing.createContextual(provider, property);
    if (contextual == bean) {
      return this;
    }
    EventSerializer copy = new EventSerializer(contextual);
    copy.fields = contextual.unwrappingSerializer(NameTransformer.NOP);
    return copy;
  }

  @Override
  public Class<Object> handledType() {
    return bean.handledType();
  }

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    JsonSerializer<Object> payload = fields;
    if (payload == null) {
      payload = bean.unwrappingSerializer(NameTransformer.NOP);
      fields = payload;
    }
    gen.writeStartObject(value);
    for (Map.Entry<String, @Nullable Object> entry :
        WireFormat.headerValues((DomainEvent) value).entrySet()) {
      gen.writeFieldName(entry.getKey());
      Object headerValue = entry.getValue();
      if (headerValue == null) {
        gen.writeNull();
      } else if (headerValue instanceof String text) {
        gen.writeString(text);
      } else {
        provider.defaultSerializeValue(headerValue, gen);
      }
    }
    payload.serialize(value, gen, provider);
    gen.writeEndObject();
  }
}
