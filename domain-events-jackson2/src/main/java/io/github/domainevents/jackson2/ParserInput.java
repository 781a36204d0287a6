package io.github.domainevents.jackson2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.domainevents.wire.JsonInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * A Jackson 2 parser as the wire protocol's pull parser; Jackson's exceptions leave wrapped in
 * {@link UncheckedIOException}, which the module's entry points unwrap.
 */
final class ParserInput implements JsonInput {
  final JsonParser parser;

  ParserInput(JsonParser parser) {
    this.parser = parser;
  }

  @Override
  public @Nullable Token next() {
    try {
      return token(parser.nextToken());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public @Nullable Token current() {
    return token(parser.currentToken());
  }

  @Override
  public String name() {
    try {
      return parser.currentName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String text() {
    try {
      return parser.getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Number number() {
    try {
      return parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT
          ? parser.getDecimalValue() : parser.getNumberValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public @Nullable Object embedded() {
    try {
      return parser.getEmbeddedObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      case FIELD_NAME -> Token.NAME;
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
