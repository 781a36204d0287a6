package io.github.domainevents.internal;

/** Character classes the library's validation shares. Not part of the API. */
public final class Characters {
  private Characters() {}

  /**
   * Tells whether {@code c} is white space in Unicode's sense. {@link Character#isWhitespace}
   * alone misses the no-break spaces (U+00A0, U+2007, U+202F) and U+0085, which look like or
   * act as spaces and slip in through copy and paste.
   *
   * @param c a character
   * @return true if it is white space
   */
  public static boolean isWhiteSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
