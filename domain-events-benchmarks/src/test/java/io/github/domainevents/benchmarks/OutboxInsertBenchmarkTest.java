package io.github.domainevents.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each method of {@link OutboxInsertBenchmark} inserts exactly one row per call. */
class OutboxInsertBenchmarkTest {

  @Test
  void everyMethodInsertsOneRow() throws Exception {
    OutboxInsertBenchmark benchmark = new OutboxInsertBenchmark();
    benchmark.setUp();
    try {
      benchmark.plainInsert();
      assertThat(benchmark.rows()).isEqualTo(1);
      benchmark.outboxWrite();
      assertThat(benchmark.rows()).isEqualTo(2);
      benchmark.dispatchToOutbox();
      assertThat(benchmark.rows()).isEqualTo(3);
      benchmark.empty();
      assertThat(benchmark.rows()).isZero();
    } finally {
      benchmark.tearDown();
    }
  }
}
