package io.github.domainevents.jackson2;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import io.github.domainevents.DomainEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.github.domainevents.wire.CodecFailures;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns Jackson's read failures into the library's exceptions, keeping the field name. */
final class Failures {
  private Failures() {}

  /** As {@link #reading(JsonProcessingException)}; other I/O failures leave unchecked. */
  static RuntimeException reading(IOException failure) {
    return failure instanceof JsonProcessingException processing
        ? reading(processing) : new UncheckedIOException(failure);
  }

  /** As {@link #reading(IOException)} for a failure the protocol's walk let through wrapped. */
  static RuntimeException reading(UncheckedIOException failure) {
    return failure.getCause() instanceof JsonProcessingException processing
        ? reading(processing) : failure;
  }

  static RuntimeException reading(JsonProcessingException failure) {
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
    String duplicate = failure instanceof JsonParseException read
        && String.valueOf(read.getOriginalMessage()).startsWith("Duplicate")
        && read.getProcessor() != null ? currentName(read.getProcessor()) : null;
    if (duplicate != null) {
      return CodecFailures.duplicateKey(duplicate, failure);
    }
    String field =
        failure instanceof JsonMappingException mapping ? field(mapping.getPath()) : null;
    if (failure instanceof StreamConstraintsException) {
      return CodecFailures.beyondLimit(field, String.valueOf(failure.getOriginalMessage()), failure);
    }
    return CodecFailures.unreadable(field, String.valueOf(failure.getOriginalMessage()), failure);
  }

  /** As {@link #writing(DomainEvent, String, JsonProcessingException)} for any I/O failure. */
  static RuntimeException writing(DomainEvent event, String format, IOException failure) {
    return failure instanceof JsonProcessingException processing
        ? writing(event, format, processing) : new UncheckedIOException(failure);
  }

  /** As {@link #writing(DomainEvent, String, IOException)} for a wrapped failure. */
  static RuntimeException writing(DomainEvent event, String format, UncheckedIOException failure) {
    return failure.getCause() instanceof JsonProcessingException processing
        ? writing(event, format, processing) : failure;
  }

  /**
   * Turns a write failure into the exception {@code toJson}/{@code toCloudEvent} document: the
   * protocol's {@link IllegalArgumentException} (unregistered type, a limit) as it is, anything
   * else as an {@code IllegalArgumentException} naming the class.
   */
  static RuntimeException writing(
      DomainEvent event, String format, JsonProcessingException failure) {
    return CodecFailures.unwritable(
        event, format, String.valueOf(failure.getOriginalMessage()), failure);
  }

  private static @Nullable String currentName(JsonParser parser) {
    try {
      return parser.currentName();
    } catch (IOException e) {
      return null;
    }
  }

  /** Jackson's ways of saying that a multi-argument creator's parameters have no names. */
  private static boolean isUnnamedCreator(String message) {
    return message.contains("delegating") || message.contains("has no property name")
        || message.contains("must have name");
  }

  private static @Nullable String field(List<JsonMappingException.Reference> path) {
    if (path.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      String name = reference.getFieldName();
      if (name != null) {
        text.append(text.length() == 0 ? "" : ".").append(name);
      } else if (reference.getIndex() >= 0) {
        text.append('[').append(reference.getIndex()).append(']');
      }
    }
    return text.length() == 0 ? null : text.toString();
  }
}
