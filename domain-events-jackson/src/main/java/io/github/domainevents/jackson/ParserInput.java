package io.github.domainevents.jackson;

import io.github.domainevents.wire.JsonInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** A Jackson 3 parser as the wire protocol's pull parser; Jackson's exceptions pass through. */
final class ParserInput implements JsonInput {
  final JsonParser parser;

  ParserInput(JsonParser parser) {
    this.parser = parser;
  }

  @Override
  public @Nullable Token next() {
    return token(parser.nextToken());
  }

  @Override
  public @Nullable Token current() {
    return token(parser.currentToken());
  }

  @Override
  public String name() {
    return parser.currentName();
  }

  @Override
  public String text() {
    return parser.getString();
  }

  @Override
  public Number number() {
    return parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT
        ? parser.getDecimalValue() : parser.getNumberValue();
  }

  @Override
  public @Nullable Object embedded() {
    return parser.getEmbeddedObject();
  }

  private static @Nullable Token token(@Nullable JsonToken token) {
    if (token == null) {
      return null;
    }
    return switch (token) {
      case START_OBJECT -> Token.START_OBJECT;
      case END_OBJECT -> Token.END_OBJECT;
      case START_ARRAY -> Token.START_ARRAY;
      case END_ARRAY -> Token.END_ARRAY;
      case PROPERTY_NAME -> Token.NAME;
      case VALUE_STRING -> Token.STRING;
      case VALUE_NUMBER_INT -> Token.INTEGER;
      case VALUE_NUMBER_FLOAT -> Token.DECIMAL;
      case VALUE_TRUE -> Token.TRUE;
      case VALUE_FALSE -> Token.FALSE;
      case VALUE_NULL -> Token.NULL;
      default -> Token.OTHER;
    };
  }
}
