package io.github.domainevents.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.kafka.Events.InviteCreated;
import io.github.domainevents.kafka.Events.WelcomeMailSent;
import io.github.domainevents.outbox.IdempotentHandler;
import io.github.domainevents.outbox.InMemoryIdempotencyStore;
import io.github.domainevents.outbox.Outbox;
import io.github.domainevents.outbox.OutboxMessage;
import io.github.domainevents.outbox.OutboxRelay;
import io.github.domainevents.outbox.OutboxSink;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The end-to-end case: service A commits a state change and an event in one
 * transaction; the outbox relay publishes it through the Kafka sink; service B (another
 * dispatcher, same JVM) consumes it, runs an idempotent handler once despite a forced
 * redelivery, and its follow-up event carries A's correlation id and causation chain.
 */
@Timeout(120)
class OutboxToKafkaEndToEndTest {
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static Broker broker;

  @BeforeAll
  static void startBroker() {
    broker = Broker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void anEventCommittedInServiceAContinuesItsTreeInServiceBOnceDespiteARedelivery()
      throws Exception {
    String topic = broker.newTopic("invites");
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:e2e-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    // H2 2.4.240 evaluates a CHECK constraint in the session that created it: once that session
    // is closed, every insert fails with "Check constraint invalid" (the database has been
    // closed). So the connection that ran the schema stays open for the whole test.
    try (Connection schemaOwner = database.getConnection()) {
      try (Statement statement = schemaOwner.createStatement()) {
        statement.execute(
            "RUNSCRIPT FROM 'classpath:/io/github/domainevents/outbox/schema-h2.sql'");
        statement.execute("CREATE TABLE invites (id BIGINT PRIMARY KEY, email VARCHAR(200))");
      }
      runServices(database, topic);
    }
  }

  private static void runServices(JdbcDataSource database, String topic) throws Exception {
    // Service A: the state change and the outbox row commit together.
    InProcessEventDispatcher serviceA = new InProcessEventDispatcher();
    UUID correlation = UUID.randomUUID();
    InviteCreated created;
    try (Connection transaction = database.getConnection()) {
      transaction.setAutoCommit(false);
      Outbox outbox = Outbox.builder(() -> transaction, Events.JSON::toJson)
          .export(InviteCreated.class, "invite", InviteCreated::inviteId)
          .build();
      outbox.registerOn(serviceA);
      try (EventContext.Scope request = EventContext.openCorrelation(correlation);
          Statement statement = transaction.createStatement()) {
        statement.executeUpdate("INSERT INTO invites VALUES (60, 'ann60@example.com')");
        created = Events.invite(EventHeader.builder().metadata("traceparent", TRACEPARENT)
            .build(), 60);
        serviceA.dispatch(created);
      }
      transaction.commit();
    }

    // The relay publishes through the Kafka sink; a decorator keeps what it published so that
    // the test can force the redelivery a relay crash between publish and mark would cause.
    List<OutboxMessage> published = new CopyOnWriteArrayList<>();
    try (KafkaEventSink kafka = KafkaEventSink.builder(broker.producerProperties(), Events.SOURCE)
        .topic(topic).build()) {
      OutboxSink recording = message -> {
        kafka.publish(message);
        published.add(message);
      };
      try (OutboxRelay relay = OutboxRelay.builder(database, recording).name("relay-a").build()) {
        assertThat(relay.relayOnce()).isEqualTo(1);
        assertThat(relay.relayOnce()).isZero();
      }
      assertThat(published).singleElement().satisfies(message -> {
        assertThat(message.eventId()).isEqualTo(created.eventId());
        assertThat(message.aggregateId()).isEqualTo("60");
      });
      kafka.publish(published.get(0)); // the forced redelivery: the same event, again
    }

    // Service B: an idempotent handler that dispatches a follow-up event.
    InProcessEventDispatcher serviceB = new InProcessEventDispatcher();
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.create();
    AtomicInteger mails = new AtomicInteger();
    AtomicInteger deliveries = new AtomicInteger();
    BlockingQueue<DomainEvent> delivered = new LinkedBlockingQueue<>();
    BlockingQueue<WelcomeMailSent> followUps = new LinkedBlockingQueue<>();
    serviceB.register(InviteCreated.class, IdempotentHandler.of("welcome-mail", store, invite -> {
      mails.incrementAndGet();
      serviceB.dispatch(new WelcomeMailSent(EventHeader.create(), invite.inviteId()));
    }));
    serviceB.register(InviteCreated.class, invite -> {
      deliveries.incrementAndGet();
      delivered.add(invite);
    });
    serviceB.register(WelcomeMailSent.class, followUps::add);
    try (KafkaEventConsumer consumer = KafkaEventConsumer.builder(broker.consumerProperties(),
            Events.REGISTRY, Events.JSON::fromCloudEvent, serviceB)
        .topics(topic).deadLetters(letter -> {
          throw new AssertionError("unexpected " + letter);
        }).build()) {
      consumer.start();
      DomainEvent first = delivered.poll(60, TimeUnit.SECONDS);
      DomainEvent second = delivered.poll(60, TimeUnit.SECONDS);
      assertThat(first).isEqualTo(created);
      assertThat(second).isEqualTo(created);
    }
    assertThat(deliveries).hasValue(2);
    assertThat(mails).hasValue(1);
    assertThat(followUps).singleElement().satisfies(followUp -> {
      assertThat(followUp.causationId()).contains(created.eventId());
      assertThat(followUp.correlationId()).contains(correlation);
    });
    assertThat(created.correlationId()).contains(correlation);
    assertThat(created.metadata()).containsEntry("traceparent", TRACEPARENT);
  }
}
