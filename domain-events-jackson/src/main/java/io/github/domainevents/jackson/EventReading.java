package io.github.domainevents.jackson;

import io.github.domainevents.EventHeader;
import io.github.domainevents.wire.EventObject;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.wire.JsonSink;
import io.github.domainevents.wire.ReadOptions;
import io.github.domainevents.wire.WireFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.util.TokenBuffer;

/**
 * What the deserializers share: the registry, the options, and one pass over an event object
 * that hands header members to the protocol and buffers the event's own fields.
 */
final class EventReading {
  final EventTypeRegistry registry;
  final ReadOptions options;

  EventReading(EventTypeRegistry registry, ReadOptions options) {
    this.registry = registry;
    this.options = options;
  }

  /**
   * Reads the object at the parser's current token: header values go to the returned {@link
   * EventObject}, own fields into {@code fields} (an object left open for the header).
   */
  EventObject read(JsonParser p, TokenBuffer fields) throws JacksonException {
    JsonToken token = p.currentToken() == null ? p.nextToken() : p.currentToken();
    EventObject event = EventObject.start(Tokens.kind(token), options);
    fields.writeStartObject();
    for (token = p.nextToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
      String key = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.VALUE_EMBEDDED_OBJECT && key.equals(WireFormat.EVENT_ID)
          && p.getEmbeddedObject() instanceof EventHeader header) {
        event.embeddedHeader(header);
        continue;
      }
      JsonSink sink = event.member(key, Tokens.kind(value));
      if (sink != null) {
        Tokens.copy(p, sink);
      } else {
        fields.writeName(key);
        copyField(p, key, event, fields);
      }
    }
    return event;
  }

  /** Copies one field's value token by token, as Jackson would buffer it, noting decimals. */
  private static void copyField(JsonParser p, String key, EventObject event, TokenBuffer fields)
      throws JacksonException {
    int depth = 0;
    while (true) {
      JsonToken token = p.currentToken();
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        depth++;
      } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        depth--;
      } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
        event.decimalInField(key, p.getString());
      } else if (token == JsonToken.VALUE_STRING) {
        p.getString(); // decodes the text, which applies the parser's string length limit
      }
      fields.copyCurrentEvent(p);
      if (depth == 0) {
        return;
      }
      p.nextToken();
    }
  }
}
