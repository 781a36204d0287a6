package io.github.domainevents.benchmarks.report;

import java.util.Locale;

/** Writes a small SVG document, element by element. Not thread-safe. */
final class Svg {
  /** The colours series take in turn. */
  static final String[] PALETTE = {
    "#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#9d755d", "#bab0ac",
    "#eeca3b", "#ff9da6"
  };

  private final StringBuilder out = new StringBuilder();
  private final int width;
  private final int height;

  Svg(int width, int height) {
    this.width = width;
    this.height = height;
  }

  Svg text(double x, double y, String text, String attributes) {
    out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s>", x, y, attributes))
        .append(escape(text))
        .append("</text>\n");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String attributes) {
    out.append(String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" %s/>\n",
        x1, y1, x2, y2, attributes));
    return this;
  }

  Svg rect(double x, double y, double w, double h, String attributes) {
    out.append(String.format(
        Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" %s/>\n",
        x, y, Math.max(w, 0), Math.max(h, 0), attributes));
    return this;
  }

  Svg polyline(double[] xs, double[] ys, String attributes) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i]));
    }
    out.append("<polyline points=\"").append(points.toString().trim()).append("\" ")
        .append(attributes).append("/>\n");
    return this;
  }

  Svg circle(double x, double y, double r, String attributes) {
    out.append(String.format(
        Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" %s/>\n", x, y, r, attributes));
    return this;
  }

  /** The finished document. */
  String document() {
    return String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
            width, height, width, height)
        + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        + out
        + "</svg>\n";
  }

  /** A number as the tables print it: three significant digits, no exponent. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** An axis tick, a power of ten: no trailing zeros. */
  static String tick(double value) {
    return value >= 1
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%s", value);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
