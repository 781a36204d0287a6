package io.github.domainevents.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every contender does the same work in every scenario: the same handlers see the same events,
 * and scenario 5's follow-up carries the same causation. Runs each pair once, in milliseconds.
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
}
