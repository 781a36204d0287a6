package io.github.domainevents.jackson2;

import io.github.domainevents.wire.JsonInput;
import io.github.domainevents.wire.JsonOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes what the wire protocol pushes or copies into a Jackson 2 generator (or token buffer),
 * numbers exactly; the generator's {@link IOException}s leave as {@link UncheckedIOException}s.
 */
final class GeneratorSink implements JsonOutput {
  private final JsonGenerator gen;

  GeneratorSink(JsonGenerator gen) {
    this.gen = gen;
  }

  /** A generator call; its {@link IOException} leaves the sink unchecked. */
  private interface Write {
    void run() throws IOException;
  }

  private static void write(Write write) {
    try {
      write.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void copy(JsonInput input) {
    if (!(input instanceof ParserInput from)) {
      throw new IllegalArgumentException("not a Jackson 2 input: " + input);
    }
    write(() -> gen.copyCurrentEvent(from.parser));
  }

  @Override
  public void embedded(Object value) {
    write(() -> gen.writeEmbeddedObject(value));
  }

  @Override
  public void startObject() {
    write(() -> gen.writeStartObject());
  }

  @Override
  public void endObject() {
    write(() -> gen.writeEndObject());
  }

  @Override
  public void name(String name) {
    write(() -> gen.writeFieldName(name));
  }

  @Override
  public void startArray() {
    write(() -> gen.writeStartArray());
  }

  @Override
  public void endArray() {
    write(() -> gen.writeEndArray());
  }

  @Override
  public void string(String value) {
    write(() -> gen.writeString(value));
  }

  @Override
  public void number(Number value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      write(() -> gen.writeNumber(value.intValue()));
    } else if (value instanceof Long) {
      write(() -> gen.writeNumber(value.longValue()));
    } else if (value instanceof BigInteger big) {
      write(() -> gen.writeNumber(big));
    } else if (value instanceof BigDecimal decimal) {
      write(() -> gen.writeNumber(decimal));
    } else if (value instanceof Float) {
      write(() -> gen.writeNumber(value.floatValue()));
    } else {
      write(() -> gen.writeNumber(value.doubleValue()));
    }
  }

  @Override
  public void bool(boolean value) {
    write(() -> gen.writeBoolean(value));
  }

  @Override
  public void nullValue() {
    write(() -> gen.writeNull());
  }
}
