package io.github.domainevents.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.kafka.Events.InviteCreated;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Events written by the sink come out of the consumer equal, in both modes, with their ids. */
@Timeout(120)
class KafkaRoundTripTest {
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

  @ParameterizedTest
  @EnumSource(CloudEventsMode.class)
  void eventsArriveEqualWithTheirCausalIdsAndTraceContext(CloudEventsMode mode) throws Exception {
    String topic = broker.newTopic("round-trip");
    UUID correlation = UUID.randomUUID();
    UUID cause = UUID.randomUUID();
    InviteCreated withIds = Events.invite(EventHeader.builder()
        .correlationId(correlation)
        .causationId(cause)
        .metadata("traceparent", TRACEPARENT)
        .metadata("tracestate", "congo=t61rcWkgMzE")
        .metadata("tenant", Map.of("id", 7, "name", "Ünïcode \"quoted\""))
        .build(), 1);
    InviteCreated plain = Events.invite(EventHeader.create(), 2);

    try (KafkaEventSink sink = KafkaEventSink.builder(broker.producerProperties(), Events.SOURCE)
        .topic(topic).mode(mode).build()) {
      sink.publish(Events.message(withIds, "invite-1"));
      sink.publishAll(List.of(Events.message(plain, "invite-2")));
    }

    BlockingQueue<DomainEvent> received = new LinkedBlockingQueue<>();
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(DomainEvent.class, received::add);
    List<DeadLetter> dead = new ArrayList<>();
    try (KafkaEventConsumer consumer = KafkaEventConsumer.builder(
            broker.consumerProperties(), Events.REGISTRY, Events.JSON::fromCloudEvent, dispatcher)
        .topics(topic).deadLetters(dead::add).build()) {
      consumer.start();
      List<DomainEvent> events = new ArrayList<>();
      events.add(received.poll(60, TimeUnit.SECONDS));
      events.add(received.poll(60, TimeUnit.SECONDS));
      assertThat(events).containsExactlyInAnyOrder(withIds, plain);
    }
    assertThat(dead).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(CloudEventsMode.class)
  void recordsFollowTheKafkaProtocolBinding(CloudEventsMode mode) throws Exception {
    String topic = broker.newTopic("binding");
    InviteCreated event = Events.invite(EventHeader.builder()
        .correlationId(UUID.randomUUID())
        .causationId(UUID.randomUUID())
        .metadata("traceparent", TRACEPARENT)
        .metadata("tenant", "acme")
        .build(), 3);
    try (KafkaEventSink sink = KafkaEventSink.builder(broker.producerProperties(), Events.SOURCE)
        .topic(topic).mode(mode).build()) {
      sink.publish(Events.message(event, "invite-3"));
    }

    ConsumerRecord<byte[], byte[]> record = readOne(topic);
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("invite-3");
    assertThat(header(record, "traceparent")).isEqualTo(TRACEPARENT);
    String value = new String(record.value(), StandardCharsets.UTF_8);
    if (mode == CloudEventsMode.BINARY) {
      assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
      assertThat(header(record, "ce_id")).isEqualTo(event.eventId().toString());
      assertThat(header(record, "ce_source")).isEqualTo("/invites");
      assertThat(header(record, "ce_type")).isEqualTo("invite.created");
      assertThat(header(record, "ce_time")).isEqualTo(event.occurredAt().toString());
      assertThat(header(record, "ce_correlationid"))
          .isEqualTo(event.correlationId().orElseThrow().toString());
      assertThat(header(record, "ce_causationid"))
          .isEqualTo(event.causationId().orElseThrow().toString());
      assertThat(header(record, "ce_traceparent")).isEqualTo(TRACEPARENT);
      assertThat(header(record, "ce_metadata")).isEqualTo("{\"tenant\":\"acme\"}");
      assertThat(header(record, "content-type")).isEqualTo("application/json");
      assertThat(value).isEqualTo(
          "{\"invite_id\":3,\"email\":\"ann3@example.com\",\"tags\":[\"x\"]}");
    } else {
      assertThat(header(record, "content-type"))
          .isEqualTo("application/cloudevents+json; charset=UTF-8");
      assertThat(record.headers().lastHeader("ce_id")).isNull();
      // The layout of the JSON modules' CloudEvents format, tracing extension included.
      assertThat(value).isEqualTo("{\"specversion\":\"1.0\",\"id\":\"" + event.eventId()
          + "\",\"source\":\"/invites\",\"type\":\"invite.created\",\"time\":\""
          + event.occurredAt() + "\",\"datacontenttype\":\"application/json\""
          + ",\"correlationid\":\"" + event.correlationId().orElseThrow()
          + "\",\"causationid\":\"" + event.causationId().orElseThrow()
          + "\",\"traceparent\":\"" + TRACEPARENT + "\",\"metadata\":\"{\\\"tenant\\\""
          + ":\\\"acme\\\"}\",\"data\":{\"invite_id\":3,\"email\":\"ann3@example.com\""
          + ",\"tags\":[\"x\"]}}");
    }
  }

  @Test
  void aFollowUpEventDispatchedByAConsumerHandlerContinuesTheProducersTree() throws Exception {
    String topic = broker.newTopic("tree");
    InviteCreated root;
    UUID correlation = UUID.randomUUID();
    try (EventContext.Scope scope = EventContext.openCorrelation(correlation)) {
      root = Events.invite(4);
    }
    try (KafkaEventSink sink = KafkaEventSink.builder(broker.producerProperties(), Events.SOURCE)
        .topic(topic).build()) {
      sink.publish(Events.message(root, "invite-4"));
    }

    BlockingQueue<Events.WelcomeMailSent> followUps = new LinkedBlockingQueue<>();
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(InviteCreated.class, invite ->
        dispatcher.dispatch(new Events.WelcomeMailSent(EventHeader.create(), invite.inviteId())));
    dispatcher.register(Events.WelcomeMailSent.class, followUps::add);
    UUID unrelated = UUID.randomUUID();
    try (KafkaEventConsumer consumer = KafkaEventConsumer.builder(
            broker.consumerProperties(), Events.REGISTRY, Events.JSON::fromCloudEvent, dispatcher)
        .topics(topic).deadLetters(letter -> {
          throw new AssertionError("unexpected dead letter " + letter);
        }).build();
        EventContext.Scope ignored = EventContext.openCorrelation(unrelated)) {
      consumer.start();
      Events.WelcomeMailSent followUp = followUps.poll(60, TimeUnit.SECONDS);
      assertThat(followUp).isNotNull();
      assertThat(followUp.causationId()).contains(root.eventId());
      assertThat(followUp.correlationId()).contains(correlation);
    }
  }

  private static ConsumerRecord<byte[], byte[]> readOne(String topic) {
    Map<String, Object> properties = broker.consumerProperties();
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          return record;
        }
      }
    }
    throw new AssertionError("no record on " + topic + " within 60 seconds");
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    assertThat(header).as("header %s", key).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
