package io.github.domainevents.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws scenario 1 ({@code DispatchBenchmark.exactType}) and scenario 6 ({@code
 * sharedByThreads}) for every contender of a JMH JSON result as an SVG bar chart (ns per
 * event, log scale, error bars), labelled with the run it comes from.
 *
 * <pre>
 * java -cp domain-events-benchmarks/target/benchmarks.jar \
 *   io.github.domainevents.benchmarks.report.DispatchChart RESULT.json OUT.svg "which run"
 * </pre>
 */
public final class DispatchChart {
  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("DIRECT", "direct call (floor)");
    LABELS.put("REFERENCE", "reference dispatcher (ClassValue)");
    LABELS.put("DOMAIN_EVENTS", "domain-events dispatch");
    LABELS.put("DOMAIN_EVENTS_DEFAULTS", "domain-events, defaults");
    LABELS.put("DOMAIN_EVENTS_DEFAULTS_LOGGING_OFF", "domain-events, defaults, log off");
    LABELS.put("DOMAIN_EVENTS_ASYNC", "domain-events dispatchAsync");
    LABELS.put("SPRING_PAYLOAD", "Spring 7 payload event");
    LABELS.put("SPRING_APPLICATION_EVENT", "Spring 7 ApplicationEvent");
    LABELS.put("GUAVA", "Guava 33 EventBus");
    LABELS.put("GREENROBOT", "greenrobot 3.3.1");
    LABELS.put("MBASSADOR", "MBassador 1.3.2");
    LABELS.put("AXON", "Axon 4.13 SimpleEventBus");
  }

  private DispatchChart() {}

  /**
   * Reads {@code args[0]} (JMH JSON), writes {@code args[1]} (SVG); {@code args[2]}, optional,
   * says which run it is.
   *
   * @param args the input, the output and the label
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: DispatchChart RESULT.json OUT.svg [\"which run\"]");
      System.exit(2);
    }
    Path input = Path.of(args[0]);
    String label = args.length > 2 ? args[2] : "";
    String svg = draw(Row.read(input), input.getFileName().toString(), label);
    Files.writeString(Path.of(args[1]), svg);
  }

  /** The chart of {@code rows}; {@code source} and {@code label} go into its subtitle. */
  static String draw(List<Row> rows, String source, String label) {
    Map<String, Row> one = new LinkedHashMap<>();
    Map<String, Row> shared = new LinkedHashMap<>();
    for (Row row : rows) {
      if (!row.benchmarkClass().equals("DispatchBenchmark")) {
        continue;
      }
      if (row.method().equals("exactType")) {
        one.put(row.param("contender"), row);
      } else if (row.method().equals("sharedByThreads")) {
        shared.put(row.param("contender"), row);
      }
    }
    List<String> contenders = new ArrayList<>();
    for (String known : LABELS.keySet()) {
      if (one.containsKey(known) || shared.containsKey(known)) {
        contenders.add(known);
      }
    }
    for (String other : one.keySet()) {
      if (!contenders.contains(other)) {
        contenders.add(other);
      }
    }
    if (contenders.isEmpty()) {
      throw new IllegalArgumentException(
          source + " has no DispatchBenchmark.exactType or sharedByThreads result");
    }
    double min = Double.MAX_VALUE;
    double max = 0;
    int threads = 2;
    String vm = "";
    int forks = 0;
    for (Row row : concat(one, shared)) {
      min = Math.min(min, row.score());
      max = Math.max(max, row.score() + (Double.isNaN(row.error()) ? 0 : row.error()));
      vm = row.vm();
      forks = row.forks();
      if (row.method().equals("sharedByThreads")) {
        threads = row.threads();
      }
    }

    int left = 250;
    int right = 880;
    int top = 78;
    int rowHeight = 36;
    int height = top + contenders.size() * rowHeight + 60;
    Svg svg = new Svg(right + 120, height);
    LogAxis axis = new LogAxis(min, max, left, right);
    svg.text(10, 22, "Scenario 1 (one thread) and scenario 6 (" + threads
        + " threads sharing one bus): ns per event, log scale", "font-size=\"15\" font-weight=\"bold\"");
    svg.text(10, 42, (label.isEmpty() ? "" : label + ". ") + "Source: " + source + ", " + vm
        + ", " + forks + (forks == 1 ? " fork" : " forks") + ". Lower is better.", "fill=\"#444\"");
    svg.rect(left, 52, 12, 12, "fill=\"" + Svg.PALETTE[0] + "\"");
    svg.text(left + 18, 62, "scenario 1", "");
    svg.rect(left + 110, 52, 12, 12, "fill=\"" + Svg.PALETTE[1] + "\"");
    svg.text(left + 128, 62, "scenario 6, per operation (× its scenario 1)", "");

    int bottom = top + contenders.size() * rowHeight;
    for (double tick = axis.low; tick <= axis.high * 1.0001; tick *= 10) {
      double x = axis.at(tick);
      svg.line(x, top - 4, x, bottom, "stroke=\"#ddd\"");
      svg.text(x, bottom + 16, Svg.tick(tick) + " ns", "text-anchor=\"middle\" fill=\"#444\"");
    }
    for (int i = 0; i < contenders.size(); i++) {
      String contender = contenders.get(i);
      double y = top + i * rowHeight;
      svg.text(left - 8, y + 20, LABELS.getOrDefault(contender, contender),
          "text-anchor=\"end\"");
      Row s1 = one.get(contender);
      Row s6 = shared.get(contender);
      bar(svg, axis, left, y + 4, s1, Svg.PALETTE[0], "");
      String ratio = s1 != null && s6 != null
          ? " (×" + String.format(java.util.Locale.ROOT, "%.2f", s6.score() / s1.score()) + ")"
          : "";
      bar(svg, axis, left, y + 18, s6, Svg.PALETTE[1], ratio);
    }
    svg.line(left, top - 4, left, bottom, "stroke=\"#444\"");
    svg.text(10, height - 12, "Error bars: JMH's 99.9% confidence interval. Generated by "
        + "DispatchChart from the JMH JSON; numbers in BENCHMARKS.md.", "fill=\"#666\" font-size=\"11\"");
    return svg.document();
  }

  private static void bar(
      Svg svg, LogAxis axis, double left, double y, Row row, String colour, String suffix) {
    if (row == null) {
      svg.text(left + 4, y + 10, "not measured", "fill=\"#888\"");
      return;
    }
    double end = axis.at(row.score());
    svg.rect(left, y, end - left, 12, "fill=\"" + colour + "\"");
    double labelAt = end;
    if (!Double.isNaN(row.error()) && row.error() > 0) {
      double lo = axis.at(Math.max(row.score() - row.error(), axis.low));
      double hi = axis.at(row.score() + row.error());
      svg.line(lo, y + 6, hi, y + 6, "stroke=\"#222\"");
      svg.line(hi, y + 2, hi, y + 10, "stroke=\"#222\"");
      labelAt = Math.max(end, hi);
    }
    svg.text(labelAt + 4, y + 10, Svg.number(row.score()) + " ns" + suffix, "font-size=\"11\"");
  }

  private static List<Row> concat(Map<String, Row> a, Map<String, Row> b) {
    List<Row> all = new ArrayList<>(a.values());
    all.addAll(b.values());
    return all;
  }
}
