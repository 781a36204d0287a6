package io.github.domainevents.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker, in-process in KRaft mode, started once per test class: each test class
 * holds one in a static field, starts it in {@code @BeforeAll} and closes it in {@code
 * @AfterAll}. Tests isolate themselves with fresh topic and group names.
 */
final class Broker implements AutoCloseable {
  private final EmbeddedKafkaKraftBroker kafka;

  private Broker(EmbeddedKafkaKraftBroker kafka) {
    this.kafka = kafka;
  }

  static Broker start() {
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 2);
    kafka.brokerProperty("auto.create.topics.enable", "false");
    kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
    // Formatting the KRaft storage prints two lines to System.out; a green build prints nothing.
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    try {
      kafka.afterPropertiesSet();
    } finally {
      System.setOut(out);
    }
    return new Broker(kafka);
  }

  String servers() {
    return kafka.getBrokersAsString();
  }

  /** Creates a topic with a fresh name (two partitions) and returns the name. */
  String newTopic(String prefix) {
    String name = prefix + "-" + UUID.randomUUID();
    kafka.addTopics(new NewTopic(name, 2, (short) 1));
    return name;
  }

  Map<String, Object> producerProperties() {
    Map<String, Object> properties = new HashMap<>();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers());
    return properties;
  }

  /** Consumer settings with a fresh group that reads from the start. */
  Map<String, Object> consumerProperties() {
    Map<String, Object> properties = new HashMap<>();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "group-" + UUID.randomUUID());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return properties;
  }

  @Override
  public void close() {
    kafka.destroy();
  }
}
