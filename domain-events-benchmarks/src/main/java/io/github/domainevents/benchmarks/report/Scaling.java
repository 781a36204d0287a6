package io.github.domainevents.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One command for the scaling curves: runs {@code ScalingBenchmark} (scenario 1 with a bus per
 * thread, scenario 6 with one shared bus, scenario 7's two ways of making an event) at each
 * thread count, with {@code -prof gc}, and writes {@code OUT.json} (the JMH results of every
 * thread count in one JMH JSON array) and {@code OUT.svg} (the curves, see {@link
 * ScalingChart}).
 *
 * <pre>
 * java -cp domain-events-benchmarks/target/benchmarks.jar \
 *   io.github.domainevents.benchmarks.report.Scaling [--threads 1,2,4,8,16]
 *   [--contenders DOMAIN_EVENTS,REFERENCE,SPRING_APPLICATION_EVENT] [--forks 1]
 *   [--warmup 3] [--iterations 5] [--time 1s] [--jvm-args "-XX:+UseSerialGC"]
 *   [--label "which machine"] [--out domain-events-benchmarks/results/scaling]
 * java -cp ... report.Scaling --chart-only OUT.json [--label ...] [--cores N]   # redraw OUT.svg
 * </pre>
 *
 * <p>Each thread count needs at least that many cores to mean anything; on a machine with
 * fewer, the higher counts measure time-slicing and are marked so in the chart.
 */
public final class Scaling {
  private Scaling() {}

  /**
   * Runs the benchmarks and writes the JSON and the chart.
   *
   * @param args the options above
   * @throws IOException if a result cannot be read or written
   * @throws RunnerException if JMH fails
   */
  public static void main(String[] args) throws IOException, RunnerException {
    List<Integer> threads = List.of(1, 2, 4, 8, 16);
    String contenders = "";
    int forks = 1;
    int warmup = 3;
    int iterations = 5;
    String time = "1s";
    String jvmArgs = "";
    String label = "";
    String out = "domain-events-benchmarks/results/scaling";
    String chartOnly = null;
    int cores = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--threads" -> threads = Arrays.stream(value.split(",", -1))
            .map(String::trim).map(Integer::valueOf).toList();
        case "--contenders" -> contenders = value;
        case "--forks" -> forks = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--iterations" -> iterations = Integer.parseInt(value);
        case "--time" -> time = value;
        case "--jvm-args" -> jvmArgs = value;
        case "--label" -> label = value;
        case "--out" -> out = value;
        case "--chart-only" -> chartOnly = value;
        case "--cores" -> cores = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (chartOnly != null) {
      Path json = Path.of(chartOnly);
      Path svg = Path.of(chartOnly.replaceFirst("\\.json$", "") + ".svg");
      Files.writeString(svg, ScalingChart.draw(Row.read(json), json.getFileName().toString(), label, cores));
      System.out.println("wrote " + svg);
      return;
    }

    List<String> parts = new ArrayList<>();
    for (int count : threads) {
      Path part = Path.of(out + "-t" + count + ".json");
      ChainedOptionsBuilder options = new OptionsBuilder()
          .include("io\\.github\\.domainevents\\.benchmarks\\.ScalingBenchmark\\.")
          .threads(count)
          .forks(forks)
          .warmupIterations(warmup)
          .measurementIterations(iterations)
          .warmupTime(TimeValue.fromString(time))
          .measurementTime(TimeValue.fromString(time))
          .addProfiler(GCProfiler.class)
          .resultFormat(ResultFormatType.JSON)
          .result(part.toString());
      if (!contenders.isEmpty()) {
        options.param("contender", contenders.split(",", -1));
      }
      if (!jvmArgs.isBlank()) {
        options.jvmArgsAppend(jvmArgs.trim().split("\\s+", -1));
      }
      new Runner(options.build()).run();
      String text = Files.readString(part).trim();
      if (text.length() > 2) {
        parts.add(text.substring(1, text.length() - 1).trim()); // the array's elements
      }
      Files.delete(part);
    }
    Path json = Path.of(out + ".json");
    Files.writeString(json, "[\n" + String.join(",\n", parts) + "\n]\n");
    Path svg = Path.of(out + ".svg");
    Files.writeString(
        svg, ScalingChart.draw(Row.read(json), json.getFileName().toString(), label, cores));
    System.out.println("wrote " + json + " and " + svg);
  }
}
