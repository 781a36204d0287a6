package io.github.domainevents.jackson2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.domainevents.wire.EventObject;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.wire.ReadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;

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
  EventObject read(JsonParser p, TokenBuffer fields) throws IOException {
    try {
      return EventObject.read(new ParserInput(p), options, new GeneratorSink(fields));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
