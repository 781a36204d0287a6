package io.github.domainevents.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: push plain values through the protocol's sinks, as a JSON module would. */
final class Push {
  private Push() {}

  static JsonKind kindOf(Object value) {
    if (value == null) {
      return JsonKind.NULL;
    }
    if (value instanceof Map) {
      return JsonKind.OBJECT;
    }
    if (value instanceof List) {
      return JsonKind.ARRAY;
    }
    if (value instanceof String) {
      return JsonKind.STRING;
    }
    if (value instanceof Boolean) {
      return JsonKind.BOOLEAN;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return JsonKind.INTEGER;
    }
    if (value instanceof Number) {
      return JsonKind.DECIMAL;
    }
    return JsonKind.OTHER;
  }

  static Object read(String field, Object value, ReadOptions options) {
    ValueReader reader = ValueReader.of(field, options);
    JsonText.write(value, reader);
    return reader.result();
  }

  /** Reads header values as a module does, then builds the header. */
  static io.github.domainevents.EventHeader readHeader(Map<String, ?> values, ReadOptions options) {
    Map<String, Object> read = new HashMap<>();
    values.forEach((key, value) -> read.put(key, read(key, value, options)));
    return WireFormat.readHeader(read, options);
  }

  /** Pushes attributes into a CloudEventObject and returns it. */
  static CloudEventObject cloudEvent(Map<String, ?> attributes, ReadOptions options) {
    CloudEventObject cloudEvent = CloudEventObject.start(JsonKind.OBJECT, options);
    attributes.forEach((name, value) -> {
      JsonSink sink = cloudEvent.member(name, kindOf(value));
      if (sink != null) {
        JsonText.write(value, sink);
      }
    });
    return cloudEvent;
  }

  /** Pushes members into an EventObject and returns it. */
  static EventObject event(Map<String, ?> members, ReadOptions options) {
    EventObject event = EventObject.start(JsonKind.OBJECT, options);
    members.forEach((key, value) -> {
      JsonSink sink = event.member(key, kindOf(value));
      if (sink != null) {
        JsonText.write(value, sink);
      }
    });
    return event;
  }

  static BigDecimal decimal(String text) {
    return new BigDecimal(text);
  }
}
