package io.github.domainevents.outbox.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.outbox.DeadMessage;
import io.github.domainevents.outbox.OutboxMessage;
import io.github.domainevents.outbox.OutboxRelay;
import io.github.domainevents.outbox.outside.RecordingSink.RelayCrash;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The relay publishes committed rows at least once, in order per aggregate, with retries. */
@Timeout(60)
class OutboxRelayTest {
  @RegisterExtension final LogCapture log = new LogCapture();

  @ParameterizedTest
  @EnumSource(Database.class)
  void publishesRowsInWrittenOrderPerAggregate_thenDeletesThem(Database database)
      throws Exception {
    RelayFixture fixture = new RelayFixture(database);
    List<UUID> a = fixture.write("a", 3);
    List<UUID> b = fixture.write("b", 2);
    RecordingSink sink = new RecordingSink();
    OutboxRelay relay = fixture.relay("r1", sink).build();

    RelayFixture.drain(relay, 10);

    assertThat(idsOf(sink.accepted(), "a")).containsExactlyElementsOf(a);
    assertThat(idsOf(sink.accepted(), "b")).containsExactlyElementsOf(b);
    OutboxMessage first = sink.accepted().get(0);
    assertThat(first.eventType()).isEqualTo("invite.accepted");
    assertThat(first.aggregateType()).isEqualTo("invite");
    assertThat(first.attempt()).isEqualTo(1);
    assertThat(Events.JSON.fromJson(first.payload()).eventId()).isEqualTo(first.eventId());
    assertThat(fixture.rows()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void keepDelivered_marksRowsDelivered_andPurgeRemovesThem(Database database) throws Exception {
    RelayFixture fixture = new RelayFixture(database);
    fixture.write("a", 2);
    OutboxRelay relay = fixture.relay("r1", new RecordingSink()).keepDelivered(true).build();

    RelayFixture.drain(relay, 10);

    assertThat(fixture.rows("DELIVERED")).isEqualTo(2);
    assertThat(relay.purgeDelivered(fixture.clock.instant())).isZero();
    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(relay.purgeDelivered(fixture.clock.instant())).isEqualTo(2);
    assertThat(fixture.rows()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void failedPublish_isRetriedAfterBackoff_withAttemptCountAndLastError(Database database)
      throws Exception {
    RelayFixture fixture = new RelayFixture(database);
    UUID id = fixture.write("a", 1).get(0);
    RecordingSink sink = new RecordingSink().failing(message -> message.attempt() < 2);
    OutboxRelay relay = fixture.relay("r1", sink).build();

    assertThat(relay.relayOnce()).isEqualTo(1); // attempt 1 fails
    assertThat(lastError(fixture, id)).contains("IllegalStateException", "invite.accepted");
    assertThat(relay.relayOnce()).isZero(); // not due before the backoff
    fixture.clock.advance(Duration.ofSeconds(9));
    assertThat(relay.relayOnce()).isZero();
    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(relay.relayOnce()).isEqualTo(1); // attempt 2 succeeds

    assertThat(sink.accepted()).extracting(OutboxMessage::attempt).containsExactly(2);
    assertThat(sink.calls(id)).isEqualTo(2);
    assertThat(fixture.rows()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void poisonEvent_becomesDeadAfterItsRetries_withoutBlockingOtherAggregates(Database database)
      throws Exception {
    RelayFixture fixture = new RelayFixture(database);
    List<UUID> poisoned = fixture.write("poisoned", 2);
    List<UUID> healthy = fixture.write("healthy", 3);
    RecordingSink sink = new RecordingSink()
        .failing(message -> message.eventId().equals(poisoned.get(0)));
    OutboxRelay relay = fixture.relay("r1", sink).build();

    for (int round = 0; round < 10; round++) {
      relay.relayOnce();
      fixture.clock.advance(Duration.ofSeconds(40));
    }

    assertThat(idsOf(sink.accepted(), "healthy")).containsExactlyElementsOf(healthy);
    assertThat(idsOf(sink.accepted(), "poisoned")).isEmpty(); // the second waits behind the first
    assertThat(sink.calls(poisoned.get(0))).isEqualTo(3);
    List<DeadMessage> dead = relay.deadMessages(10);
    assertThat(dead).singleElement().satisfies(message -> {
      assertThat(message.eventId()).isEqualTo(poisoned.get(0));
      assertThat(message.aggregateId()).isEqualTo("poisoned");
      assertThat(message.eventType()).isEqualTo("invite.accepted");
      assertThat(message.attempts()).isEqualTo(3);
      assertThat(message.lastError())
          .isEqualTo("java.lang.IllegalStateException: cannot publish invite.accepted");
    });
    assertThat(log.messages(Level.WARNING)).singleElement().asString()
        .contains("is dead after 3 attempts");

    // the operator re-queues it once the cause is fixed: it and its successor go out in order
    sink.failing(message -> false);
    assertThat(relay.requeue(poisoned.get(0))).isTrue();
    assertThat(relay.requeue(poisoned.get(0))).isFalse();
    RelayFixture.drain(relay, 10);
    assertThat(idsOf(sink.accepted(), "poisoned")).containsExactlyElementsOf(poisoned);
    assertThat(relay.deadMessages(10)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void discardingADeadRow_letsTheRestOfItsAggregateGoOn(Database database) throws Exception {
    RelayFixture fixture = new RelayFixture(database);
    List<UUID> ids = fixture.write("a", 2);
    RecordingSink sink = new RecordingSink().failing(m -> m.eventId().equals(ids.get(0)));
    OutboxRelay relay = fixture.relay("r1", sink).retries(1, Duration.ofSeconds(1),
        Duration.ofSeconds(1)).build();
    relay.relayOnce();
    assertThat(relay.deadMessages(10)).extracting(DeadMessage::eventId).containsExactly(ids.get(0));

    assertThat(relay.discard(ids.get(0))).isTrue();
    RelayFixture.drain(relay, 10);

    assertThat(idsOf(sink.accepted(), "a")).containsExactly(ids.get(1));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void relayKilledMidBatch_losesNothing_andTheRestartRedelivers(Database database)
      throws Exception {
    RelayFixture fixture = new RelayFixture(database);
    List<UUID> ids = new java.util.ArrayList<>();
    for (int aggregate = 0; aggregate < 6; aggregate++) {
      ids.addAll(fixture.write("agg-" + aggregate, 2));
    }
    RecordingSink sink = new RecordingSink().crashingAfter(3);
    OutboxRelay dying = fixture.relay("dying", sink).build();

    assertThatThrownBy(dying::relayOnce).isInstanceOf(RelayCrash.class);
    List<UUID> beforeCrash = sink.accepted().stream().map(OutboxMessage::eventId).toList();
    assertThat(beforeCrash).hasSize(3);
    assertThat(fixture.rows()).isEqualTo(12); // nothing was marked: the process died first

    OutboxRelay restarted = fixture.relay("restarted", sink).build();
    assertThat(restarted.relayOnce()).isZero(); // the dead relay's leases still hold
    fixture.clock.advance(Duration.ofMinutes(1));
    RelayFixture.drain(restarted, 20);

    List<UUID> accepted = sink.accepted().stream().map(OutboxMessage::eventId).toList();
    assertThat(accepted).hasSize(15); // the 3 accepted before the crash were redelivered
    assertThat(accepted.stream().distinct()).containsExactlyInAnyOrderElementsOf(ids);
    for (UUID id : beforeCrash) {
      assertThat(accepted).filteredOn(id::equals).hasSize(2);
    }
    for (int aggregate = 0; aggregate < 6; aggregate++) {
      assertThat(idsOf(sink.accepted(), "agg-" + aggregate).stream().distinct())
          .containsExactlyElementsOf(ids.subList(2 * aggregate, 2 * aggregate + 2));
    }
    assertThat(fixture.rows()).isZero();
  }

  static List<UUID> idsOf(List<OutboxMessage> messages, String aggregateId) {
    return messages.stream()
        .filter(message -> message.aggregateId().equals(aggregateId))
        .map(OutboxMessage::eventId)
        .toList();
  }

  private static String lastError(RelayFixture fixture, UUID id) throws Exception {
    try (var connection = fixture.dataSource.getConnection();
        var statement = connection.prepareStatement(
            "SELECT last_error FROM domain_events_outbox WHERE id = ?")) {
      statement.setObject(1, id);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }
}
