package io.github.domainevents.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How a handler run's duration reads in the rendered trace: below a millisecond in whole
 * microseconds, from a millisecond on in milliseconds with one decimal. The runs a test can
 * record take whatever time the machine gives them, so the format is checked here, on exact
 * values.
 */
class TraceDurationTest {
  @Test
  void underAMillisecond_readsInWholeMicroseconds() {
    assertThat(TraceRendering.duration(0)).isEqualTo("0 µs");
    assertThat(TraceRendering.duration(1_999)).isEqualTo("1 µs");
    assertThat(TraceRendering.duration(999_999)).isEqualTo("999 µs");
  }

  @Test
  void fromAMillisecondOn_readsInMillisecondsWithOneDecimal() {
    assertThat(TraceRendering.duration(1_000_000)).isEqualTo("1.0 ms");
    assertThat(TraceRendering.duration(2_340_000)).isEqualTo("2.3 ms");
    assertThat(TraceRendering.duration(12_500_000_000L)).isEqualTo("12500.0 ms");
  }
}
