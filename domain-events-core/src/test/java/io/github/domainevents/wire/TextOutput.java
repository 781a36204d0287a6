package io.github.domainevents.wire;

/**
 * A codec for tests: a {@link JsonOutput} that writes compact JSON text, copying tokens from a
 * {@link TokenInput} and writing an embedded value as {@code <embedded:toString>}.
 */
class TextOutput implements JsonOutput {
  private final JsonText text = JsonText.forTests();
  private final java.util.List<Object> embedded = new java.util.ArrayList<>();

  @Override
  public void copy(JsonInput input) {
    if (!(input instanceof TokenInput)) {
      throw new IllegalArgumentException("not a test input");
    }
    JsonInput.Token token = java.util.Objects.requireNonNull(input.current());
    switch (token) {
      case START_OBJECT -> startObject();
      case END_OBJECT -> endObject();
      case START_ARRAY -> startArray();
      case END_ARRAY -> endArray();
      case NAME -> name(input.name());
      case STRING -> string(input.text());
      case INTEGER, DECIMAL -> number(input.number());
      case TRUE -> bool(true);
      case FALSE -> bool(false);
      case NULL -> nullValue();
      case OTHER -> embedded(java.util.Objects.requireNonNull(input.embedded()));
    }
  }

  @Override
  public void embedded(Object value) {
    embedded.add(value);
    text.string("<embedded>");
  }

  /** The values written with {@link #embedded}, in order. */
  java.util.List<Object> embeddedValues() {
    return embedded;
  }

  @Override
  public void startObject() {
    text.startObject();
  }

  @Override
  public void endObject() {
    text.endObject();
  }

  @Override
  public void name(String name) {
    text.name(name);
  }

  @Override
  public void startArray() {
    text.startArray();
  }

  @Override
  public void endArray() {
    text.endArray();
  }

  @Override
  public void string(String value) {
    text.string(value);
  }

  @Override
  public void number(Number value) {
    text.number(value);
  }

  @Override
  public void bool(boolean value) {
    text.bool(value);
  }

  @Override
  public void nullValue() {
    text.nullValue();
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
