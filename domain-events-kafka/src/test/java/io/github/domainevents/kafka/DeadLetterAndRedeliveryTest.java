package io.github.domainevents.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.jackson.EventJson;
import io.github.domainevents.kafka.Events.InviteCreated;
import io.github.domainevents.kafka.Events.InviteRevoked;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.wire.UnknownEventTypeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing is dropped: unknown types and unreadable records reach the dead-letter path (without
 * blocking the events behind them), failing dispatches are redelivered and, after the last
 * attempt, dead-lettered; offsets are committed only after delivery.
 */
@Timeout(120)
class DeadLetterAndRedeliveryTest {
  private static final EventTypeRegistry PRODUCER_TYPES =
      EventTypeRegistry.of(InviteCreated.class, InviteRevoked.class);
  private static final EventJson PRODUCER_JSON =
      EventJson.builder(PRODUCER_TYPES).cloudEventsSource(Events.SOURCE).build();
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
  void anUnknownTypeGoesToTheDeadLetterTopicUnchangedAndTheNextEventIsDelivered()
      throws Exception {
    String topic = broker.newTopic("unknown");
    String deadTopic = broker.newTopic("unknown-dead");
    InviteRevoked unknown = new InviteRevoked(EventHeader.create(), 20);
    InviteCreated known = Events.invite(21);
    try (KafkaEventSink sink = sink(topic)) {
      sink.publish(Events.message(unknown, "invite-20", PRODUCER_JSON));
      sink.publish(Events.message(known, "invite-20", PRODUCER_JSON));
    }

    BlockingQueue<DomainEvent> received = new LinkedBlockingQueue<>();
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(DomainEvent.class, received::add);
    try (DeadLetterTopic dead = DeadLetterTopic.create(broker.producerProperties(), deadTopic);
        KafkaEventConsumer consumer = consumer(topic, dispatcher, dead).build()) {
      consumer.start();
      assertThat(received.poll(60, TimeUnit.SECONDS)).isEqualTo(known);
    }

    ConsumerRecord<byte[], byte[]> letter = readOne(deadTopic);
    assertThat(text(letter.key())).isEqualTo("invite-20");
    assertThat(header(letter, DeadLetterTopic.REASON)).isEqualTo("UNKNOWN_TYPE");
    assertThat(header(letter, DeadLetterTopic.ERROR)).contains("invite.revoked");
    assertThat(header(letter, DeadLetterTopic.SOURCE_TOPIC)).isEqualTo(topic);
    assertThat(header(letter, DeadLetterTopic.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(header(letter, "ce_type")).isEqualTo("invite.revoked");
    assertThat(header(letter, "ce_id")).isEqualTo(unknown.eventId().toString());
    assertThat(text(letter.value())).isEqualTo("{\"invite_id\":20}");
  }

  @Test
  void unreadableRecordsAreDeadLetteredWithTheirReason() throws Exception {
    String topic = broker.newTopic("unreadable");
    try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
      ProducerRecord<byte[], byte[]> notJson = new ProducerRecord<>(topic, 0, bytes("k"),
          bytes("{\"invite_id\": 1,"), List.of(
              new RecordHeader("ce_specversion", bytes("1.0")),
              new RecordHeader("ce_id", bytes("not-a-uuid")),
              new RecordHeader("ce_type", bytes("invite.created"))));
      ProducerRecord<byte[], byte[]> notACloudEvent =
          new ProducerRecord<>(topic, 0, bytes("k"), bytes("hello"));
      ProducerRecord<byte[], byte[]> badId = new ProducerRecord<>(topic, 0, bytes("k"),
          bytes("{\"invite_id\":1,\"email\":\"e\",\"tags\":[]}"), List.of(
              new RecordHeader("ce_specversion", bytes("1.0")),
              new RecordHeader("ce_id", bytes("not-a-uuid")),
              new RecordHeader("ce_source", bytes("/x")),
              new RecordHeader("ce_time", bytes("2025-01-15T10:30:00Z")),
              new RecordHeader("ce_type", bytes("invite.created"))));
      producer.send(notJson).get(60, TimeUnit.SECONDS);
      producer.send(notACloudEvent).get(60, TimeUnit.SECONDS);
      producer.send(badId).get(60, TimeUnit.SECONDS);
    }

    BlockingQueue<DeadLetter> dead = new LinkedBlockingQueue<>();
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    try (KafkaEventConsumer consumer = consumer(topic, dispatcher, dead::add).build()) {
      consumer.start();
      DeadLetter first = dead.poll(60, TimeUnit.SECONDS);
      DeadLetter second = dead.poll(60, TimeUnit.SECONDS);
      DeadLetter third = dead.poll(60, TimeUnit.SECONDS);
      assertThat(List.of(first, second, third)).extracting(DeadLetter::reason)
          .containsOnly(DeadLetter.Reason.UNREADABLE);
      assertThat(first.offset()).isZero();
      assertThat(first.eventType()).contains("invite.created");
      assertThat(second.failure()).hasMessageContaining("ce_specversion");
      assertThat(second.eventType()).isEmpty();
      assertThat(third.failure()).hasMessageContaining("id");
      assertThat(third.value()).hasValueSatisfying(value -> assertThat(text(value))
          .startsWith("{\"invite_id\":1"));
    }
  }

  @Test
  void aFailingDispatchIsRedeliveredThenDeadLetteredAndLaterEventsFollow() throws Exception {
    String topic = broker.newTopic("failing");
    InviteCreated poison = Events.invite(30);
    InviteCreated next = Events.invite(31);
    try (KafkaEventSink sink = sink(topic)) {
      sink.publishAll(List.of(Events.message(poison, "invite-30"),
          Events.message(next, "invite-30")));
    }
    AtomicInteger poisonAttempts = new AtomicInteger();
    BlockingQueue<DomainEvent> received = new LinkedBlockingQueue<>();
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(InviteCreated.class, event -> {
      if (event.equals(poison)) {
        poisonAttempts.incrementAndGet();
        throw new IllegalStateException("mail server down");
      }
      received.add(event);
    });
    BlockingQueue<DeadLetter> dead = new LinkedBlockingQueue<>();
    try (CapturedLog log = new CapturedLog();
        KafkaEventConsumer consumer = consumer(topic, dispatcher, dead::add)
            .maxAttempts(3).build()) {
      consumer.start();
      assertThat(received.poll(60, TimeUnit.SECONDS)).isEqualTo(next);
      DeadLetter letter = dead.poll(60, TimeUnit.SECONDS);
      assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.HANDLER_FAILED);
      assertThat(letter.event()).contains(poison);
      assertThat(letter.attempts()).isEqualTo(3);
      assertThat(letter.failure()).hasMessage("mail server down");
      assertThat(poisonAttempts).hasValue(3);
      assertThat(log.messages()).hasSize(2).allMatch(m -> m.contains("will be redelivered"));
    }
  }

  @Test
  void offsetsAreCommittedOnlyAfterASuccessfulDispatch() throws Exception {
    String topic = broker.newTopic("commits");
    InviteCreated first = Events.invite(40);
    try (KafkaEventSink sink = sink(topic)) {
      sink.publish(Events.message(first, "invite-40"));
    }
    Map<String, Object> group = broker.consumerProperties();
    AtomicInteger calls = new AtomicInteger();
    BlockingQueue<DomainEvent> received = new LinkedBlockingQueue<>();
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(InviteCreated.class, event -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("first delivery fails");
      }
      received.add(event);
    });
    try (CapturedLog log = new CapturedLog();
        KafkaEventConsumer consumer = KafkaEventConsumer.builder(group, Events.REGISTRY,
                Events.JSON::fromCloudEvent, dispatcher)
            .topics(topic).deadLetters(letter -> {
              throw new AssertionError("unexpected " + letter);
            }).retryBackoff(Duration.ofMillis(50)).build()) {
      consumer.start();
      assertThat(received.poll(60, TimeUnit.SECONDS)).isEqualTo(first);
      assertThat(calls).hasValue(2);
      assertThat(log.messages()).singleElement().asString().contains("attempt 1 of 3");
    }

    // Same group, new consumer: the committed offset is past the first event.
    InviteCreated marker = Events.invite(41);
    try (KafkaEventSink sink = sink(topic)) {
      sink.publish(Events.message(marker, "invite-40"));
    }
    BlockingQueue<DomainEvent> later = new LinkedBlockingQueue<>();
    InProcessEventDispatcher second = new InProcessEventDispatcher();
    second.register(DomainEvent.class, later::add);
    try (KafkaEventConsumer consumer = KafkaEventConsumer.builder(group, Events.REGISTRY,
            Events.JSON::fromCloudEvent, second)
        .topics(topic).deadLetters(letter -> {
          throw new AssertionError("unexpected " + letter);
        }).build()) {
      consumer.start();
      assertThat(later.poll(60, TimeUnit.SECONDS)).isEqualTo(marker);
      assertThat(later.poll(1, TimeUnit.SECONDS)).isNull();
    }
  }

  @Test
  void aDeadLetterHandlerThatFailsIsOfferedTheRecordAgain() throws Exception {
    String topic = broker.newTopic("dead-letter-down");
    InviteRevoked unknown = new InviteRevoked(EventHeader.create(), 50);
    try (KafkaEventSink sink = sink(topic)) {
      sink.publish(Events.message(unknown, "invite-50", PRODUCER_JSON));
    }
    AtomicInteger offers = new AtomicInteger();
    BlockingQueue<DeadLetter> accepted = new LinkedBlockingQueue<>();
    DeadLetterHandler flaky = letter -> {
      if (offers.incrementAndGet() == 1) {
        throw new IllegalStateException("dead-letter store down");
      }
      accepted.add(letter);
    };
    try (CapturedLog log = new CapturedLog();
        KafkaEventConsumer consumer =
            consumer(topic, new InProcessEventDispatcher(), flaky).build()) {
      consumer.start();
      DeadLetter letter = accepted.poll(60, TimeUnit.SECONDS);
      assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.UNKNOWN_TYPE);
      assertThat(letter.failure()).isInstanceOf(UnknownEventTypeException.class);
      assertThat(offers).hasValue(2);
      assertThat(log.messages()).singleElement().asString()
          .contains("the dead-letter handler refused");
    }
  }

  private static KafkaEventSink sink(String topic) {
    return KafkaEventSink.builder(broker.producerProperties(), Events.SOURCE).topic(topic).build();
  }

  private static KafkaEventConsumer.Builder consumer(
      String topic, InProcessEventDispatcher dispatcher, DeadLetterHandler dead) {
    return KafkaEventConsumer.builder(broker.consumerProperties(), Events.REGISTRY,
            Events.JSON::fromCloudEvent, dispatcher)
        .topics(topic).deadLetters(dead).retryBackoff(Duration.ofMillis(50));
  }

  private static KafkaProducer<byte[], byte[]> rawProducer() {
    Map<String, Object> properties = broker.producerProperties();
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(properties);
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
    assertThat(record.headers().lastHeader(key)).as("header %s", key).isNotNull();
    return text(record.headers().lastHeader(key).value());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
