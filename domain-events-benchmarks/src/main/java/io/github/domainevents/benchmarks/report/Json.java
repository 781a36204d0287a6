package io.github.domainevents.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for JMH's result files, so that the chart programs need nothing beyond
 * the JDK: objects become {@code Map<String, Object>}, arrays {@code List<Object>}, numbers
 * {@code Double}, and {@code true}, {@code false}, {@code null} themselves. Not thread-safe;
 * one instance reads one text.
 */
final class Json {
  /** JSON's null, kept as a value so that maps and lists hold no Java null. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  /**
   * Reads one JSON value.
   *
   * @param text the JSON text
   * @return the value
   * @throws IllegalArgumentException if the text is not JSON, naming the offset
   */
  static Object parse(String text) {
    Json reader = new Json(text);
    Object value = reader.value();
    reader.skipSpace();
    if (reader.at != text.length()) {
      throw reader.error("text after the value");
    }
    return value;
  }

  private Object value() {
    skipSpace();
    if (at >= text.length()) {
      throw error("a value expected, end of text found");
    }
    return switch (text.charAt(at)) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> word("true", true);
      case 'f' -> word("false", false);
      case 'n' -> word("null", NULL);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> members = new LinkedHashMap<>();
    at++; // {
    skipSpace();
    if (peek('}')) {
      at++;
      return members;
    }
    while (true) {
      skipSpace();
      String name = string();
      skipSpace();
      expect(':');
      members.put(name, value());
      skipSpace();
      if (peek(',')) {
        at++;
      } else {
        expect('}');
        return members;
      }
    }
  }

  private List<Object> array() {
    List<Object> items = new ArrayList<>();
    at++; // [
    skipSpace();
    if (peek(']')) {
      at++;
      return items;
    }
    while (true) {
      items.add(value());
      skipSpace();
      if (peek(',')) {
        at++;
      } else {
        expect(']');
        return items;
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        break;
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("a \\u escape cut short");
          }
          out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
        }
        default -> out.append(escaped); // \" \\ \/
      }
    }
    throw error("a string not closed");
  }

  private Object word(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("'" + word + "' expected");
    }
    at += word.length();
    return value;
  }

  private Double number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    if (start == at) {
      throw error("a value expected, '" + text.charAt(at) + "' found");
    }
    try {
      return Double.valueOf(text.substring(start, at));
    } catch (NumberFormatException e) {
      throw error("not a number: " + text.substring(start, at));
    }
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "' expected");
    }
    at++;
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("JSON at offset " + at + ": " + what);
  }
}
