package io.github.domainevents;

import org.jspecify.annotations.Nullable;

/** Fail-fast argument checks whose messages name the offending field. */
final class Checks {
  private Checks() {}

  /**
   * Returns {@code value}, or throws a {@link NullPointerException} naming {@code name}.
   *
   * @throws NullPointerException if {@code value} is null
   */
  static <T> T requireNonNull(@Nullable T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  /**
   * Throws an {@link IllegalArgumentException} with {@code message} unless {@code condition}.
   *
   * @throws IllegalArgumentException if {@code condition} is false
   */
  static void requireArgument(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * Throws an {@link IllegalStateException} with {@code message} unless {@code condition}.
   *
   * @throws IllegalStateException if {@code condition} is false
   */
  static void requireState(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
