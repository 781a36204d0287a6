package io.github.domainevents.outbox.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outbox.IdempotentHandler;
import io.github.domainevents.outbox.JdbcIdempotencyStore;
import io.github.domainevents.outbox.OutboxMessage;
import io.github.domainevents.outbox.OutboxRelay;
import io.github.domainevents.outbox.OutboxSink;
import io.github.domainevents.outbox.outside.Events.InviteCreated;
import io.github.domainevents.outbox.outside.Events.WelcomeSent;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Service A commits a state change and an event; the relay publishes it; service B (another
 * dispatcher and database) consumes it twice, runs its idempotent handler once, and the handler's
 * follow-up event continues A's causal chain.
 */
@Timeout(60)
class EndToEndTest {

  @ParameterizedTest
  @EnumSource(Database.class)
  void eventCrossesServices_onceDespiteRedelivery_withItsCausalChain(Database database)
      throws Exception {
    // service A
    DataSource databaseA = database.fresh();
    Transactions transactionsA = new Transactions(databaseA);
    InProcessEventDispatcher serviceA = new InProcessEventDispatcher();
    Events.outbox(transactionsA).registerOn(serviceA);
    // service B
    DataSource databaseB = database.fresh();
    Transactions transactionsB = new Transactions(databaseB);
    InProcessEventDispatcher serviceB = new InProcessEventDispatcher();
    List<WelcomeSent> followUps = new CopyOnWriteArrayList<>();
    serviceB.register(InviteCreated.class, IdempotentHandler.of("welcome-mail",
        JdbcIdempotencyStore.create(transactionsB),
        created -> serviceB.dispatch(new WelcomeSent(created.inviteId()))));
    serviceB.register(WelcomeSent.class, followUps::add);
    // the "broker": B consumes each message in a transaction of its own, and every message is
    // delivered twice (a forced redelivery)
    OutboxSink deliverTwice = message -> {
      consume(transactionsB, serviceB, message);
      consume(transactionsB, serviceB, message);
    };

    UUID correlation = UUID.randomUUID();
    InviteCreated created = new InviteCreated(
        EventHeader.builder().correlationId(correlation).build(), "inv-7", "b@example.com");
    transactionsA.run(connection -> serviceA.dispatch(created));
    OutboxRelay relay = OutboxRelay.builder(databaseA, deliverTwice).name("a-relay").build();
    RelayFixture.drain(relay, 5);

    assertThat(followUps).singleElement().satisfies(followUp -> {
      assertThat(followUp.causationId()).contains(created.eventId());
      assertThat(followUp.correlationId()).contains(correlation);
    });
    assertThat(Transactions.count(databaseA, "SELECT COUNT(*) FROM domain_events_outbox"))
        .isZero();
    assertThat(Transactions.count(databaseB, "SELECT COUNT(*) FROM domain_events_processed"))
        .isEqualTo(1);
  }

  private static void consume(
      Transactions transactions, InProcessEventDispatcher dispatcher, OutboxMessage message)
      throws Exception {
    transactions.run(connection -> dispatcher.dispatch(Events.JSON.fromJson(message.payload())));
  }
}
