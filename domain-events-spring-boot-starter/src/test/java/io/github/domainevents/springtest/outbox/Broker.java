package io.github.domainevents.springtest.outbox;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker, in-process in KRaft mode, as domain-events-kafka's tests start theirs
 * (same settings; a copy, since test classes are not shared between modules): one per test class,
 * started in {@code @BeforeAll} and closed in {@code @AfterAll}. Tests isolate themselves with
 * fresh topic and group names. The broker's and the clients' logs (SLF4J to JUL here) are
 * silenced below warnings-that-matter, so that a green run prints nothing.
 */
public final class Broker implements AutoCloseable {
  /** Strong references: JUL forgets the level of a logger nobody references. */
  private static final List<Logger> QUIET =
      List.of(Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"),
          Logger.getLogger("state.change.logger"), Logger.getLogger("org.springframework.kafka"));

  private final EmbeddedKafkaKraftBroker kafka;

  private Broker(EmbeddedKafkaKraftBroker kafka) {
    this.kafka = kafka;
  }

  public static Broker start() {
    QUIET.forEach(logger -> logger.setLevel(Level.OFF));
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

  public String servers() {
    return kafka.getBrokersAsString();
  }

  /** Creates a topic with a fresh name (two partitions) and returns the name. */
  public String newTopic(String prefix) {
    String name = prefix + "-" + UUID.randomUUID();
    kafka.addTopics(new NewTopic(name, 2, (short) 1));
    return name;
  }

  @Override
  public void close() {
    QUIET.forEach(logger -> logger.setLevel(Level.OFF)); // a Boot application may have reset them
    kafka.destroy();
  }
}
