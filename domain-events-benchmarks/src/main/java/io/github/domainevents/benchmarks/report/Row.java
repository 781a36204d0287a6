package io.github.domainevents.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One result of a JMH JSON file: the benchmark method, its parameters and thread count, the
 * score with its error, and the bytes allocated per operation when {@code -prof gc} ran.
 *
 * @param method the benchmark method's simple name ({@code exactType})
 * @param benchmarkClass the benchmark class's simple name ({@code DispatchBenchmark})
 * @param params the JMH parameters
 * @param threads the measuring threads
 * @param score the score
 * @param error the 99.9% error, NaN when JMH could not compute one
 * @param unit the score's unit
 * @param bytesPerOp {@code gc.alloc.rate.norm}, NaN without {@code -prof gc}
 * @param vm the JVM's name and version
 * @param forks the forks
 */
record Row(
    String method,
    String benchmarkClass,
    Map<String, String> params,
    int threads,
    double score,
    double error,
    String unit,
    double bytesPerOp,
    String vm,
    int forks) {

  /**
   * Reads every result of a JMH JSON file ({@code -rf json}).
   *
   * @param file the file
   * @return the results, in file order
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it is not a JMH JSON result
   */
  static List<Row> read(Path file) throws IOException {
    Object parsed = Json.parse(Files.readString(file));
    if (!(parsed instanceof List<?> entries)) {
      throw new IllegalArgumentException(file + ": a JMH JSON result is an array");
    }
    List<Row> rows = new ArrayList<>();
    for (Object entry : entries) {
      rows.add(of(map(entry, "result")));
    }
    return rows;
  }

  private static Row of(Map<?, ?> entry) {
    String benchmark = text(entry, "benchmark");
    int lastDot = benchmark.lastIndexOf('.');
    String owner = benchmark.substring(0, Math.max(lastDot, 0));
    Map<String, String> params = new LinkedHashMap<>();
    Object rawParams = entry.get("params");
    if (rawParams instanceof Map<?, ?> given) {
      given.forEach((key, value) -> params.put(String.valueOf(key), String.valueOf(value)));
    }
    Map<?, ?> primary = map(entry.get("primaryMetric"), "primaryMetric");
    double bytes = Double.NaN;
    if (entry.get("secondaryMetrics") instanceof Map<?, ?> secondary
        && secondary.get("gc.alloc.rate.norm") instanceof Map<?, ?> norm) {
      bytes = number(norm.get("score"));
    }
    return new Row(
        benchmark.substring(lastDot + 1),
        owner.substring(owner.lastIndexOf('.') + 1),
        params,
        (int) number(entry.get("threads")),
        number(primary.get("score")),
        number(primary.get("scoreError")),
        text(primary, "scoreUnit"),
        bytes,
        entry.get("vmName") + " " + entry.get("vmVersion"),
        (int) number(entry.get("forks")));
  }

  /** The parameter {@code name}, or {@code ""}. */
  String param(String name) {
    return params.getOrDefault(name, "");
  }

  private static Map<?, ?> map(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new IllegalArgumentException(what + " is not a JSON object");
  }

  private static String text(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value instanceof String string) {
      return string;
    }
    throw new IllegalArgumentException(key + " is missing or not a string");
  }

  /** A JSON number, or NaN for what JMH writes when it has none ("NaN", absent). */
  private static double number(Object value) {
    if (value instanceof Double number) {
      return number;
    }
    if (value instanceof String string) {
      try {
        return Double.parseDouble(string);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }
}
