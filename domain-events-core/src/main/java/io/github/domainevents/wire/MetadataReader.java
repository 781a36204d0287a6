package io.github.domainevents.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks decoded metadata against {@link ReadOptions}: depth, key types and null values.
 * Produces plain mutable copies that {@code EventHeader.of} then freezes.
 */
final class MetadataReader {
  private MetadataReader() {}

  static Map<String, Object> read(Map<?, ?> metadata, ReadOptions options) {
    return readMap(metadata, "metadata", 0, options);
  }

  private static Map<String, Object> readMap(
      Map<?, ?> source, String path, int depth, ReadOptions options) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : source.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new EventFormatException(path, path + " has a key that is not a string");
      }
      String entryPath = path + "['" + key + "']";
      Object value = entry.getValue();
      if (value == null) {
        if (options.omitNullMetadataValues()) {
          continue;
        }
        throw new EventFormatException(
            entryPath,
            entryPath + " is null; null metadata values are rejected (leave the key out, or"
                + " read with ReadOptions.withNullMetadataValuesOmitted(true))");
      }
      copy.put(key, readValue(value, entryPath, depth, options));
    }
    return copy;
  }

  private static Object readValue(Object value, String path, int depth, ReadOptions options) {
    if (value instanceof Map<?, ?> map) {
      return readMap(map, path, checkDepth(path, depth + 1, options), options);
    }
    if (value instanceof List<?> list) {
      int nested = checkDepth(path, depth + 1, options);
      List<Object> copy = new ArrayList<>(list.size());
      int index = 0;
      for (Object element : list) {
        String elementPath = path + "[" + index++ + "]";
        if (element == null) {
          if (options.omitNullMetadataValues()) {
            continue;
          }
          throw new EventFormatException(
              elementPath, elementPath + " is null; null metadata values are rejected");
        }
        copy.add(readValue(element, elementPath, nested, options));
      }
      return copy;
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    throw new EventFormatException(
        path, path + " must be a JSON value, was a " + value.getClass().getSimpleName());
  }

  private static int checkDepth(String path, int depth, ReadOptions options) {
    if (depth > options.maxMetadataDepth()) {
      throw new EventFormatException(
          path,
          path + " is nested deeper than the limit of " + options.maxMetadataDepth()
              + " levels (ReadOptions.withMaxMetadataDepth)");
    }
    return depth;
  }
}
