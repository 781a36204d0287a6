package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import io.github.domainevents.Registration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The limits checked whenever a header is built ({@code of}, {@code builder}, {@code create}
 * with contributors): 16 levels of nesting, 1,000 entries, 256 characters per key, 65,536
 * characters over all keys and string values; and keys without control characters. Each limit is
 * met exactly, then exceeded by one, and the message names the limit and, where one entry is at
 * fault, its path.
 */
class MetadataLimitsTest {
  private static final UUID ID = new UUID(7, 7);
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  /** Every way to build a header from a map, so each limit is checked on each of them. */
  private static final List<Function<Map<String, ?>, EventHeader>> BUILDERS = List.of(
      metadata -> EventHeader.of(ID, T, null, null, metadata),
      metadata -> EventHeader.builder().metadata(metadata).build(),
      metadata -> {
        EventHeader.Builder builder = EventHeader.builder();
        metadata.forEach(builder::metadata);
        return builder.build();
      },
      metadata -> {
        try (Registration contribution =
            EventDefaults.addMetadataContributor(entries -> entries.putAll(metadata))) {
          return EventHeader.create();
        }
      });

  private static void assertBuilds(Map<String, ?> metadata) {
    for (Function<Map<String, ?>, EventHeader> builder : BUILDERS) {
      assertThat(builder.apply(metadata).metadata()).isEqualTo(metadata);
    }
  }

  private static void assertRejected(Map<String, ?> metadata, String message) {
    for (Function<Map<String, ?>, EventHeader> builder : BUILDERS) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> builder.apply(metadata))
          .withMessage(message);
    }
  }

  /** A value with {@code levels} maps nested inside each other, the innermost holding 1. */
  private static Object nested(int levels) {
    Object value = 1;
    for (int i = 0; i < levels; i++) {
      value = Map.of("n", value);
    }
    return value;
  }

  @Test
  void nestingDepth_sixteenLevelsBuild_seventeenAreRejectedNamingThePath() {
    assertBuilds(Map.of("deep", nested(16)));
    assertBuilds(Map.of("list", List.of(List.of(nested(14)))));

    assertRejected(Map.of("deep", nested(17)),
        "metadata['deep']['n']['n']['n']['n']['n']['n']['n']['n']['n']['n']['n']['n']['n']['n']"
            + "['n']['n'] is nested deeper than 16 levels (the limit for metadata)");
    assertRejected(Map.of("list", List.of(List.of(nested(15)))),
        "metadata['list'][0][0]['n']['n']['n']['n']['n']['n']['n']['n']['n']['n']['n']['n']['n']"
            + "['n'] is nested deeper than 16 levels (the limit for metadata)");
  }

  /** {@code levels} collections made by {@code wrap} nested inside each other around 1. */
  private static Object nestedIn(int levels, Function<Object, Object> wrap) {
    Object value = 1;
    for (int i = 0; i < levels; i++) {
      value = wrap.apply(value);
    }
    return value;
  }

  @Test
  void nestingDepth_countsListsSetsAndOtherCollections_asMapsAreCounted() {
    assertBuilds(Map.of("deep", nestedIn(16, List::of)));
    assertBuilds(Map.of("deep", nestedIn(16, Set::of)));
    List<Function<Object, Object>> collections = List.of(
        List::of, Set::of, value -> new ArrayDeque<>(List.of(value)));
    for (Function<Object, Object> collection : collections) {
      assertRejected(Map.of("deep", nestedIn(17, collection)),
          "metadata['deep']" + "[0]".repeat(16)
              + " is nested deeper than 16 levels (the limit for metadata)");
    }
  }

  @Test
  void oneEntryBeyondALimit_isRejectedWhenAdded_countingItsKey() {
    EventHeader.Builder builder = EventHeader.builder();
    builder.metadata("a", "x".repeat(65_535)); // 1 + 65,535 characters: at the limit
    builder.metadata("l", Collections.nCopies(999, 0)); // 1 + 999 entries: at the limit

    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventHeader.builder().metadata("ab", "x".repeat(65_535)))
        .withMessage("metadata has more than 65536 characters in its keys and string values"
            + " (the limit for metadata)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventHeader.builder().metadata("l", Collections.nCopies(1_000, 0)))
        .withMessage("metadata has more than 1000 entries (map entries plus list and set"
            + " elements, over all levels)");
  }

  @Test
  void entries_aThousandOverAllLevelsBuild_oneMoreIsRejected() {
    Map<String, Object> flat = new LinkedHashMap<>();
    for (int i = 0; i < 1_000; i++) {
      flat.put("k" + i, i);
    }
    assertBuilds(flat);
    flat.put("one-more", 1);
    assertRejected(flat,
        "metadata has more than 1000 entries (map entries plus list and set elements, over all"
            + " levels)");

    List<Integer> elements = new ArrayList<>();
    for (int i = 0; i < 997; i++) {
      elements.add(i);
    }
    Map<String, Object> nestedEntries = new LinkedHashMap<>();
    nestedEntries.put("list", elements);           // 1 + 997 entries
    nestedEntries.put("map", Map.of("a", 1));      // 1 + 1 entries
    assertBuilds(nestedEntries);
    nestedEntries.put("set", Set.of());            // one more
    assertRejected(nestedEntries,
        "metadata has more than 1000 entries (map entries plus list and set elements, over all"
            + " levels)");
  }

  @Test
  void keyLength_256CharactersBuild_257AreRejected_atAnyLevel() {
    String longest = "k".repeat(256);
    assertBuilds(Map.of(longest, 1));
    assertBuilds(Map.of("outer", Map.of(longest, 1)));

    String tooLong = "k".repeat(257);
    assertRejected(Map.of(tooLong, 1),
        "metadata key is longer than the limit of 256 characters (257): '" + "k".repeat(40)
            + "…'");
    assertRejected(Map.of("outer", Map.of(tooLong, 1)),
        "key in metadata['outer'] is longer than the limit of 256 characters (257): '"
            + "k".repeat(40) + "…'");
  }

  @Test
  void characters_65536OverKeysAndStringValuesBuild_oneMoreIsRejected() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("a", "x".repeat(30_000));                        // 1 + 30,000
    metadata.put("b", List.of("y".repeat(30_000)));                // 1 + 30,000
    metadata.put("c", Map.of("d", "z".repeat(5_532)));             // 1 + 1 + 5,532
    assertBuilds(metadata);

    metadata.put("c", Map.of("d", "z".repeat(5_533)));
    assertRejected(metadata,
        "metadata has more than 65536 characters in its keys and string values (the limit for"
            + " metadata)");
  }

  @Test
  void keysWithLineBreaksOrOtherControlCharacters_areRejectedLikeBlankKeys_atAnyLevel() {
    for (char control : new char[] {
        '\r', '\n', '\u0000', '\u0007', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085',
        '\u009f', '\u2028', '\u2029'}) {
      String key = "a" + control + "b";
      String escaped = "a" + escape(control) + "b";
      assertRejected(Map.of(key, 1),
          "metadata key must not contain line breaks or other control characters, was '"
              + escaped + "' (" + escape(control) + " at index 1)");
      assertRejected(Map.of("outer", List.of(Map.of(key, 1))),
          "key in metadata['outer'][0] must not contain line breaks or other control characters,"
              + " was '" + escaped + "' (" + escape(control) + " at index 1)");
    }
    assertRejected(Map.of("\tkey", 1),
        "metadata key must not contain line breaks or other control characters, was '\\tkey'"
            + " (\\t at index 0)");
  }

  @Test
  void nestedBlankKeys_areRejectedNamingThePath() {
    assertRejected(Map.of("outer", Map.of("\u00a0", 1)),
        "key in metadata['outer'] must not be blank, was '\u00a0'");
  }

  @Test
  void controlCharactersInValues_areKept() {
    assertBuilds(Map.of("note", "line one\nline two\u2028\u0000"));
  }

  @Test
  void aHugeCallerMap_isRejected() {
    Map<String, Object> huge = new LinkedHashMap<>();
    for (int i = 0; i < 200_000; i++) {
      huge.put("k" + i, i);
    }

    assertRejected(huge,
        "metadata has more than 1000 entries (map entries plus list and set elements, over all"
            + " levels)");
  }

  private static String escape(char control) {
    return switch (control) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> String.format(java.util.Locale.ROOT, "\\u%04x", (int) control);
    };
  }
}
