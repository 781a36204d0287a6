package io.github.domainevents.wire;

/**
 * Limits and policies for reading events from untrusted input. Immutable: every {@code withX}
 * returns a changed copy. Safe to share between threads.
 *
 * <p>The stream limits (document length, string length, number length, nesting depth) are
 * enforced by the JSON parser while it reads, before any object is built; the metadata depth is
 * checked on the decoded header.
 *
 * @since 0.1.0
 */
public final class ReadOptions {
  private static final ReadOptions DEFAULTS =
      new ReadOptions(16, false, 1_000_000L, 100_000, 1_000, 64);

  private final int maxMetadataDepth;
  private final boolean omitNullMetadataValues;
  private final long maxDocumentLength;
  private final int maxStringLength;
  private final int maxNumberLength;
  private final int maxNestingDepth;

  private ReadOptions(
      int maxMetadataDepth,
      boolean omitNullMetadataValues,
      long maxDocumentLength,
      int maxStringLength,
      int maxNumberLength,
      int maxNestingDepth) {
    this.maxMetadataDepth = maxMetadataDepth;
    this.omitNullMetadataValues = omitNullMetadataValues;
    this.maxDocumentLength = maxDocumentLength;
    this.maxStringLength = maxStringLength;
    this.maxNumberLength = maxNumberLength;
    this.maxNestingDepth = maxNestingDepth;
  }

  /**
   * Returns the defaults: metadata nested at most 16 levels, null metadata values rejected,
   * documents of at most 1,000,000 characters, strings of at most 100,000 characters, numbers of
   * at most 1,000 digits, JSON nested at most 64 levels.
   *
   * @return the default options
   */
  public static ReadOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy allowing metadata maps and lists nested {@code depth} levels deep; the
   * metadata object itself is level 0, so {@code {"a":{"b":1}}} needs depth 1.
   *
   * @param depth the maximum depth, at least 0
   * @return the changed copy
   * @throws IllegalArgumentException if {@code depth} is negative
   */
  public ReadOptions withMaxMetadataDepth(int depth) {
    requireNotNegative(depth, "maxMetadataDepth");
    return new ReadOptions(depth, omitNullMetadataValues, maxDocumentLength, maxStringLength,
        maxNumberLength, maxNestingDepth);
  }

  /**
   * Returns a copy with the given policy for {@code null} metadata values. Headers cannot hold
   * null metadata values, so by default a null value on the wire fails naming its key. With
   * {@code true}, entries whose value is null (at any depth) are left out instead: choose this
   * only for producers known to write {@code null} to mean "absent".
   *
   * @param omit true to leave out null-valued entries, false (the default) to reject them
   * @return the changed copy
   */
  public ReadOptions withNullMetadataValuesOmitted(boolean omit) {
    return new ReadOptions(maxMetadataDepth, omit, maxDocumentLength, maxStringLength,
        maxNumberLength, maxNestingDepth);
  }

  /**
   * Returns a copy with the given maximum document length, in characters or bytes as the parser
   * counts them.
   *
   * @param length the maximum, at least 1
   * @return the changed copy
   * @throws IllegalArgumentException if {@code length} is less than 1
   */
  public ReadOptions withMaxDocumentLength(long length) {
    if (length < 1) {
      throw new IllegalArgumentException("maxDocumentLength must be at least 1, was " + length);
    }
    return new ReadOptions(maxMetadataDepth, omitNullMetadataValues, length, maxStringLength,
        maxNumberLength, maxNestingDepth);
  }

  /**
   * Returns a copy with the given maximum length of one string value.
   *
   * @param length the maximum, at least 1
   * @return the changed copy
   * @throws IllegalArgumentException if {@code length} is less than 1
   */
  public ReadOptions withMaxStringLength(int length) {
    requirePositive(length, "maxStringLength");
    return new ReadOptions(maxMetadataDepth, omitNullMetadataValues, maxDocumentLength, length,
        maxNumberLength, maxNestingDepth);
  }

  /**
   * Returns a copy with the given maximum number of characters in one number.
   *
   * @param length the maximum, at least 1
   * @return the changed copy
   * @throws IllegalArgumentException if {@code length} is less than 1
   */
  public ReadOptions withMaxNumberLength(int length) {
    requirePositive(length, "maxNumberLength");
    return new ReadOptions(maxMetadataDepth, omitNullMetadataValues, maxDocumentLength,
        maxStringLength, length, maxNestingDepth);
  }

  /**
   * Returns a copy with the given maximum nesting of JSON objects and arrays in a document.
   *
   * @param depth the maximum, at least 1
   * @return the changed copy
   * @throws IllegalArgumentException if {@code depth} is less than 1
   */
  public ReadOptions withMaxNestingDepth(int depth) {
    requirePositive(depth, "maxNestingDepth");
    return new ReadOptions(maxMetadataDepth, omitNullMetadataValues, maxDocumentLength,
        maxStringLength, maxNumberLength, depth);
  }

  /**
   * Returns the maximum metadata depth.
   *
   * @return the depth; see {@link #withMaxMetadataDepth(int)}
   */
  public int maxMetadataDepth() {
    return maxMetadataDepth;
  }

  /**
   * Returns whether null metadata values are left out rather than rejected.
   *
   * @return true if they are left out
   */
  public boolean omitNullMetadataValues() {
    return omitNullMetadataValues;
  }

  /**
   * Returns the maximum document length.
   *
   * @return the maximum
   */
  public long maxDocumentLength() {
    return maxDocumentLength;
  }

  /**
   * Returns the maximum string length.
   *
   * @return the maximum
   */
  public int maxStringLength() {
    return maxStringLength;
  }

  /**
   * Returns the maximum number length.
   *
   * @return the maximum
   */
  public int maxNumberLength() {
    return maxNumberLength;
  }

  /**
   * Returns the maximum JSON nesting depth.
   *
   * @return the maximum
   */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  @Override
  public String toString() {
    return "ReadOptions[maxMetadataDepth=" + maxMetadataDepth
        + ", omitNullMetadataValues=" + omitNullMetadataValues
        + ", maxDocumentLength=" + maxDocumentLength
        + ", maxStringLength=" + maxStringLength
        + ", maxNumberLength=" + maxNumberLength
        + ", maxNestingDepth=" + maxNestingDepth + "]";
  }

  private static void requireNotNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
