package io.github.domainevents.outside;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of valid metadata only, for properties about what valid metadata does; invalid
 * metadata is the subject of {@link MetadataTest} and {@link MetadataLimitsTest}. The rules are
 * restated here, not taken from the library, so that a change to them shows up as a failure.
 */
final class MetadataArbitraries {
  private MetadataArbitraries() {}

  /** C0 and DEL, C1 (with U+0085), U+2028 and U+2029: never allowed in a key. */
  static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
  }

  /** White space as the library counts it for blank keys: no-break spaces included. */
  static boolean isWhiteSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  /**
   * Keys of 1 to {@code maxLength} characters, any Unicode but control characters, with at least
   * one character that is not white space (so never blank).
   */
  static Arbitrary<String> keys(int maxLength) {
    Arbitrary<Character> any = Arbitraries.chars().filter(c -> !isControl(c));
    Arbitrary<Character> visible = any.filter(c -> !isWhiteSpace(c));
    Arbitrary<String> around = any.list().ofMaxSize((maxLength - 1) / 2)
        .map(chars -> {
          StringBuilder text = new StringBuilder(chars.size());
          chars.forEach(text::append);
          return text.toString();
        });
    return Combinators.combine(around, visible, around)
        .as((before, anchor, after) -> before + anchor + after);
  }

  /** Up to 10 entries of strings (with any characters), integers, booleans and string lists. */
  static Arbitrary<Map<String, Object>> metadata() {
    Arbitrary<Object> values =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(20).map(v -> (Object) v),
            Arbitraries.integers().map(v -> (Object) v),
            Arbitraries.of(true, false).map(v -> (Object) v),
            Arbitraries.strings().ofMaxLength(5).list().ofMaxSize(4).map(v -> (Object) v));
    return Arbitraries.maps(keys(12), values).ofMaxSize(10).map(LinkedHashMap::new);
  }
}
