package io.github.domainevents.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart programs read JMH's JSON and draw every result they are given. */
class ChartsTest {

  private static final String RESULT = """
      [
        {
          "benchmark" : "io.github.domainevents.benchmarks.DispatchBenchmark.exactType",
          "threads" : 1, "forks" : 2, "vmName" : "OpenJDK", "vmVersion" : "17",
          "params" : { "contender" : "DOMAIN_EVENTS" },
          "primaryMetric" : { "score" : 8.5, "scoreError" : 0.25, "scoreUnit" : "ns/op" },
          "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : 1.0E-4 } }
        },
        {
          "benchmark" : "io.github.domainevents.benchmarks.DispatchBenchmark.sharedByThreads",
          "threads" : 2, "forks" : 2, "vmName" : "OpenJDK", "vmVersion" : "17",
          "params" : { "contender" : "DOMAIN_EVENTS" },
          "primaryMetric" : { "score" : 29.6, "scoreError" : "NaN", "scoreUnit" : "ns/op" }
        },
        {
          "benchmark" : "io.github.domainevents.benchmarks.DispatchBenchmark.exactType",
          "threads" : 1, "forks" : 2, "vmName" : "OpenJDK", "vmVersion" : "17",
          "params" : { "contender" : "SOMETHING_NEW" },
          "primaryMetric" : { "score" : 1234.5, "scoreError" : 3, "scoreUnit" : "ns/op" }
        }
      ]
      """;

  @Test
  void rows_carryScoreError_andBytes_andNaNWhereJmhHasNone(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("run.json"), RESULT);

    List<Row> rows = Row.read(file);

    assertThat(rows).hasSize(3);
    Row first = rows.get(0);
    assertThat(first.benchmarkClass()).isEqualTo("DispatchBenchmark");
    assertThat(first.method()).isEqualTo("exactType");
    assertThat(first.param("contender")).isEqualTo("DOMAIN_EVENTS");
    assertThat(first.score()).isEqualTo(8.5);
    assertThat(first.error()).isEqualTo(0.25);
    assertThat(first.bytesPerOp()).isEqualTo(1.0E-4);
    assertThat(first.forks()).isEqualTo(2);
    assertThat(rows.get(1).error()).isNaN();
    assertThat(rows.get(1).bytesPerOp()).isNaN();
    assertThat(rows.get(1).threads()).isEqualTo(2);
  }

  @Test
  void dispatchChart_drawsEveryContender_withTheRatioOfScenario6_andNamesItsSource(
      @TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("run.json"), RESULT);

    String svg = DispatchChart.draw(Row.read(file), "run.json", "a <test> run");

    assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
    assertThat(svg)
        .contains("domain-events dispatch", "SOMETHING_NEW", "8.50 ns", "29.6 ns (×3.48)")
        .contains("1,235 ns", "not measured", "a &lt;test&gt; run", "run.json", "2 forks");
  }

  @Test
  void dispatchChart_withoutDispatchResults_saysSo() {
    assertThatThrownBy(() -> DispatchChart.draw(List.of(), "empty.json", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty.json");
  }

  @Test
  void json_readsEscapes_nestedValues_andRejectsTrailingText() {
    Object value = Json.parse("{\"a\": [1, -2.5e1, true, null, \"x\\\"\\u00e9\"], \"b\": {}}");

    assertThat(value).isInstanceOfSatisfying(Map.class, map -> {
      assertThat(map.get("a")).isEqualTo(List.of(1.0, -25.0, true, Json.NULL, "x\"é"));
      assertThat(map.get("b")).isEqualTo(Map.of());
    });
    assertThatThrownBy(() -> Json.parse("[1] 2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset 4");
  }
}
