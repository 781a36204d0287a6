package io.github.domainevents.jackson;

import io.github.domainevents.wire.JsonInput;
import io.github.domainevents.wire.JsonOutput;
import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JsonGenerator;

/**
 * Writes what the wire protocol pushes or copies into a Jackson 3 generator (or token buffer),
 * numbers exactly.
 */
final class GeneratorSink implements JsonOutput {
  private final JsonGenerator gen;

  GeneratorSink(JsonGenerator gen) {
    this.gen = gen;
  }

  @Override
  public void copy(JsonInput input) {
    if (!(input instanceof ParserInput from)) {
      throw new IllegalArgumentException("not a Jackson 3 input: " + input);
    }
    gen.copyCurrentEvent(from.parser);
  }

  @Override
  public void embedded(Object value) {
    gen.writeEmbeddedObject(value);
  }

  @Override
  public void startObject() {
    gen.writeStartObject();
  }

  @Override
  public void endObject() {
    gen.writeEndObject();
  }

  @Override
  public void name(String name) {
    gen.writeName(name);
  }

  @Override
  public void startArray() {
    gen.writeStartArray();
  }

  @Override
  public void endArray() {
    gen.writeEndArray();
  }

  @Override
  public void string(String value) {
    gen.writeString(value);
  }

  @Override
  public void number(Number value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      gen.writeNumber(value.intValue());
    } else if (value instanceof Long) {
      gen.writeNumber(value.longValue());
    } else if (value instanceof BigInteger big) {
      gen.writeNumber(big);
    } else if (value instanceof BigDecimal decimal) {
      gen.writeNumber(decimal);
    } else if (value instanceof Float) {
      gen.writeNumber(value.floatValue());
    } else {
      gen.writeNumber(value.doubleValue());
    }
  }

  @Override
  public void bool(boolean value) {
    gen.writeBoolean(value);
  }

  @Override
  public void nullValue() {
    gen.writeNull();
  }
}
