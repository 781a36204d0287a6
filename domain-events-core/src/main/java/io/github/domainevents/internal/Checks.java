package io.github.domainevents.internal;

import org.jspecify.annotations.Nullable;

/**
 * Fail-fast argument checks whose messages name the offending field: the one way every package
 * of the core checks its arguments.
 *
 * <p>Not part of the API: this package is not exported by the module, and may change in any
 * release.
 */
public final class Checks {
  private Checks() {}

  /**
   * Returns {@code value}, or throws a {@link NullPointerException} naming {@code name}.
   *
   * @param value the value to check
   * @param name the name of the argument or field, for the message
   * @param <T> the value's type
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   */
  public static <T> T requireNonNull(@Nullable T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  /**
   * Throws an {@link IllegalArgumentException} with {@code message} unless {@code condition}.
   *
   * @param condition what must hold
   * @param message the exception's message
   * @throws IllegalArgumentException if {@code condition} is false
   */
  public static void requireArgument(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * Throws an {@link IllegalStateException} with {@code message} unless {@code condition}.
   *
   * @param condition what must hold
   * @param message the exception's message
   * @throws IllegalStateException if {@code condition} is false
   */
  public static void requireState(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
