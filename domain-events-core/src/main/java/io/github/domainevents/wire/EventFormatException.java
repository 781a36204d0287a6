package io.github.domainevents.wire;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a serialized event cannot be read: malformed JSON, a missing or ill-typed header
 * field, a value beyond a configured limit, or a payload field the event class rejects. The
 * message names the field where one is known. No partially built event is ever returned.
 *
 * @since 0.1.0
 */
public final class EventFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String field;

  /**
   * Creates the exception.
   *
   * @param field the offending field (a JSON key or path), or null if none can be named
   * @param message the description, which should name the field
   * @param cause the underlying failure, or null
   */
  public EventFormatException(
      @Nullable String field, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /**
   * Creates the exception for a field.
   *
   * @param field the offending field (a JSON key or path), or null if none can be named
   * @param message the description, which should name the field
   */
  public EventFormatException(@Nullable String field, String message) {
    this(field, message, null);
  }

  /**
   * Returns the field that could not be read, when known.
   *
   * @return the JSON key or path, or null
   */
  public @Nullable String field() {
    return field;
  }
}
