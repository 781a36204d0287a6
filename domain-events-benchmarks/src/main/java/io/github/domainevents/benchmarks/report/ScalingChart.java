package io.github.domainevents.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Draws {@code ScalingBenchmark}'s results as three panels of curves, ns per operation (log
 * scale) against threads: scenario 1 with a bus per thread, scenario 6 with one shared bus (one
 * curve per contender each), and event creation.
 */
final class ScalingChart {
  private static final int PANEL = 370;
  private static final int PLOT_TOP = 106;
  private static final int PLOT_HEIGHT = 260;

  private ScalingChart() {}

  /** The chart of {@code rows}; {@code source} and {@code label} go into its subtitle. */
  static String draw(List<Row> rows, String source, String label, int cores) {
    List<Row> scaling = new ArrayList<>();
    for (Row row : rows) {
      if (row.benchmarkClass().equals("ScalingBenchmark")) {
        scaling.add(row);
      }
    }
    if (scaling.isEmpty()) {
      throw new IllegalArgumentException(source + " has no ScalingBenchmark result");
    }
    TreeSet<Integer> threads = new TreeSet<>();
    double min = Double.MAX_VALUE;
    double max = 0;
    for (Row row : scaling) {
      threads.add(row.threads());
      min = Math.min(min, row.score());
      max = Math.max(max, row.score());
    }
    int width = 3 * PANEL + 40;
    int height = PLOT_TOP + PLOT_HEIGHT + 150;
    Svg svg = new Svg(width, height);
    svg.text(10, 22, "Scaling: ns per operation and thread against threads (log scales)",
        "font-size=\"15\" font-weight=\"bold\"");
    svg.text(10, 42, (label.isEmpty() ? "" : label + ". ") + cores
        + " cores. Flat is perfect scaling; lower is better.", "fill=\"#444\"");
    svg.text(10, 60, "Source: " + source + ", " + scaling.get(0).vm(), "fill=\"#444\"");
    LogAxis y = new LogAxis(min, max, PLOT_TOP + PLOT_HEIGHT, PLOT_TOP);
    List<Integer> xs = new ArrayList<>(threads);
    panel(svg, 0, "Scenario 1: a bus per thread", series(scaling, "ownBus"), xs, y, cores);
    panel(svg, 1, "Scenario 6: one bus, all threads", series(scaling, "sharedBus"), xs, y, cores);
    Map<String, Map<Integer, Row>> creation = new TreeMap<>();
    creation.putAll(series(scaling, "headerCreate", "EventHeader.create()"));
    creation.putAll(series(scaling, "randomUuid", "randomUUID + Instant.now"));
    panel(svg, 2, "Scenario 7: making an event", creation, xs, y, cores);
    return svg.document();
  }

  /** Contender to (threads to result) for one method. */
  private static Map<String, Map<Integer, Row>> series(List<Row> rows, String method) {
    Map<String, Map<Integer, Row>> series = new TreeMap<>();
    for (Row row : rows) {
      if (row.method().equals(method)) {
        series.computeIfAbsent(row.param("contender"), key -> new TreeMap<>())
            .put(row.threads(), row);
      }
    }
    return series;
  }

  private static Map<String, Map<Integer, Row>> series(
      List<Row> rows, String method, String name) {
    Map<Integer, Row> points = new TreeMap<>();
    for (Row row : rows) {
      if (row.method().equals(method)) {
        points.put(row.threads(), row);
      }
    }
    Map<String, Map<Integer, Row>> one = new TreeMap<>();
    if (!points.isEmpty()) {
      one.put(name, points);
    }
    return one;
  }

  private static void panel(
      Svg svg,
      int index,
      String title,
      Map<String, Map<Integer, Row>> series,
      List<Integer> xs,
      LogAxis y,
      int cores) {
    double left = 20 + index * PANEL + 95;
    double right = 20 + (index + 1) * PANEL - 15;
    double bottom = PLOT_TOP + PLOT_HEIGHT;
    svg.text(left, PLOT_TOP - 20, title, "font-weight=\"bold\"");
    for (double tick = y.low; tick <= y.high * 1.0001; tick *= 10) {
      double at = y.at(tick);
      svg.line(left, at, right, at, "stroke=\"#ddd\"");
      svg.text(left - 6, at + 4, Svg.tick(tick) + " ns", "text-anchor=\"end\" fill=\"#444\" font-size=\"11\"");
    }
    for (int i = 0; i < xs.size(); i++) {
      double at = x(i, xs.size(), left, right);
      svg.line(at, PLOT_TOP, at, bottom, "stroke=\"#eee\"");
      svg.text(at, bottom + 16, String.valueOf(xs.get(i)), "text-anchor=\"middle\" fill=\"#444\"");
    }
    svg.text((left + right) / 2, bottom + 32, "threads", "text-anchor=\"middle\" fill=\"#444\"");
    svg.line(left, PLOT_TOP, left, bottom, "stroke=\"#444\"");
    svg.line(left, bottom, right, bottom, "stroke=\"#444\"");
    int colour = 0;
    double legendY = bottom + 52;
    for (Map.Entry<String, Map<Integer, Row>> line : series.entrySet()) {
      String paint = Svg.PALETTE[colour++ % Svg.PALETTE.length];
      List<Double> px = new ArrayList<>();
      List<Double> py = new ArrayList<>();
      for (Map.Entry<Integer, Row> point : line.getValue().entrySet()) {
        px.add(x(xs.indexOf(point.getKey()), xs.size(), left, right));
        py.add(y.at(point.getValue().score()));
      }
      svg.polyline(
          px.stream().mapToDouble(Double::doubleValue).toArray(),
          py.stream().mapToDouble(Double::doubleValue).toArray(),
          "fill=\"none\" stroke=\"" + paint + "\" stroke-width=\"2\"");
      for (int i = 0; i < px.size(); i++) {
        svg.circle(px.get(i), py.get(i), 3, "fill=\"" + paint + "\"");
      }
      Row first = line.getValue().values().iterator().next();
      svg.rect(left, legendY - 9, 10, 10, "fill=\"" + paint + "\"");
      svg.text(left + 14, legendY, line.getKey() + String.format(Locale.ROOT,
          " (%s B/op at %d thread%s)", Svg.number(first.bytesPerOp()), first.threads(),
          first.threads() == 1 ? "" : "s"), "font-size=\"11\"");
      legendY += 15;
    }
    if (xs.get(xs.size() - 1) > cores) {
      svg.text(left, PLOT_TOP - 6, "right of " + cores + " threads: more threads than cores",
          "fill=\"#a33\" font-size=\"10\"");
    }
  }

  private static double x(int index, int count, double left, double right) {
    return count == 1 ? (left + right) / 2 : left + 10 + (right - left - 20) * index / (count - 1.0);
  }
}
