package io.github.domainevents.internal;

import org.jspecify.annotations.Nullable;

/**
 * Makes text safe for one log line: every {@code toString()} and exception message the library
 * writes passes user-supplied strings (metadata, event types, handler descriptions, failure
 * messages) through {@link #escape}, so that a value holding a line break cannot forge a second
 * log line, and a terminal escape sequence cannot reach the terminal.
 *
 * <p>Not part of the API (the package is not exported).
 */
public final class SafeText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private SafeText() {}

  /**
   * Tells whether {@code c} is a control character in the sense of the library's rules: C0
   * (U+0000 to U+001F) and DEL, C1 (U+0080 to U+009F, including NEL U+0085), and the Unicode line
   * and paragraph separators U+2028 and U+2029.
   *
   * @param c the character
   * @return true if {@code c} must not appear raw in a log line or a metadata key
   */
  public static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
  }

  /**
   * Returns the index of the first control character in {@code text}.
   *
   * @param text the text
   * @return the index, or -1 if there is none
   */
  public static int indexOfControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns {@code text} with each control character (see {@link #isControl}) replaced by a Java
   * escape: {@code \n}, {@code \r}, {@code \t}, or {@code \}{@code uXXXX}. Other characters,
   * backslashes included, are kept. Returns {@code text} itself when there is nothing to escape.
   *
   * @param text the text
   * @return the text, on one line
   */
  public static String escape(String text) {
    int first = indexOfControl(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
            .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * Returns {@code String.valueOf(value)}, escaped (see {@link #escape}).
   *
   * @param value any value, or null
   * @return its text, on one line
   */
  public static String of(@Nullable Object value) {
    return escape(String.valueOf(value));
  }
}
