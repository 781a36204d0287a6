package io.github.domainevents.wire;

import io.github.domainevents.internal.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds one plain JSON value ({@link String}, {@link Integer}/{@link Long}/{@link BigInteger},
 * {@link Double}/{@link BigDecimal}, {@link Boolean}, {@code null}, {@link LinkedHashMap},
 * {@link ArrayList}) from the events a reader pushes, checking as it goes: duplicate keys, the
 * metadata limits, null values inside containers, string lengths and non-finite numbers. Each
 * check stops reading at the first offence, so a hostile document costs no more than its size;
 * the path of the offending value is spelled out only then.
 *
 * <p>Numbers are kept exactly: integers as the smallest of {@code Integer}, {@code Long} and
 * {@code BigInteger} that holds them; other numbers as a {@code Double} when the double prints
 * back exactly as the decimal was written ({@code 1.25}), else as the {@code BigDecimal} itself
 * ({@code 12.50}, {@code 0.10000000000000000557}). A number beyond the range of a double is
 * rejected, as the seed cannot hold it.
 *
 * <p>Not safe for concurrent use; one instance reads one value.
 *
 * @since 0.1.0
 */
final class ValueReader implements JsonSink {
  /** Limits shared with the construction of headers (see LIMITS in the project notes). */
  static final int MAX_METADATA_ENTRIES = 1_000;

  static final int MAX_METADATA_KEY_LENGTH = 256;
  static final int MAX_METADATA_CHARACTERS = 65_536;

  /**
   * How many diagnostic paths were spelled out, over all readers: only failures build one, so a
   * test can pin that reading a valid document costs no per-element diagnostics.
   */
  static final java.util.concurrent.atomic.LongAdder PATHS_BUILT =
      new java.util.concurrent.atomic.LongAdder();

  private final String field;
  private final ReadOptions options;
  private final boolean metadata;
  private final int maxStringLength;
  private final List<Object> stack = new ArrayList<>();
  private final List<@Nullable String> names = new ArrayList<>();
  private @Nullable Object result;
  private boolean done;
  private int entries;
  private long characters;

  private ValueReader(String field, ReadOptions options, boolean metadata, int maxStringLength) {
    this.field = field;
    this.options = options;
    this.metadata = metadata;
    this.maxStringLength = maxStringLength;
  }

  /**
   * Returns a reader for the value of a header member or attribute named {@code field}. For
   * {@code metadata} the metadata rules apply (depth, entry and size limits, null values);
   * strings longer than {@link ReadOptions#maxStringLength()} are rejected.
   *
   * @param field the member name, used in error messages
   * @param options the limits
   * @return a new reader
   * @throws NullPointerException if an argument is null
   */
  static ValueReader of(String field, ReadOptions options) {
    Checks.requireNonNull(field, "field");
    Checks.requireNonNull(options, "options");
    return new ValueReader(
        field, options, field.equals(WireFormat.METADATA), options.maxStringLength());
  }

  /**
   * A reader for the CloudEvents {@code metadata} extension: one string holding the metadata's
   * JSON, bounded by the document length, not by the string limit or the metadata rules (which
   * apply to the metadata once its text is parsed).
   */
  static ValueReader metadataText(ReadOptions options) {
    return new ValueReader(CloudEventsFormat.METADATA, options, false, Integer.MAX_VALUE);
  }

  /**
   * Returns the value read.
   *
   * @return the plain value, or null for JSON {@code null}
   * @throws IllegalStateException if the value is not complete
   */
  @Nullable Object result() {
    if (!done) {
      throw new IllegalStateException("the value of " + field + " is not complete");
    }
    return result;
  }

  @Override
  public void startObject() {
    open(new LinkedHashMap<String, Object>());
  }

  @Override
  public void startArray() {
    open(new ArrayList<Object>());
  }

  private void open(Object container) {
    if (!stack.isEmpty()) {
      int depth = stack.size();
      if (metadata && depth > options.maxMetadataDepth()) {
        throw fail(path() + " is nested deeper than the limit of " + options.maxMetadataDepth()
            + " levels (ReadOptions.withMaxMetadataDepth)");
      }
    }
    stack.add(container);
    names.add(null);
  }

  @Override
  public void endObject() {
    close();
  }

  @Override
  public void endArray() {
    close();
  }

  private void close() {
    Object container = stack.remove(stack.size() - 1);
    names.remove(names.size() - 1);
    value(container);
  }

  @Override
  public void name(String name) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) stack.get(stack.size() - 1);
    names.set(names.size() - 1, name);
    if (map.containsKey(name)) {
      throw fail(path() + " appears twice; duplicate keys are rejected");
    }
    if (metadata) {
      if (name.length() > MAX_METADATA_KEY_LENGTH) {
        throw fail(path() + ": a metadata key has more than " + MAX_METADATA_KEY_LENGTH
            + " characters");
      }
      characters += name.length();
      checkCharacters();
    }
  }

  @Override
  public void string(String value) {
    if (value.length() > maxStringLength) {
      throw fail(path() + " is a string longer than the limit of " + maxStringLength
          + " characters (ReadOptions.withMaxStringLength)");
    }
    if (metadata) {
      characters += value.length();
      checkCharacters();
    }
    value(value);
  }

  @Override
  public void number(Number value) {
    if (value.toString().length() > options.maxNumberLength()) {
      throw fail(path() + " is a number longer than the limit of " + options.maxNumberLength()
          + " characters (ReadOptions.withMaxNumberLength)");
    }
    value(exact(value));
  }

  @Override
  public void bool(boolean value) {
    value(value);
  }

  @Override
  public void nullValue() {
    if (stack.isEmpty()) {
      done = true;
      result = null;
      return;
    }
    if (!metadata) {
      value(null);
      return;
    }
    if (!options.omitNullMetadataValues()) {
      throw fail(path() + " is null; null metadata values are rejected (leave the key out, or"
          + " read with ReadOptions.withNullMetadataValuesOmitted(true))");
    }
    names.set(names.size() - 1, null);
  }

  private void value(@Nullable Object value) {
    if (stack.isEmpty()) {
      done = true;
      result = value;
      return;
    }
    Object container = stack.get(stack.size() - 1);
    if (metadata && ++entries > MAX_METADATA_ENTRIES) {
      throw fail("metadata has more than " + MAX_METADATA_ENTRIES + " entries");
    }
    if (container instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> map = (Map<String, @Nullable Object>) container;
      String name = names.get(names.size() - 1);
      if (name == null) {
        throw new IllegalStateException("a member value without a name in " + field);
      }
      map.put(name, value);
      names.set(names.size() - 1, null);
    } else {
      @SuppressWarnings("unchecked")
      List<@Nullable Object> list = (List<@Nullable Object>) container;
      list.add(value);
    }
  }

  private void checkCharacters() {
    if (characters > MAX_METADATA_CHARACTERS) {
      throw fail("metadata has more than " + MAX_METADATA_CHARACTERS
          + " characters in its keys and string values");
    }
  }

  private Number exact(Number value) {
    if (value instanceof Integer || value instanceof Long) {
      long n = value.longValue();
      return n == (int) n ? (Number) (int) n : (Number) n;
    }
    if (value instanceof BigInteger big) {
      int bits = big.bitLength();
      return bits < 32 ? (Number) big.intValue() : bits < 64 ? (Number) big.longValue() : big;
    }
    if (value instanceof BigDecimal decimal) {
      double d = decimal.doubleValue();
      if (Double.isInfinite(d)) {
        throw fail(path() + " is a number beyond the range of a double: "
            + WireFormat.abbreviate(decimal.toString()));
      }
      // Same value and same scale: the double prints back exactly as written.
      BigDecimal back = new BigDecimal(Double.toString(d));
      return back.scale() == decimal.scale() && back.compareTo(decimal) == 0
          ? (Number) d : decimal;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = value.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw fail(path() + " is not a finite number: " + value);
      }
      return d;
    }
    if (value instanceof Short || value instanceof Byte) {
      return value.intValue();
    }
    throw fail(path() + " is a number of an unsupported type " + value.getClass().getName());
  }

  /** Spells out the path of the current value; called only when failing. */
  String path() {
    PATHS_BUILT.increment();
    StringBuilder text = new StringBuilder(field);
    for (int i = 0; i < stack.size(); i++) {
      Object container = stack.get(i);
      if (container instanceof Map<?, ?>) {
        String name = names.get(i);
        if (name != null) {
          text.append("['").append(WireFormat.abbreviate(name)).append("']");
        }
      } else {
        text.append('[').append(((List<?>) container).size()).append(']');
      }
    }
    return text.toString();
  }

  private EventFormatException fail(String message) {
    return new EventFormatException(path(), message);
  }
}
