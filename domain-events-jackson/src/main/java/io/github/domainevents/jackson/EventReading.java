package io.github.domainevents.jackson;

import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.ReadOptions;
import io.github.domainevents.wire.WireFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What the deserializers share: the registry, the options, and the checks on a JSON object. */
final class EventReading {
  final EventTypeRegistry registry;
  final ReadOptions options;

  EventReading(EventTypeRegistry registry, ReadOptions options) {
    this.registry = registry;
    this.options = options;
  }

  /** Rejects anything but an object, and type-id keys such as {@code @class}. */
  static void checkObject(JsonNode tree, String what) {
    if (!tree.isObject()) {
      String actual = tree.getNodeType().name().toLowerCase(Locale.ROOT);
      throw new EventFormatException(null, what + " must be a JSON object, was " + actual);
    }
    for (String key : tree.propertyNames()) {
      if (WireFormat.isTypeIdKey(key)) {
        throw new EventFormatException(
            key, "'" + key + "' is not accepted: types are chosen by event_type through the"
                + " registry, never by class names in the payload");
      }
    }
  }

  /** Returns the header keys of {@code tree} as plain values. */
  static Map<String, @Nullable Object> headerValues(JsonNode tree) {
    Map<String, @Nullable Object> values = new LinkedHashMap<>(8);
    for (String key : WireFormat.HEADER_KEYS) {
      JsonNode value = tree.get(key);
      if (value != null) {
        values.put(key, Trees.toPlain(value, key));
      }
    }
    return values;
  }
}
