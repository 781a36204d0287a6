package io.github.domainevents.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.domainevents.DomainEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every contender does the same work in every scenario: the same handlers see the same events,
 * and scenario 5's follow-up carries the same causation. Runs each pair once, in milliseconds.
 * The outbox insert benchmark's paths write the same row, on H2 and on PostgreSQL (a few
 * seconds, to start the server).
 */
class SameWorkTest {

  /** Handlers that record what they see; five distinct instances, like {@link Sinks}. */
  private final List<List<DomainEvent>> seen = new ArrayList<>();

  private Handler[] recordingSinks() {
    Handler[] sinks = new Handler[5];
    for (int i = 0; i < sinks.length; i++) {
      List<DomainEvent> events = new ArrayList<>();
      seen.add(events);
      sinks[i] = events::add;
    }
    return sinks;
  }

  private Scenario.Wired publishTwice(Contender contender, Scenario scenario) {
    Scenario.Wired wired = scenario.wire(contender, recordingSinks());
    try {
      wired.bus().publish(wired.event());
      wired.bus().publish(wired.event());
    } finally {
      wired.bus().close();
    }
    return wired;
  }

  @ParameterizedTest
  @EnumSource(Contender.class)
  void exactType_oneHandlerSeesTheEventEachTime(Contender contender) {
    Scenario.Wired wired = publishTwice(contender, Scenario.EXACT_TYPE);

    DomainEvent event = wired.bus().unwrap(wired.event());
    assertThat(seen.get(0)).containsExactly(event, event);
    assertThat(seen.subList(1, 5)).allSatisfy(events -> assertThat(events).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Contender.class)
  void fiveHandlers_eachSeesTheEventEachTime(Contender contender) {
    Scenario.Wired wired = publishTwice(contender, Scenario.FIVE_HANDLERS);

    DomainEvent event = wired.bus().unwrap(wired.event());
    assertThat(seen).allSatisfy(events -> assertThat(events).containsExactly(event, event));
  }

  @ParameterizedTest
  @EnumSource(Contender.class)
  void interfaceHandler_seesTheImplementingEvent(Contender contender) {
    Scenario.Wired wired = publishTwice(contender, Scenario.INTERFACE_HANDLER);

    DomainEvent event = wired.bus().unwrap(wired.event());
    assertThat(seen.get(0)).containsExactly(event, event);
  }

  @ParameterizedTest
  @EnumSource(Contender.class)
  void noHandler_reachesNoHandler(Contender contender) {
    publishTwice(contender, Scenario.NO_HANDLER);

    assertThat(seen).allSatisfy(events -> assertThat(events).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Contender.class)
  void followUp_isHandledAndCausedByTheFirstEvent(Contender contender) {
    Scenario.Wired wired = publishTwice(contender, Scenario.FOLLOW_UP);

    DomainEvent cause = wired.bus().unwrap(wired.event());
    assertThat(seen.get(0)).hasSize(2);
    assertThat(seen.get(0))
        .allSatisfy(
            followUp -> {
              assertThat(followUp.eventType()).isEqualTo("order.confirmed");
              assertThat(followUp.causationId()).contains(cause.eventId());
              assertThat(followUp.correlationId()).contains(cause.eventId());
              assertThat(followUp.eventId()).isNotEqualTo(cause.eventId());
            });
  }

  @Test
  void defaults_noHandler_logsEachDeadEvent_atTheDefaultLevel() {
    long before = QuietLogging.formattedRecords();

    publishTwice(Contender.DOMAIN_EVENTS_DEFAULTS, Scenario.NO_HANDLER);

    assertThat(QuietLogging.formattedRecords() - before).isEqualTo(2);
  }

  @Test
  void defaultsWithLoggingOff_noHandler_logsNothing() {
    long before = QuietLogging.formattedRecords();

    publishTwice(Contender.DOMAIN_EVENTS_DEFAULTS_LOGGING_OFF, Scenario.NO_HANDLER);

    assertThat(QuietLogging.formattedRecords() - before).isZero();
  }

  /** Scenario 8: the after-commit handler sees each committed event once, a rolled-back never. */
  @ParameterizedTest
  @EnumSource(TransactionalContender.class)
  void afterCommitInUnit_handlerRunsOncePerCommit_neverOnRollback(
      TransactionalContender contender) {
    List<DomainEvent> events = new ArrayList<>();
    Object event = new Events.OrderPlaced(io.github.domainevents.EventHeader.create(), 1, "ada");
    try (TransactionalBus bus = contender.create(events::add)) {
      bus.publishAndCommit(event);
      bus.publishAndRollBack(event);
      bus.publishAndCommit(event);
    }
    assertThat(events).containsExactly((DomainEvent) event, (DomainEvent) event);
  }

  /**
   * The outbox insert benchmark, on each database: every path writes one row per call, the
   * plain insert the same shape as the outbox's (same columns, same values or the same nulls, a
   * version 7 id, JSON of the same length), and the table is empty after an iteration.
   */
  @ParameterizedTest
  @EnumSource(OutboxDatabase.class)
  @Timeout(120)
  void outboxInsert_everyPathWritesOneRowOfTheOutboxShape(OutboxDatabase database)
      throws Exception {
    OutboxInsertBenchmark benchmark = new OutboxInsertBenchmark();
    benchmark.database = database;
    benchmark.setUp();
    try {
      assertThat(benchmark.databaseProduct().toLowerCase(Locale.ROOT))
          .contains(database == OutboxDatabase.H2 ? "h2" : "postgresql");
      benchmark.plainInsert();
      assertThat(benchmark.rows()).isEqualTo(1);
      benchmark.outboxWrite();
      assertThat(benchmark.rows()).isEqualTo(2);
      benchmark.dispatchToOutbox();
      assertThat(benchmark.rows()).isEqualTo(3);

      List<Map<String, String>> rows = benchmark.rowsInOrder();
      Map<String, String> plain = rows.get(0);
      assertThat(rows).allSatisfy(row -> {
        assertThat(UUID.fromString(row.get("id")).version()).as("id version").isEqualTo(7);
        assertThat(row.keySet()).containsExactlyElementsOf(plain.keySet());
        for (String column : plain.keySet()) {
          assertThat(row.get(column) == null).as(column + " is null").isEqualTo(
              plain.get(column) == null);
        }
        for (String column : List.of("aggregatetype", "aggregateid", "type", "metadata",
            "traceparent", "status", "attempts", "last_error", "lease_owner", "lease_until",
            "delivered_at")) {
          assertThat(row.get(column)).as(column).isEqualTo(plain.get(column));
        }
        // occurred_at in the payload prints its fraction in groups of three digits
        assertThat(row.get("payload").length()).as("payload length")
            .isCloseTo(plain.get("payload").length(), within(6));
      });
      assertThat(rows).extracting(row -> row.get("id")).doesNotHaveDuplicates();

      benchmark.empty();
      assertThat(benchmark.rows()).isZero();
    } finally {
      benchmark.tearDown();
    }
  }

  /**
   * The relay benchmark, with four relays on each database: an invocation's relays claim
   * exactly its rows between them and leave the table empty, invocation after invocation.
   */
  @ParameterizedTest
  @EnumSource(OutboxDatabase.class)
  @Timeout(180)
  void relayToKafka_fourRelaysPublishEachInvocationsRowsOnce(OutboxDatabase database)
      throws Exception {
    RelayToKafkaBenchmark benchmark = new RelayToKafkaBenchmark();
    benchmark.database = database;
    benchmark.relays = 4;
    benchmark.batchSize = 100;
    benchmark.start(); // relays one invocation's rows already
    try {
      for (int invocation = 0; invocation < 2; invocation++) {
        benchmark.fill();
        assertThat(benchmark.relayAll()).isEqualTo(RelayToKafkaBenchmark.EVENTS);
        benchmark.requireAllPublished();
      }
      benchmark.vacuum();
    } finally {
      benchmark.stop();
    }
  }

  @Test
  void relayToKafka_refusesRelaysAndBatchesThatDoNotDivideAnInvocation() {
    RelayToKafkaBenchmark benchmark = new RelayToKafkaBenchmark();
    benchmark.database = OutboxDatabase.H2;
    benchmark.relays = 3;
    benchmark.batchSize = 100;

    assertThatThrownBy(benchmark::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relays (3) x batchSize (100) must divide the 2000 events");
  }
}
