package io.github.domainevents.wire;

import io.github.domainevents.wire.JsonInput.Token;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A codec for tests: a {@link JsonInput} over a list of tokens, built from plain values or token
 * by token (for what plain values cannot hold: duplicate keys, embedded objects, truncation).
 */
class TokenInput implements JsonInput {
  private record Entry(Token token, @Nullable Object value) {}

  private final List<Entry> tokens = new ArrayList<>();
  private int position = -1;

  /** The tokens of {@code value}, in order (maps in their iteration order). */
  static TokenInput of(@Nullable Object value) {
    return new TokenInput().value(value);
  }

  TokenInput add(Token token, @Nullable Object value) {
    tokens.add(new Entry(token, value));
    return this;
  }

  TokenInput add(Token token) {
    return add(token, null);
  }

  TokenInput name(String name) {
    return add(Token.NAME, name);
  }

  TokenInput value(@Nullable Object value) {
    if (value == null) {
      return add(Token.NULL);
    }
    if (value instanceof Map<?, ?> map) {
      add(Token.START_OBJECT);
      map.forEach((key, member) -> name((String) key).value(member));
      return add(Token.END_OBJECT);
    }
    if (value instanceof List<?> list) {
      add(Token.START_ARRAY);
      list.forEach(this::value);
      return add(Token.END_ARRAY);
    }
    if (value instanceof String) {
      return add(Token.STRING, value);
    }
    if (value instanceof Boolean bool) {
      return add(bool ? Token.TRUE : Token.FALSE);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return add(Token.INTEGER, value);
    }
    if (value instanceof BigDecimal) {
      return add(Token.DECIMAL, value);
    }
    return add(Token.OTHER, value);
  }

  @Override
  public @Nullable Token next() {
    if (position < tokens.size()) {
      position++;
    }
    return current();
  }

  @Override
  public @Nullable Token current() {
    return position < 0 || position >= tokens.size() ? null : tokens.get(position).token();
  }

  private Object value(Token expected) {
    Entry entry = tokens.get(position);
    if (entry.token() != expected && !(expected == Token.INTEGER && entry.token() == Token.DECIMAL)) {
      throw new IllegalStateException("asked for " + expected + " on " + entry.token());
    }
    return java.util.Objects.requireNonNull(entry.value());
  }

  @Override
  public String name() {
    return (String) value(Token.NAME);
  }

  @Override
  public String text() {
    Entry entry = tokens.get(position);
    if (entry.token() == Token.DECIMAL) {
      return ((BigDecimal) java.util.Objects.requireNonNull(entry.value())).toString();
    }
    return (String) value(Token.STRING);
  }

  @Override
  public Number number() {
    return (Number) value(Token.INTEGER);
  }

  @Override
  public @Nullable Object embedded() {
    return tokens.get(position).value();
  }
}
