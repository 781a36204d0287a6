package io.github.domainevents.jackson;

import io.github.domainevents.EventHeader;
import io.github.domainevents.wire.WireFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Accepts only the header that {@link EventDeserializer} embedded; a header written as a nested
 * JSON object is not part of the wire format and is rejected.
 */
final class EmbeddedHeaderDeserializer extends StdDeserializer<EventHeader> {
  EmbeddedHeaderDeserializer() {
    super(EventHeader.class);
  }

  @Override
  public EventHeader deserialize(JsonParser p, DeserializationContext ctxt)
      throws JacksonException {
    if (p.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT
        && p.getEmbeddedObject() instanceof EventHeader header) {
      return header;
    }
    return ctxt.reportInputMismatch(
        EventHeader.class,
        "an EventHeader is not read from a nested value: header fields are the top-level keys %s",
        WireFormat.HEADER_KEYS);
  }
}
