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
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * Writes an event as one flat object: the header members as the protocol writes them ({@link
 * WireFormat#writeHeader}: only what can be read back), then the fields the bean serializer
 * (header property removed) writes, unwrapped into the same object.
 */
final class EventSerializer extends JsonSerializer<Object>
    implements ResolvableSerializer, ContextualSerializer {
  private final JsonSerializer<Object> bean;
  private final EventReading reading;
  private @Nullable JsonSerializer<Object> fields;

  EventSerializer(JsonSerializer<Object> bean, EventReading reading) {
    this.bean = bean;
    this.reading = reading;
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
    EventSerializer copy = new EventSerializer(contextual, reading);
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
    try {
      WireFormat.writeHeader((DomainEvent) value, reading.registry, reading.options,
          new GeneratorSink(gen));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    payload.serialize(value, gen, provider);
    gen.writeEndObject();
  }
}
