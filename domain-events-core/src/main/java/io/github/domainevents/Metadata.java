package io.github.domainevents;

import io.github.domainevents.internal.Checks;
import io.github.domainevents.internal.SafeText;
import io.github.domainevents.internal.Characters;
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
 * <p>Rules: keys are non-null, non-blank strings without control characters (see {@link
 * SafeText#isControl}), at most {@value #MAX_KEY_LENGTH} characters long; values are non-null;
 * nested maps, lists and sets are copied into unmodifiable collections (keeping their order) with
 * the same rules applied inside (for nested keys that are strings); arrays are rejected because
 * they cannot be made unmodifiable. Over all levels: at most {@value #MAX_DEPTH} levels of nested
 * maps and collections, {@value #MAX_ENTRIES} entries (map entries plus collection elements), and
 * {@value #MAX_CHARS} characters in keys and string values. Messages name the offending entry by
 * its path, for example {@code metadata['tags'][2]}, or the limit exceeded.
 *
 * <p>The path of an entry is only rendered when a check fails, so a valid copy costs time
 * linear in the metadata's size.
 */
final class Metadata {
  /** How deeply maps and collections may nest: a map value directly in the metadata is level 1. */
  static final int MAX_DEPTH = 16;

  /** How many map entries plus collection elements the metadata may hold over all levels. */
  static final int MAX_ENTRIES = 1_000;

  /** How long one key may be, at any level. */
  static final int MAX_KEY_LENGTH = 256;

  /** How many characters all keys and string values may hold together, over all levels. */
  static final int MAX_CHARS = 65_536;

  /** How much of an over-long key a message quotes. */
  private static final int QUOTED_KEY_LENGTH = 40;

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
   * @throws IllegalArgumentException if a key is blank, holds a control character or is too
   *     long, a value is an array, or the metadata exceeds a limit
   */
  static Map<String, Object> copyOf(Map<String, ?> source) {
    if (source.isEmpty()) {
      return EMPTY;
    }
    Budget budget = new Budget();
    if (source.size() > MAX_ENTRIES) {
      throw budget.tooManyEntries();
    }
    Map<String, Object> copy = new LinkedHashMap<>(capacityFor(source.size()));
    source.forEach(
        (key, value) -> {
          String checked = checkKey(key);
          budget.entry();
          budget.chars(checked.length());
          copy.put(checked, freeze(value, new Path(null, checked, 0), 1, budget));
        });
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Checks one top-level key.
   *
   * @throws NullPointerException if {@code key} is null
   * @throws IllegalArgumentException if {@code key} is blank, holds a control character or is
   *     longer than {@value #MAX_KEY_LENGTH} characters
   */
  static String checkKey(@Nullable String key) {
    return checkKey(Checks.requireNonNull(key, "metadata key"), "metadata key");
  }

  /**
   * Returns {@code value}, with nested collections frozen, checked as the value of the top-level
   * entry {@code key}.
   *
   * @throws NullPointerException if the value or anything nested in it is null
   * @throws IllegalArgumentException if the value or anything nested in it is an array or breaks
   *     a rule, or the value alone exceeds a limit
   */
  static Object freeze(@Nullable Object value, String key) {
    Budget budget = new Budget();
    budget.entry();
    budget.chars(key.length());
    return freeze(value, new Path(null, key, 0), 1, budget);
  }

  private static String checkKey(String key, String what) {
    if (isBlank(key)) {
      throw new IllegalArgumentException(
          what + " must not be blank, was '" + SafeText.escape(key) + "'");
    }
    int control = SafeText.indexOfControl(key);
    if (control >= 0) {
      throw new IllegalArgumentException(
          what + " must not contain line breaks or other control characters, was '"
              + SafeText.escape(key) + "' (" + SafeText.escape(key.substring(control, control + 1))
              + " at index " + control + ")");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          what + " is longer than the limit of " + MAX_KEY_LENGTH + " characters ("
              + key.length() + "): '" + key.substring(0, QUOTED_KEY_LENGTH) + "…'");
    }
    return key;
  }

  private static Object freeze(@Nullable Object value, Path path, int depth, Budget budget) {
    if (value == null) {
      throw new NullPointerException(
          path + " is null; metadata values must not be null (leave the key out instead)");
    }
    if (value instanceof String text) {
      budget.chars(text.length());
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      checkDepth(path, depth);
      Map<Object, Object> copy = new LinkedHashMap<>(capacityFor(Math.min(map.size(), MAX_ENTRIES)));
      map.forEach(
          (key, nested) -> {
            if (key == null) {
              throw new NullPointerException("key in " + path + " must not be null");
            }
            if (key instanceof String text) {
              checkKey(text, "key in " + path);
              budget.chars(text.length());
            }
            budget.entry();
            copy.put(key, freeze(nested, new Path(path, key, 0), depth + 1, budget));
          });
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      checkDepth(path, depth);
      return Collections.unmodifiableList(
          freezeAll(list, path, depth, budget, new ArrayList<>(Math.min(list.size(), MAX_ENTRIES))));
    }
    if (value instanceof Set<?> set) {
      checkDepth(path, depth);
      return Collections.unmodifiableSet(freezeAll(set, path, depth, budget,
          new LinkedHashSet<>(capacityFor(Math.min(set.size(), MAX_ENTRIES)))));
    }
    if (value instanceof Collection<?> collection) {
      checkDepth(path, depth);
      return Collections.unmodifiableList(freezeAll(collection, path, depth, budget,
          new ArrayList<>(Math.min(collection.size(), MAX_ENTRIES))));
    }
    if (value.getClass().isArray()) {
      throw new IllegalArgumentException(
          path + " is an array (" + value.getClass().getSimpleName()
              + "); arrays cannot be made immutable, use a List");
    }
    return value;
  }

  private static <C extends Collection<Object>> C freezeAll(
      Collection<?> source, Path path, int depth, Budget budget, C target) {
    int index = 0;
    for (Object element : source) {
      budget.entry();
      target.add(freeze(element, new Path(path, null, index++), depth + 1, budget));
    }
    return target;
  }

  private static void checkDepth(Path path, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          path + " is nested deeper than " + MAX_DEPTH + " levels (the limit for metadata)");
    }
  }

  /** Blank in Unicode's sense: no-break spaces count as white space too, as for event types. */
  private static boolean isBlank(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (!Characters.isWhiteSpace(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int capacityFor(int size) {
    return (int) Math.ceil(size / 0.75);
  }

  /** The totals counted over all levels of one metadata map. Not thread-safe; one per copy. */
  private static final class Budget {
    private int entries;
    private long chars;

    void entry() {
      if (++entries > MAX_ENTRIES) {
        throw tooManyEntries();
      }
    }

    void chars(int count) {
      chars += count;
      if (chars > MAX_CHARS) {
        throw new IllegalArgumentException(
            "metadata has more than " + MAX_CHARS
                + " characters in its keys and string values (the limit for metadata)");
      }
    }

    IllegalArgumentException tooManyEntries() {
      return new IllegalArgumentException(
          "metadata has more than " + MAX_ENTRIES
              + " entries (map entries plus list and set elements, over all levels)");
    }
  }

  /** Where an entry is, rendered only for a message: {@code metadata['a'][2]['b']}. */
  private static final class Path {
    private final @Nullable Path parent;
    private final @Nullable Object key;
    private final int index;

    Path(@Nullable Path parent, @Nullable Object key, int index) {
      this.parent = parent;
      this.key = key;
      this.index = index;
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      render(text);
      return text.toString();
    }

    private void render(StringBuilder text) {
      if (parent == null) {
        text.append("metadata");
      } else {
        parent.render(text);
      }
      if (key != null) {
        text.append("['").append(SafeText.of(key)).append("']");
      } else {
        text.append('[').append(index).append(']');
      }
    }
  }
}
