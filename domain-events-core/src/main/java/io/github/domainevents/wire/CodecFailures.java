package io.github.domainevents.wire;

import io.github.domainevents.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * SPI for JSON codec implementers: the library's exceptions for a codec's own failures, worded
 * once, so that every codec reports a duplicate key, a broken limit or an unreadable field the
 * same way. A codec classifies its library's exception and calls the matching method;
 * applications do not use this class.
 *
 * <p>All methods are static, stateless and safe for concurrent use; they return the exception
 * for the caller to throw.
 *
 * @since 0.1.0
 */
public final class CodecFailures {
  private CodecFailures() {}

  /**
   * Returns the protocol's own exception in the cause chain of a codec failure (the codec's
   * data binding may have wrapped it), so that it reaches the caller unchanged.
   *
   * @param failure the codec's exception
   * @return the first {@link UnknownEventTypeException} or {@link EventFormatException} in the
   *     chain, starting with {@code failure} itself, or null if there is none
   */
  public static @Nullable RuntimeException protocolCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownEventTypeException unknown) {
        return unknown;
      }
      if (cause instanceof EventFormatException format) {
        return format;
      }
    }
    return null;
  }

  /**
   * A class-style event whose multi-argument creator's parameter names are unknown.
   *
   * @param type the event class's name
   * @param detail the codec's own message
   * @param failure the codec's exception, kept as the cause
   * @return the exception, saying how to fix it
   */
  public static EventFormatException unnamedCreator(String type, String detail, Throwable failure) {
    return new EventFormatException(
        null, "cannot read " + type + ": its @JsonCreator constructor has several parameters"
            + " and their names are unknown; compile with -parameters or annotate each"
            + " parameter with @JsonProperty (Jackson: " + detail + ")",
        failure);
  }

  /**
   * A key that appears twice in one object.
   *
   * @param key the key
   * @param failure the codec's exception, kept as the cause
   * @return the exception, naming the key
   */
  public static EventFormatException duplicateKey(String key, Throwable failure) {
    return new EventFormatException(
        key, "'" + key + "' appears twice; duplicate keys are rejected", failure);
  }

  /**
   * A document beyond one of the {@link ReadOptions} limits, as the codec's parser found it.
   *
   * @param field the field being read, or null if unknown
   * @param detail the codec's own message, naming the limit
   * @param failure the codec's exception, kept as the cause
   * @return the exception
   */
  public static EventFormatException beyondLimit(
      @Nullable String field, String detail, Throwable failure) {
    return new EventFormatException(
        field, "the JSON exceeds a read limit (ReadOptions): " + detail, failure);
  }

  /**
   * Any other read failure of the codec: malformed JSON, or a value its data binding could not
   * read.
   *
   * @param field the field being read, or null if unknown
   * @param detail the codec's own message
   * @param failure the codec's exception, kept as the cause
   * @return the exception, naming the field if known
   */
  public static EventFormatException unreadable(
      @Nullable String field, String detail, Throwable failure) {
    String where = field == null ? "" : " (field " + field + ")";
    return new EventFormatException(field, "cannot read the event" + where + ": " + detail,
        failure);
  }

  /**
   * A write failure of the codec: the protocol's {@link IllegalArgumentException} found in the
   * cause chain (an unregistered type, a limit) as it is, anything else as an {@code
   * IllegalArgumentException} naming the event's class and the format.
   *
   * @param event the event being written
   * @param format what was being written, such as {@code "JSON"} or {@code "a CloudEvent"}
   * @param detail the codec's own message
   * @param failure the codec's exception
   * @return the exception
   */
  public static IllegalArgumentException unwritable(
      DomainEvent event, String format, String detail, Throwable failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException protocol) {
        return protocol;
      }
    }
    return new IllegalArgumentException(
        "cannot write " + event.getClass().getName() + " as " + format + ": " + detail, failure);
  }
}
