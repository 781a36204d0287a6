package io.github.domainevents.wire;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes plain JSON values: into any {@link JsonSink}, or as compact JSON text (for the
 * CloudEvents {@code metadata} extension, so that both JSON modules write the same string).
 */
final class JsonText implements JsonSink {
  private final StringBuilder text = new StringBuilder();
  private boolean first = true;

  private JsonText() {}

  /** Returns {@code value} as compact JSON text. */
  static String of(@Nullable Object value) {
    JsonText json = new JsonText();
    write(value, json);
    return json.text.toString();
  }

  /** Returns an empty writer, for tests that write members into an object. */
  static JsonText forTests() {
    return new JsonText();
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /** Pushes the plain value {@code value} into {@code sink}. */
  static void write(@Nullable Object value, JsonSink sink) {
    if (value == null) {
      sink.nullValue();
    } else if (value instanceof String string) {
      sink.string(string);
    } else if (value instanceof Number number) {
      sink.number(number);
    } else if (value instanceof Boolean bool) {
      sink.bool(bool);
    } else if (value instanceof Map<?, ?> map) {
      sink.startObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        sink.name(String.valueOf(entry.getKey()));
        write(entry.getValue(), sink);
      }
      sink.endObject();
    } else if (value instanceof List<?> list) {
      sink.startArray();
      for (Object element : list) {
        write(element, sink);
      }
      sink.endArray();
    } else {
      throw new IllegalArgumentException(
          "not a plain JSON value: a " + value.getClass().getName());
    }
  }

  private void separate() {
    if (!first) {
      text.append(',');
    }
    first = false;
  }

  @Override
  public void startObject() {
    separate();
    text.append('{');
    first = true;
  }

  @Override
  public void endObject() {
    text.append('}');
    first = false;
  }

  @Override
  public void name(String name) {
    separate();
    quote(name);
    text.append(':');
    first = true;
  }

  @Override
  public void startArray() {
    separate();
    text.append('[');
    first = true;
  }

  @Override
  public void endArray() {
    text.append(']');
    first = false;
  }

  @Override
  public void string(String value) {
    separate();
    quote(value);
  }

  @Override
  public void number(Number value) {
    separate();
    text.append(value instanceof BigDecimal decimal ? decimal.toString() : value.toString());
  }

  @Override
  public void bool(boolean value) {
    separate();
    text.append(value);
  }

  @Override
  public void nullValue() {
    separate();
    text.append("null");
  }

  private void quote(String value) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        case '\b' -> text.append("\\b");
        case '\f' -> text.append("\\f");
        default -> {
          if (c < 0x20) {
            text.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }
}
