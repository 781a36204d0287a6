package io.github.domainevents.wire;

import io.github.domainevents.wire.JsonInput.Token;
import org.jspecify.annotations.Nullable;

/**
 * The token loops of the protocol's readers and writers, over any codec's {@link JsonInput}:
 * written once, iterative (nesting costs no stack) and without allocation per token.
 */
final class Walk {
  /** Sees the scalars of a value being copied, to check them on the way. */
  interface Scalars {
    /**
     * Called for every {@link Token#STRING} and {@link Token#DECIMAL} token, before it is
     * copied.
     */
    void scalar(Token token, JsonInput input);
  }

  /** Checks nothing: a plain copy. */
  static final Scalars COPY = (token, input) -> { };

  private Walk() {}

  static JsonKind kind(@Nullable Token token) {
    return token == null ? JsonKind.OTHER : token.kind();
  }

  /** Returns the current token, advancing to the first one if the input has not started. */
  static Token first(JsonInput input) {
    Token token = input.current();
    if (token == null) {
      token = input.next();
    }
    if (token == null) {
      throw new EventFormatException(null, "no JSON content to read");
    }
    return token;
  }

  /** Fails with {@code message}, naming {@code field}, if the input holds another token. */
  static void end(JsonInput input, @Nullable String field, String message) {
    if (input.next() != null) {
      throw new EventFormatException(field, message);
    }
  }

  /**
   * Pushes the value at the input's current token into {@code sink}, converted to plain values,
   * leaving the input on the value's last token.
   */
  static void push(JsonInput input, JsonSink sink) {
    int depth = 0;
    while (true) {
      Token token = input.current();
      if (token == null) {
        throw new EventFormatException(null, "the JSON ends inside a value");
      }
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
        case NAME -> sink.name(input.name());
        case STRING -> sink.string(input.text());
        case INTEGER, DECIMAL -> sink.number(input.number());
        case TRUE -> sink.bool(true);
        case FALSE -> sink.bool(false);
        case NULL -> sink.nullValue();
        case OTHER -> throw new EventFormatException(null, "a value that is not plain JSON");
      }
      if (depth == 0) {
        return;
      }
      input.next();
    }
  }

  /**
   * Copies the value at the input's current token into {@code output} token by token, as the
   * codec holds it, showing strings and decimals to {@code scalars} first; leaves the input on
   * the value's last token.
   */
  static void copy(JsonInput input, JsonOutput output, Scalars scalars) {
    int depth = 0;
    while (true) {
      Token token = input.current();
      if (token == null) {
        throw new EventFormatException(null, "the JSON ends inside a value");
      }
      switch (token) {
        case START_OBJECT, START_ARRAY -> depth++;
        case END_OBJECT, END_ARRAY -> depth--;
        case STRING, DECIMAL -> scalars.scalar(token, input);
        default -> { }
      }
      output.copy(input);
      if (depth == 0) {
        return;
      }
      input.next();
    }
  }

  /** Skips the value at the input's current token, leaving the input on its last token. */
  static void skip(JsonInput input) {
    int depth = 0;
    while (true) {
      Token token = input.current();
      if (token == null) {
        throw new EventFormatException(null, "the JSON ends inside a value");
      }
      if (token == Token.START_OBJECT || token == Token.START_ARRAY) {
        depth++;
      } else if (token == Token.END_OBJECT || token == Token.END_ARRAY) {
        depth--;
      }
      if (depth == 0) {
        return;
      }
      input.next();
    }
  }
}
