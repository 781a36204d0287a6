package io.github.domainevents.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Checks and completes the Kafka client settings the sink and consumer rely on. */
final class KafkaSettings {
  private KafkaSettings() {}

  /** Producer settings with {@code acks=all} and idempotence forced. */
  static Map<String, Object> producer(Map<String, ?> given) {
    Map<String, Object> settings = copy(given, "producerProperties");
    Object acks = settings.get(ProducerConfig.ACKS_CONFIG);
    if (acks != null && !acks.toString().trim().equalsIgnoreCase("all")
        && !acks.toString().trim().equals("-1")) {
      throw new IllegalArgumentException(
          "acks=" + acks + " is not allowed: the sink waits for acks=all so that an acknowledged"
              + " event is on every in-sync replica; remove the setting");
    }
    Object idempotence = settings.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
    if (idempotence != null && !Boolean.parseBoolean(idempotence.toString())) {
      throw new IllegalArgumentException(
          "enable.idempotence=false is not allowed: retries by the producer must not duplicate"
              + " or reorder an aggregate's events; remove the setting");
    }
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return settings;
  }

  /** Consumer settings with manual commits forced; a group id is required. */
  static Map<String, Object> consumer(Map<String, ?> given) {
    Map<String, Object> settings = copy(given, "consumerProperties");
    if (settings.get(ConsumerConfig.GROUP_ID_CONFIG) == null) {
      throw new IllegalArgumentException(
          "consumerProperties must set group.id: offsets are committed for the group");
    }
    Object autoCommit = settings.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG);
    if (autoCommit != null && Boolean.parseBoolean(autoCommit.toString())) {
      throw new IllegalArgumentException(
          "enable.auto.commit=true is not allowed: offsets are committed only after the events"
              + " were dispatched; remove the setting");
    }
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return settings;
  }

  private static Map<String, Object> copy(Map<String, ?> given, String name) {
    Objects.requireNonNull(given, name + " must not be null");
    Map<String, Object> settings = new HashMap<>();
    given.forEach((key, value) -> {
      if (key == null || value == null) {
        throw new NullPointerException(name + " must not hold null keys or values");
      }
      settings.put(key, value);
    });
    if (settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) == null) {
      throw new IllegalArgumentException(name + " must set bootstrap.servers");
    }
    return settings;
  }

  static String requireTopic(String topic, String name) {
    Objects.requireNonNull(topic, name + " must not be null");
    if (topic.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return topic;
  }
}
