package io.github.domainevents.jackson2;

import io.github.domainevents.wire.EventFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Converts JSON trees into plain JSON values ({@code String}, {@code Integer}/{@code Long}/{@code
 * BigInteger}, {@code Double}/{@code BigDecimal}, {@code Boolean}, {@code null}, {@code
 * LinkedHashMap}, {@code ArrayList}), the same way in both Jackson modules.
 */
final class Trees {
  private Trees() {}

  static @Nullable Object toPlain(JsonNode node, String path) {
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      if (node.isInt()) {
        return node.intValue();
      }
      if (node.isLong()) {
        return node.longValue();
      }
      if (node.isBigInteger()) {
        return node.bigIntegerValue();
      }
      if (node.isBigDecimal()) {
        return node.decimalValue();
      }
      return node.doubleValue();
    }
    if (node.isObject()) {
      Map<String, @Nullable Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        map.put(entry.getKey(), toPlain(entry.getValue(), path + "['" + entry.getKey() + "']"));
      }
      return map;
    }
    if (node.isArray()) {
      List<@Nullable Object> list = new ArrayList<>(node.size());
      int index = 0;
      for (JsonNode element : node) {
        list.add(toPlain(element, path + "[" + index++ + "]"));
      }
      return list;
    }
    throw new EventFormatException(path, path + " holds a value that is not plain JSON");
  }
}
