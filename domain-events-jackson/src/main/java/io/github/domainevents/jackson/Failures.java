package io.github.domainevents.jackson;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.UnknownEventTypeException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidDefinitionException;

/** Turns Jackson's read failures into the library's exceptions, keeping the field name. */
final class Failures {
  private Failures() {}

  static RuntimeException reading(JacksonException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownEventTypeException unknown) {
        return unknown;
      }
      if (cause instanceof EventFormatException format) {
        return format;
      }
    }
    if (failure instanceof InvalidDefinitionException definition
        && isUnnamedCreator(String.valueOf(definition.getOriginalMessage()))) {
      String type = definition.getType() == null ? "the event class"
          : definition.getType().getRawClass().getName();
      return new EventFormatException(
          null, "cannot read " + type + ": its @JsonCreator constructor has several parameters"
              + " and their names are unknown; compile with -parameters or annotate each"
              + " parameter with @JsonProperty (Jackson: " + definition.getOriginalMessage() + ")",
          failure);
    }
    if (failure instanceof StreamReadException read
        && String.valueOf(read.getOriginalMessage()).startsWith("Duplicate")
        && read.processor() != null && read.processor().currentName() != null) {
      String key = read.processor().currentName();
      return new EventFormatException(
          key, "'" + key + "' appears twice; duplicate keys are rejected", failure);
    }
    String field = field(failure.getPath());
    if (failure instanceof StreamConstraintsException) {
      return new EventFormatException(
          field, "the JSON exceeds a read limit (ReadOptions): " + failure.getOriginalMessage(),
          failure);
    }
    String where = field == null ? "" : " (field " + field + ")";
    return new EventFormatException(
        field, "cannot read the event" + where + ": " + failure.getOriginalMessage(), failure);
  }

  /**
   * Turns a write failure into the exception {@code toJson}/{@code toCloudEvent} document: the
   * protocol's {@link IllegalArgumentException} (unregistered type, a limit) as it is, anything
   * else as an {@code IllegalArgumentException} naming the class.
   */
  static RuntimeException writing(DomainEvent event, String format, JacksonException failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException protocol) {
        return protocol;
      }
    }
    return new IllegalArgumentException(
        "cannot write " + event.getClass().getName() + " as " + format + ": "
            + failure.getOriginalMessage(), failure);
  }

  /** Jackson's ways of saying that a multi-argument creator's parameters have no names. */
  private static boolean isUnnamedCreator(String message) {
    return message.contains("delegating") || message.contains("has no property name")
        || message.contains("must have name");
  }

  private static @Nullable String field(List<JacksonException.Reference> path) {
    if (path.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (JacksonException.Reference reference : path) {
      String name = reference.getPropertyName();
      if (name != null) {
        text.append(text.length() == 0 ? "" : ".").append(name);
      } else if (reference.getIndex() >= 0) {
        text.append('[').append(reference.getIndex()).append(']');
      }
    }
    return text.length() == 0 ? null : text.toString();
  }
}
