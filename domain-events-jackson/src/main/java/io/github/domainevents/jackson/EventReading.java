package io.github.domainevents.jackson;

import io.github.domainevents.wire.EventObject;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.wire.ReadOptions;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.util.TokenBuffer;

/**
 * What the deserializers share: the registry, the options, and one pass of the protocol over an
 * event object that buffers the event's own fields.
 */
final class EventReading {
  final EventTypeRegistry registry;
  final ReadOptions options;

  EventReading(EventTypeRegistry registry, ReadOptions options) {
    this.registry = registry;
    this.options = options;
  }

  /** Reads the object at the parser's current token; own fields go into {@code fields}. */
  EventObject read(JsonParser p, TokenBuffer fields) {
    return EventObject.read(new ParserInput(p), options, new GeneratorSink(fields));
  }
}
