package io.github.domainevents;

import io.github.domainevents.internal.EventTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Validates and deep-freezes event metadata.
 *
 * <p>Rules: keys are non-null, non-blank strings; values are non-null; nested maps, lists and
 * sets are copied into unmodifiable collections (keeping their order) with the same rules
 * applied inside; arrays are rejected because they cannot be made unmodifiable. Messages name
 * the offending entry by its path, for example {@code metadata['tags'][2]}.
 */
final class Metadata {
  /**
   * The metadata of a header without any. An unmodifiable view rather than {@link
   * Collections#emptyMap()}, whose {@code clear()}, {@code remove(..)} and {@code putAll(..)}
   * silently succeed: every mutator throws, whether the metadata is empty or not.
   */
  static final Map<String, Object> EMPTY = Collections.unmodifiableMap(new LinkedHashMap<>(0));

  private Metadata() {}

  /**
   * Returns an unmodifiable, insertion-ordered, deep copy of {@code source}.
   *
   * @throws NullPointerException if a key or value is null
   * @throws IllegalArgumentException if a key is blank or a value is an array
   */
  static Map<String, Object> copyOf(Map<String, ?> source) {
    if (source.isEmpty()) {
      return EMPTY;
    }
    Map<String, Object> copy = new LinkedHashMap<>(capacityFor(source.size()));
    source.forEach((key, value) -> copy.put(checkKey(key), freeze(value, path(key))));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Checks one top-level key.
   *
   * @throws NullPointerException if {@code key} is null
   * @throws IllegalArgumentException if {@code key} is blank
   */
  static String checkKey(@Nullable String key) {
    String checked = Checks.requireNonNull(key, "metadata key");
    Checks.requireArgument(
        !isBlank(checked), "metadata key must not be blank, was '" + checked + "'");
    return checked;
  }

  /**
   * Returns {@code value}, with nested collections frozen.
   *
   * @throws NullPointerException if the value or anything nested in it is null
   * @throws IllegalArgumentException if the value or anything nested in it is an array
   */
  static Object freeze(@Nullable Object value, String path) {
    if (value == null) {
      throw new NullPointerException(
          path + " is null; metadata values must not be null (leave the key out instead)");
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>(capacityFor(map.size()));
      map.forEach(
          (key, nested) -> {
            Checks.requireNonNull(key, "key in " + path);
            copy.put(key, freeze(nested, path + "['" + key + "']"));
          });
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      return Collections.unmodifiableList(freezeAll(list, path, new ArrayList<>(list.size())));
    }
    if (value instanceof Set<?> set) {
      return Collections.unmodifiableSet(
          freezeAll(set, path, new LinkedHashSet<>(capacityFor(set.size()))));
    }
    if (value instanceof Collection<?> collection) {
      return Collections.unmodifiableList(
          freezeAll(collection, path, new ArrayList<>(collection.size())));
    }
    Checks.requireArgument(
        !value.getClass().isArray(),
        path + " is an array (" + value.getClass().getSimpleName()
            + "); arrays cannot be made immutable, use a List");
    return value;
  }

  private static <C extends Collection<Object>> C freezeAll(
      Collection<?> source, String path, C target) {
    int index = 0;
    for (Object element : source) {
      target.add(freeze(element, path + "[" + index++ + "]"));
    }
    return target;
  }

  /** Blank in Unicode's sense: no-break spaces count as white space too, as for event types. */
  private static boolean isBlank(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (!EventTypes.isWhiteSpace(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String path(String key) {
    return "metadata['" + key + "']";
  }

  private static int capacityFor(int size) {
    return (int) Math.ceil(size / 0.75);
  }
}
