package io.github.domainevents.jackson;

import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.JsonKind;
import io.github.domainevents.wire.JsonSink;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Walks Jackson 3 tokens for the wire protocol: kinds, and values pushed into a sink. */
final class Tokens {
  private Tokens() {}

  static JsonKind kind(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> JsonKind.OBJECT;
      case START_ARRAY -> JsonKind.ARRAY;
      case VALUE_STRING -> JsonKind.STRING;
      case VALUE_NUMBER_INT -> JsonKind.INTEGER;
      case VALUE_NUMBER_FLOAT -> JsonKind.DECIMAL;
      case VALUE_TRUE, VALUE_FALSE -> JsonKind.BOOLEAN;
      case VALUE_NULL -> JsonKind.NULL;
      default -> JsonKind.OTHER;
    };
  }

  /**
   * Pushes the value at the parser's current token into {@code sink}, leaving the parser on the
   * value's last token. Iterative: nesting costs no stack.
   */
  static void copy(JsonParser p, JsonSink sink) throws JacksonException {
    int depth = 0;
    while (true) {
      JsonToken token = p.currentToken();
      switch (token) {
        case START_OBJECT -> {
          sink.startObject();
          depth++;
        }
        case END_OBJECT -> {
          sink.endObject();
          depth--;
        }
        case START_ARRAY -> {
          sink.startArray();
          depth++;
        }
        case END_ARRAY -> {
          sink.endArray();
          depth--;
        }
        case PROPERTY_NAME -> sink.name(p.currentName());
        case VALUE_STRING -> sink.string(p.getString());
        case VALUE_NUMBER_INT -> sink.number(p.getNumberValue());
        case VALUE_NUMBER_FLOAT -> sink.number(p.getDecimalValue());
        case VALUE_TRUE -> sink.bool(true);
        case VALUE_FALSE -> sink.bool(false);
        case VALUE_NULL -> sink.nullValue();
        default -> throw new EventFormatException(null, "a value that is not plain JSON: " + token);
      }
      if (depth == 0) {
        return;
      }
      p.nextToken();
    }
  }
}
