package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.EventHeader;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Metadata rules: keys non-null and non-blank, values non-null and not arrays (checked at any
 * depth, messages naming the path), everything copied deeply into unmodifiable collections that
 * keep the caller's order.
 */
class MetadataTest {
  private static final UUID ID = new UUID(7, 7);
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static EventHeader withMetadata(Map<String, ?> metadata) {
    return EventHeader.of(ID, T, null, null, metadata);
  }

  @Test
  void metadataKeyNull_isRejectedNamingTheKey() {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put(null, "x");

    assertThatNullPointerException()
        .isThrownBy(() -> withMetadata(metadata))
        .withMessage("metadata key must not be null");
    assertThatNullPointerException()
        .isThrownBy(() -> EventHeader.builder().metadata(metadata))
        .withMessage("metadata key must not be null");
    assertThatNullPointerException()
        .isThrownBy(() -> EventHeader.builder().metadata(null, "x"))
        .withMessage("metadata key must not be null");
  }

  @Test
  void metadataKeyBlank_isRejectedNamingTheKey() {
    for (String blank : List.of("", " ", "\t", " \n ", "\u00a0", "\u2007 \u202f")) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> withMetadata(Map.of(blank, "x")))
          .withMessage("metadata key must not be blank, was '" + blank.replace("\t", "\\t")
              .replace("\n", "\\n") + "'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> EventHeader.builder().metadata(blank, "x"))
          .withMessage("metadata key must not be blank, was '" + blank.replace("\t", "\\t")
              .replace("\n", "\\n") + "'");
    }
  }

  @Test
  void metadataValueNull_isRejectedNamingTheKey() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("ok", 1);
    metadata.put("tenant", null);

    assertThatNullPointerException()
        .isThrownBy(() -> withMetadata(metadata))
        .withMessageStartingWith("metadata['tenant'] is null")
        .withMessageContaining("must not be null");
    assertThatNullPointerException()
        .isThrownBy(() -> EventHeader.builder().metadata("tenant", null))
        .withMessageStartingWith("metadata['tenant'] is null");
  }

  @Test
  void metadataNullNestedInAList_isRejectedNamingThePath() {
    List<Object> tags = Arrays.asList("a", "b", null);

    assertThatNullPointerException()
        .isThrownBy(() -> withMetadata(Map.of("tags", tags)))
        .withMessageStartingWith("metadata['tags'][2] is null");
    assertThatNullPointerException()
        .isThrownBy(() -> EventHeader.builder().metadata("tags", tags))
        .withMessageStartingWith("metadata['tags'][2] is null");
  }

  @Test
  void metadataNullNestedInAMap_isRejectedNamingThePath() {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("name", "ada");
    user.put("roles", Arrays.asList("admin", null));

    assertThatNullPointerException()
        .isThrownBy(() -> withMetadata(Map.of("user", user)))
        .withMessageStartingWith("metadata['user']['roles'][1] is null");
  }

  @Test
  void metadataNullKeyNestedInAMap_isRejectedNamingThePath() {
    Map<String, Object> user = new HashMap<>();
    user.put(null, "ada");

    assertThatNullPointerException()
        .isThrownBy(() -> withMetadata(Map.of("user", user)))
        .withMessage("key in metadata['user'] must not be null");
  }

  @Test
  void metadataArray_isRejectedNamingThePath() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withMetadata(Map.of("ids", new int[] {1, 2})))
        .withMessage(
            "metadata['ids'] is an array (int[]); arrays cannot be made immutable, use a List");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventHeader.builder().metadata("names", new String[] {"a"}))
        .withMessageStartingWith("metadata['names'] is an array (String[])");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withMetadata(Map.of("nested", List.of(1, Map.of("x", new byte[0])))))
        .withMessageStartingWith("metadata['nested'][1]['x'] is an array (byte[])");
  }

  @Test
  void metadata_isUnmodifiable() {
    EventHeader header = withMetadata(Map.of("a", 1));

    assertThatThrownBy(() -> header.metadata().put("b", 2))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> header.metadata().remove("a"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> header.metadata().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(header.metadata()).containsExactly(Map.entry("a", 1));
  }

  /** Regression: empty metadata was {@code Collections.emptyMap()}, whose clear() succeeded. */
  @Test
  void emptyMetadata_rejectsEveryMutatorLikeNonEmptyMetadata() {
    for (EventHeader header :
        List.of(
            withMetadata(new HashMap<>()),
            EventHeader.create(),
            EventHeader.builder().build(),
            EventHeader.builder().metadata(Map.of()).build())) {
      Map<String, Object> metadata = header.metadata();
      assertThat(metadata).isEmpty();
      assertThatThrownBy(() -> metadata.put("b", 2))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(metadata::clear).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> metadata.remove("b"))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> metadata.putAll(Map.of()))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(metadata.get("b")).isNull();
      assertThat(metadata.containsKey(null)).isFalse();
    }
  }

  @Test
  void callersMapMutatedAfterConstruction_changesNothing() {
    List<String> tags = new ArrayList<>(List.of("x"));
    Map<String, Object> nested = new LinkedHashMap<>(Map.of("depth", 1));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("tags", tags);
    metadata.put("nested", nested);
    EventHeader fromOf = withMetadata(metadata);
    EventHeader fromBuilder = EventHeader.builder().metadata(metadata).build();
    EventHeader fromEntries =
        EventHeader.builder().metadata("tags", tags).metadata("nested", nested).build();

    metadata.put("late", true);
    metadata.remove("nested");
    tags.add("y");
    nested.put("depth", 2);

    for (EventHeader header : List.of(fromOf, fromBuilder, fromEntries)) {
      assertThat(header.metadata()).containsOnlyKeys("tags", "nested");
      assertThat(header.metadata().get("tags")).isEqualTo(List.of("x"));
      assertThat(header.metadata().get("nested")).isEqualTo(Map.of("depth", 1));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void nestedCollections_areDeepFrozen() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("list", new ArrayList<>(List.of(1)));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("map", inner);
    metadata.put("list", new ArrayList<>(List.of(new ArrayList<>(List.of("deep")))));
    metadata.put("set", new LinkedHashSet<>(List.of("s")));
    metadata.put("deque", new ArrayDeque<>(List.of("d1", "d2")));

    Map<String, Object> frozen = withMetadata(metadata).metadata();

    Map<String, Object> map = (Map<String, Object>) frozen.get("map");
    List<Object> mapList = (List<Object>) map.get("list");
    List<Object> list = (List<Object>) frozen.get("list");
    List<Object> listList = (List<Object>) list.get(0);
    Set<Object> set = (Set<Object>) frozen.get("set");
    assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> mapList.add(2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.add(2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> listList.set(0, "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.add("t")).isInstanceOf(UnsupportedOperationException.class);
    // other collections become unmodifiable lists in iteration order
    assertThat(frozen.get("deque")).isEqualTo(List.of("d1", "d2"));
    assertThatThrownBy(() -> ((List<Object>) frozen.get("deque")).add("d3"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(map.get("list")).isEqualTo(List.of(1));
    assertThat(listList).containsExactly("deep");
    assertThat(set).containsExactly("s");
  }

  @Test
  @SuppressWarnings("unchecked")
  void insertionOrder_isKeptAtEveryLevel() {
    List<String> keys = new ArrayList<>();
    Map<String, Object> metadata = new LinkedHashMap<>();
    Map<String, Object> nested = new LinkedHashMap<>();
    Set<String> set = new LinkedHashSet<>();
    for (int i = 30; i > 0; i--) {
      String key = "key-" + (i * 7919 % 101);
      keys.add(key);
      metadata.put(key, i);
      nested.put(key, i);
      set.add(key);
    }
    metadata.put("nested", nested);
    metadata.put("set", set);

    Map<String, Object> frozen = withMetadata(metadata).metadata();

    List<String> expectedTop = new ArrayList<>(keys);
    expectedTop.add("nested");
    expectedTop.add("set");
    assertThat(new ArrayList<>(frozen.keySet())).isEqualTo(expectedTop);
    assertThat(new ArrayList<>(((Map<String, Object>) frozen.get("nested")).keySet()))
        .isEqualTo(keys);
    assertThat(new ArrayList<>((Set<String>) frozen.get("set"))).isEqualTo(keys);
  }

  @Test
  void sortedMapInput_keepsItsIterationOrder() {
    Map<String, Object> sorted = new TreeMap<>(Map.of("b", 2, "a", 1, "c", 3));

    assertThat(new ArrayList<>(withMetadata(sorted).metadata().keySet()))
        .containsExactly("a", "b", "c");
  }

  @Test
  void valuesOfAnyOtherType_areKeptAsTheyAre() {
    UUID uuid = UUID.randomUUID();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("string", "s");
    metadata.put("number", 1.5);
    metadata.put("flag", false);
    metadata.put("uuid", uuid);
    metadata.put("instant", T);

    Map<String, Object> kept = withMetadata(metadata).metadata();

    assertThat(kept).isEqualTo(metadata);
    assertThat(kept.get("uuid")).isSameAs(uuid);
    assertThat(kept.get("instant")).isSameAs(T);
  }
}
