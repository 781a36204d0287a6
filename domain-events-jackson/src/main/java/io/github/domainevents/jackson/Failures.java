package io.github.domainevents.jackson;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.wire.CodecFailures;
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
    RuntimeException protocol = CodecFailures.protocolCause(failure);
    if (protocol != null) {
      return protocol;
    }
    if (failure instanceof InvalidDefinitionException definition
        && isUnnamedCreator(String.valueOf(definition.getOriginalMessage()))) {
      String type = definition.getType() == null ? "the event class"
          : definition.getType().getRawClass().getName();
      return CodecFailures.unnamedCreator(
          type, String.valueOf(definition.getOriginalMessage()), failure);
    }
    if (failure instanceof StreamReadException read
        && String.valueOf(read.getOriginalMessage()).startsWith("Duplicate")
        && read.processor() != null && read.processor().currentName() != null) {
      String key = read.processor().currentName();
      return CodecFailures.duplicateKey(key, failure);
    }
    String field = field(failure.getPath());
    if (failure instanceof StreamConstraintsException) {
      return CodecFailures.beyondLimit(field, String.valueOf(failure.getOriginalMessage()), failure);
    }
    return CodecFailures.unreadable(field, String.valueOf(failure.getOriginalMessage()), failure);
  }

  /**
   * Turns a write failure into the exception {@code toJson}/{@code toCloudEvent} document: the
   * protocol's {@link IllegalArgumentException} (unregistered type, a limit) as it is, anything
   * else as an {@code IllegalArgumentException} naming the class.
   */
  static RuntimeException writing(DomainEvent event, String format, JacksonException failure) {
    return CodecFailures.unwritable(
        event, format, String.valueOf(failure.getOriginalMessage()), failure);
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
