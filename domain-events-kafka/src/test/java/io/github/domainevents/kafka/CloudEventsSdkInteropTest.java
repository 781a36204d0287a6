package io.github.domainevents.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.kafka.Events.InviteCreated;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interoperability with the official CloudEvents Java SDK's Kafka binding
 * ({@code io.cloudevents:cloudevents-kafka}): what our sink writes, the SDK reads, and what the
 * SDK writes (with the distributed-tracing extension), our consumer reads, in both modes.
 */
@Timeout(120)
class CloudEventsSdkInteropTest {
  private static final String TRACEPARENT =
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
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
  void theSdkReadsWhatTheSinkWrites(CloudEventsMode mode) throws Exception {
    String topic = broker.newTopic("to-sdk");
    UUID correlation = UUID.randomUUID();
    UUID cause = UUID.randomUUID();
    InviteCreated event = Events.invite(EventHeader.builder()
        .correlationId(correlation)
        .causationId(cause)
        .metadata("traceparent", TRACEPARENT)
        .metadata("tenant", "acme")
        .build(), 11);
    try (KafkaEventSink sink = KafkaEventSink.builder(broker.producerProperties(), Events.SOURCE)
        .topic(topic).mode(mode).build()) {
      sink.publish(Events.message(event, "invite-11"));
    }

    Map<String, Object> properties = broker.consumerProperties();
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
    ConsumerRecord<String, CloudEvent> record = null;
    try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(properties)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (record == null && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, CloudEvent> one : consumer.poll(Duration.ofMillis(200))) {
          record = one;
        }
      }
    }
    assertThat(record).as("a record within 60 seconds").isNotNull();
    assertThat(record.key()).isEqualTo("invite-11");
    CloudEvent cloudEvent = record.value();
    assertThat(cloudEvent.getId()).isEqualTo(event.eventId().toString());
    assertThat(cloudEvent.getType()).isEqualTo("invite.created");
    assertThat(cloudEvent.getSource()).isEqualTo(URI.create("/invites"));
    assertThat(cloudEvent.getTime()).isNotNull();
    assertThat(cloudEvent.getTime().toInstant()).isEqualTo(event.occurredAt());
    assertThat(cloudEvent.getDataContentType()).isEqualTo("application/json");
    assertThat(cloudEvent.getExtension("correlationid")).isEqualTo(correlation.toString());
    assertThat(cloudEvent.getExtension("causationid")).isEqualTo(cause.toString());
    assertThat(cloudEvent.getExtension("traceparent")).isEqualTo(TRACEPARENT);
    assertThat(cloudEvent.getExtension("metadata")).isEqualTo("{\"tenant\":\"acme\"}");
    assertThat(cloudEvent.getData()).isNotNull();
    assertThat(Events.JSON.mapper().readTree(cloudEvent.getData().toBytes()))
        .isEqualTo(Events.JSON.mapper().readTree(
            "{\"invite_id\":11,\"email\":\"ann11@example.com\",\"tags\":[\"x\"]}"));
  }

  @ParameterizedTest
  @EnumSource(CloudEventsMode.class)
  void theConsumerReadsWhatTheSdkWritesWithTheTracingExtension(CloudEventsMode mode)
      throws Exception {
    String topic = broker.newTopic("from-sdk");
    UUID id = UUID.randomUUID();
    UUID correlation = UUID.randomUUID();
    Instant time = Instant.parse("2025-01-15T10:30:00.123456Z");
    CloudEvent cloudEvent = CloudEventBuilder.v1()
        .withId(id.toString())
        .withSource(URI.create("https://example.com/other-service"))
        .withType("invite.created")
        .withTime(OffsetDateTime.ofInstant(time, ZoneOffset.ofHours(2)))
        .withDataContentType("application/json")
        .withData("{\"invite_id\":12,\"email\":\"b@example.com\",\"tags\":[]}"
            .getBytes(StandardCharsets.UTF_8))
        .withExtension("correlationid", correlation.toString())
        .withExtension("traceparent", TRACEPARENT)
        .withExtension("tracestate", "rojo=00f067aa0ba902b7")
        .build();
    Map<String, Object> producerProperties = broker.producerProperties();
    producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
        CloudEventSerializer.class);
    producerProperties.put(CloudEventSerializer.ENCODING_CONFIG,
        mode == CloudEventsMode.BINARY ? Encoding.BINARY : Encoding.STRUCTURED);
    producerProperties.put(CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE);
    try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(producerProperties)) {
      producer.send(new ProducerRecord<>(topic, "invite-12", cloudEvent)).get(60,
          TimeUnit.SECONDS);
    }

    BlockingQueue<DomainEvent> received = new LinkedBlockingQueue<>();
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(DomainEvent.class, received::add);
    List<DeadLetter> dead = new ArrayList<>();
    try (KafkaEventConsumer consumer = KafkaEventConsumer.builder(
            broker.consumerProperties(), Events.REGISTRY, Events.JSON::fromCloudEvent, dispatcher)
        .topics(topic).deadLetters(dead::add).build()) {
      consumer.start();
      DomainEvent event = received.poll(60, TimeUnit.SECONDS);
      assertThat(dead).isEmpty();
      assertThat(event).isEqualTo(new InviteCreated(EventHeader.builder()
          .eventId(id)
          .occurredAt(time)
          .correlationId(correlation)
          .metadata("traceparent", TRACEPARENT)
          .metadata("tracestate", "rojo=00f067aa0ba902b7")
          .build(), 12, "b@example.com", List.of()));
    }
  }
}
