package io.github.domainevents.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.InProcessEventDispatcher;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings that would break the delivery guarantees are refused at once, naming the setting. */
class BuilderValidationTest {
  private static final Map<String, Object> SERVERS = Map.of("bootstrap.servers", "localhost:1");

  @Test
  void theSinkRefusesWeakerAcknowledgementsAndNonIdempotentProducers() {
    assertThatThrownBy(() -> KafkaEventSink.builder(
        Map.of("bootstrap.servers", "localhost:1", "acks", "1"), Events.SOURCE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acks=1");
    assertThatThrownBy(() -> KafkaEventSink.builder(
        Map.of("bootstrap.servers", "localhost:1", "enable.idempotence", "false"),
        Events.SOURCE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enable.idempotence");
    assertThatThrownBy(() -> KafkaEventSink.builder(Map.of(), Events.SOURCE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap.servers");
    assertThatThrownBy(() -> KafkaEventSink.builder(SERVERS, URI.create("")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
  }

  @Test
  void theSinkNeedsATopicAndAPositiveTimeout() {
    assertThatThrownBy(() -> KafkaEventSink.builder(SERVERS, Events.SOURCE).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no topic");
    assertThatThrownBy(() -> KafkaEventSink.builder(SERVERS, Events.SOURCE).topic(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic");
    assertThatThrownBy(() -> KafkaEventSink.builder(SERVERS, Events.SOURCE)
        .sendTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendTimeout");
  }

  @Test
  void theConsumerRefusesAutomaticCommitsAndNeedsAGroupTopicsAndADeadLetterPath() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    assertThatThrownBy(() -> KafkaEventConsumer.builder(Map.of("bootstrap.servers", "x:1",
            "group.id", "g", "enable.auto.commit", "true"), Events.REGISTRY,
        Events.JSON::fromCloudEvent, dispatcher))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enable.auto.commit");
    assertThatThrownBy(() -> KafkaEventConsumer.builder(SERVERS, Events.REGISTRY,
        Events.JSON::fromCloudEvent, dispatcher))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group.id");
    Map<String, Object> group = Map.of("bootstrap.servers", "x:1", "group.id", "g");
    assertThatThrownBy(() -> KafkaEventConsumer.builder(group, Events.REGISTRY,
        Events.JSON::fromCloudEvent, dispatcher).deadLetters(letter -> { }).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no topics");
    assertThatThrownBy(() -> KafkaEventConsumer.builder(group, Events.REGISTRY,
        Events.JSON::fromCloudEvent, dispatcher).topics("t").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("dead-letter");
    assertThatThrownBy(() -> KafkaEventConsumer.builder(group, Events.REGISTRY,
        Events.JSON::fromCloudEvent, dispatcher).maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
  }

  @Test
  void aConsumerClosedBeforeStartingCannotStart() {
    KafkaEventConsumer consumer = KafkaEventConsumer.builder(
            Map.of("bootstrap.servers", "localhost:1", "group.id", "g"), Events.REGISTRY,
            Events.JSON::fromCloudEvent, new InProcessEventDispatcher())
        .topics("t").deadLetters(letter -> { }).build();
    consumer.close();
    consumer.close();
    assertThatThrownBy(consumer::start)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }
}
