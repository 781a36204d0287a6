package io.github.domainevents.benchmarks.report;

/**
 * A base-10 logarithmic axis from the power of ten at or below the smallest value to the one at
 * or above the largest, mapped onto {@code [from, to]} pixels.
 */
final class LogAxis {
  final double low;
  final double high;
  private final double from;
  private final double to;

  LogAxis(double min, double max, double from, double to) {
    double lowest = Math.max(min, 1e-3);
    this.low = Math.pow(10, Math.floor(Math.log10(lowest)));
    double top = Math.pow(10, Math.ceil(Math.log10(Math.max(max, lowest))));
    this.high = top > low ? top : low * 10;
    this.from = from;
    this.to = to;
  }

  /** The pixel of {@code value}, clamped to the axis. */
  double at(double value) {
    double clamped = Math.min(Math.max(value, low), high);
    return from + (to - from) * Math.log10(clamped / low) / Math.log10(high / low);
  }
}
