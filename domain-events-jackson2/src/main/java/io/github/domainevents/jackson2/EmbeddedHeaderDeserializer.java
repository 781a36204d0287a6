package io.github.domainevents.jackson2;

import io.github.domainevents.EventHeader;
import io.github.domainevents.wire.WireFormat;
import java.io.IOException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Accepts only the header that {@link EventDeserializer} embedded; a header written as a nested
 * JSON object is not part of the wire format and is rejected.
 */
final class EmbeddedHeaderDeserializer extends StdDeserializer<EventHeader> {
  private static final long serialVersionUID = 1L;

  EmbeddedHeaderDeserializer() {
    super(EventHeader.class);
  }

  @Override
  public EventHeader deserialize(JsonParser p, DeserializationContext ctxt)
      throws IOException {
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
