package io.github.domainevents.kafka;

import io.github.domainevents.wire.EventFormatException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The top-level members of one JSON object, each value kept as the raw text it was written as:
 * enough to move CloudEvents attributes between Kafka headers and a structured document, and to
 * take the event's own fields out of a flat event, without a JSON library.
 *
 * <p>The scan is one linear pass without recursion (nesting is counted, not descended into), so
 * hostile input cannot exhaust the stack. It checks only what it needs to find member boundaries:
 * the values are validated afterwards by the JSON codec that reads the reassembled document.
 * Duplicate member names are rejected here, since a map would otherwise hide them.
 */
final class JsonMembers {
  private final Map<String, String> members;

  private JsonMembers(Map<String, String> members) {
    this.members = members;
  }

  /** An empty object. */
  static JsonMembers empty() {
    return new JsonMembers(new LinkedHashMap<>());
  }

  /**
   * Splits {@code json}, which must be one JSON object, into its members.
   *
   * @param what names the document in error messages
   * @throws EventFormatException if {@code json} is not an object, is truncated, or has a member
   *     name twice
   */
  static JsonMembers parse(String json, String what) {
    Scanner scanner = new Scanner(json, what);
    Map<String, String> members = new LinkedHashMap<>();
    scanner.skipWhiteSpace();
    scanner.expect('{');
    scanner.skipWhiteSpace();
    if (scanner.peek() == '}') {
      scanner.next();
    } else {
      while (true) {
        scanner.skipWhiteSpace();
        String name = unescape(scanner.string(), what);
        scanner.skipWhiteSpace();
        scanner.expect(':');
        scanner.skipWhiteSpace();
        String value = scanner.value();
        if (members.putIfAbsent(name, value) != null) {
          throw new EventFormatException(
              name, what + ": member '" + abbreviate(name) + "' appears twice; duplicate keys"
                  + " are rejected");
        }
        scanner.skipWhiteSpace();
        char separator = scanner.next();
        if (separator == '}') {
          break;
        }
        if (separator != ',') {
          throw scanner.error("expected ',' or '}'");
        }
      }
    }
    scanner.skipWhiteSpace();
    if (!scanner.atEnd()) {
      throw scanner.error("trailing content after the JSON object");
    }
    return new JsonMembers(members);
  }

  /** The raw value text of {@code name}, or null if absent. */
  @Nullable String raw(String name) {
    return members.get(name);
  }

  /**
   * The value of {@code name} if it is a JSON string, unescaped; null if absent.
   *
   * @throws EventFormatException naming the member if its value is not a string
   */
  @Nullable String string(String name, String what) {
    String raw = members.get(name);
    if (raw == null) {
      return null;
    }
    if (raw.isEmpty() || raw.charAt(0) != '"') {
      throw new EventFormatException(name, what + ": '" + name + "' must be a string");
    }
    return unescape(raw, what);
  }

  boolean has(String name) {
    return members.containsKey(name);
  }

  /** Removes {@code name}, returning its raw text or null. */
  @Nullable String remove(String name) {
    return members.remove(name);
  }

  /** Sets {@code name} to the raw JSON text {@code raw}, replacing any value. */
  void putRaw(String name, String raw) {
    members.put(name, raw);
  }

  /** Sets {@code name} to the JSON string holding {@code value}. */
  void putString(String name, String value) {
    members.put(name, quote(value));
  }

  Map<String, String> members() {
    return members;
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  /** The object as compact JSON: the members in order, values as they were written. */
  String toJson() {
    StringBuilder text = new StringBuilder(64);
    text.append('{');
    String separator = "";
    for (Map.Entry<String, String> member : members.entrySet()) {
      text.append(separator);
      appendQuoted(text, member.getKey());
      text.append(':').append(member.getValue());
      separator = ",";
    }
    return text.append('}').toString();
  }

  /** {@code value} as a JSON string literal. */
  static String quote(String value) {
    StringBuilder text = new StringBuilder(value.length() + 2);
    appendQuoted(text, value);
    return text.toString();
  }

  private static void appendQuoted(StringBuilder text, String value) {
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
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            text.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }

  /** The content of the JSON string literal {@code literal} (with its quotes). */
  static String unescape(String literal, String what) {
    StringBuilder text = new StringBuilder(literal.length());
    int end = literal.length() - 1;
    for (int i = 1; i < end; i++) {
      char c = literal.charAt(i);
      if (c != '\\') {
        text.append(c);
        continue;
      }
      char escaped = literal.charAt(++i);
      switch (escaped) {
        case '"', '\\', '/' -> text.append(escaped);
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        case 't' -> text.append('\t');
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'u' -> {
          if (i + 4 >= end) {
            throw new EventFormatException(null, what + ": truncated \\u escape");
          }
          try {
            text.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
          } catch (NumberFormatException e) {
            throw new EventFormatException(null, what + ": invalid \\u escape", e);
          }
          i += 4;
        }
        default -> throw new EventFormatException(
            null, what + ": invalid escape '\\" + escaped + "'");
      }
    }
    return text.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 61) + "...";
  }

  /** A cursor over the text. */
  private static final class Scanner {
    private final String text;
    private final String what;
    private int position;

    Scanner(String text, String what) {
      this.text = text;
      this.what = what;
    }

    boolean atEnd() {
      return position >= text.length();
    }

    char peek() {
      if (atEnd()) {
        throw error("unexpected end of the JSON text");
      }
      return text.charAt(position);
    }

    char next() {
      char c = peek();
      position++;
      return c;
    }

    void expect(char expected) {
      if (next() != expected) {
        position--;
        throw error("expected '" + expected + "'");
      }
    }

    void skipWhiteSpace() {
      while (!atEnd()) {
        char c = text.charAt(position);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        position++;
      }
    }

    /** Reads a string literal, returning it with its quotes and escapes as written. */
    String string() {
      int start = position;
      expect('"');
      while (true) {
        char c = next();
        if (c == '\\') {
          next();
        } else if (c == '"') {
          return text.substring(start, position);
        } else if (c < 0x20) {
          throw error("control character in a string");
        }
      }
    }

    /** Reads one value (of any kind), returning its raw text without surrounding white space. */
    String value() {
      int start = position;
      int depth = 0;
      while (true) {
        char c = peek();
        if (c == '"') {
          string();
          if (depth == 0) {
            return text.substring(start, position);
          }
          continue;
        }
        if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          if (depth == 0) {
            return trimmed(start);
          }
          depth--;
          if (depth == 0) {
            position++;
            return text.substring(start, position);
          }
        } else if (c == ',' && depth == 0) {
          return trimmed(start);
        }
        position++;
      }
    }

    private String trimmed(int start) {
      String raw = text.substring(start, position).strip();
      if (raw.isEmpty()) {
        throw error("a value is missing");
      }
      return raw;
    }

    EventFormatException error(String problem) {
      return new EventFormatException(
          null, what + " is not a readable JSON object: " + problem + " at character "
              + position);
    }
  }
}
