package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The metadata Boot's configuration processor generated from {@link DomainEventsProperties}: what
 * IDEs complete. Its defaults must be the real ones, those of the bound properties object.
 */
class ConfigurationMetadataTest {
  private static final Pattern PROPERTY =
      Pattern.compile(
          "\\{\\s*\"name\": \"(domain-events\\.[a-z-]+)\"[^}]*?\"description\": \"[^\"]+\"[^}]*?"
              + "\"defaultValue\": \"?([^\"\\n]+)\"?\\s*}");

  private static final Pattern NESTED =
      Pattern.compile(
          "\\{\\s*\"name\": \"(domain-events\\.(?:outbox|kafka)\\.[a-z.-]+)\"[^}]*?"
              + "\"description\": \"[^\"]+\"[^}]*?\"defaultValue\": \"?([^\"\\n]+?)\"?\\s*}");

  private static Map<String, String> defaults() throws IOException {
    return defaults(PROPERTY);
  }

  private static Map<String, String> defaults(Pattern property) throws IOException {
    String json;
    try (InputStream in =
        ConfigurationMetadataTest.class
            .getClassLoader()
            .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata on the class path").isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> defaults = new LinkedHashMap<>();
    Matcher matcher = property.matcher(json);
    while (matcher.find()) {
      defaults.put(matcher.group(1), matcher.group(2));
    }
    return defaults;
  }

  @Test
  void everyPropertyIsDescribedWithTheDefaultTheDispatcherReallyUses() throws IOException {
    DomainEventsProperties real = new DomainEventsProperties();
    assertThat(defaults())
        .containsOnly(
            Map.entry("domain-events.error-policy", kebab(real.getErrorPolicy())),
            Map.entry("domain-events.max-depth", String.valueOf(real.getMaxDepth())),
            Map.entry(
                "domain-events.no-unit-of-work-policy", kebab(real.getNoUnitOfWorkPolicy())),
            Map.entry(
                "domain-events.close-timeout", real.getCloseTimeout().toSeconds() + "s"),
            Map.entry("domain-events.async-executor", kebab(real.getAsyncExecutor())),
            Map.entry("domain-events.spring-events", String.valueOf(real.isSpringEvents())));
  }

  private static String kebab(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  @Test
  void theOutboxRelayAndKafkaPropertiesAreDescribedWithTheirRealDefaults() throws IOException {
    DomainEventsOutboxProperties outbox = new DomainEventsOutboxProperties();
    DomainEventsOutboxProperties.Relay relay = outbox.getRelay();
    DomainEventsKafkaProperties kafka = new DomainEventsKafkaProperties();
    DomainEventsKafkaProperties.Consumer consumer = kafka.getConsumer();
    assertThat(defaults(NESTED))
        .containsOnly(
            Map.entry("domain-events.outbox.table", outbox.getTable()),
            Map.entry("domain-events.outbox.initialize-schema", kebab(outbox.getInitializeSchema())),
            Map.entry("domain-events.outbox.relay.enabled", String.valueOf(relay.isEnabled())),
            Map.entry("domain-events.outbox.relay.batch-size", String.valueOf(relay.getBatchSize())),
            Map.entry("domain-events.outbox.relay.poll-interval",
                relay.getPollInterval().toSeconds() + "s"),
            Map.entry("domain-events.outbox.relay.lease-duration",
                relay.getLeaseDuration().toSeconds() + "s"),
            Map.entry("domain-events.outbox.relay.max-attempts",
                String.valueOf(relay.getMaxAttempts())),
            Map.entry("domain-events.outbox.relay.initial-backoff",
                relay.getInitialBackoff().toSeconds() + "s"),
            Map.entry("domain-events.outbox.relay.max-backoff",
                relay.getMaxBackoff().toMinutes() + "m"),
            Map.entry("domain-events.outbox.relay.keep-delivered",
                String.valueOf(relay.isKeepDelivered())),
            Map.entry("domain-events.kafka.producer.mode", kebab(kafka.getProducer().getMode())),
            Map.entry("domain-events.kafka.producer.send-timeout",
                kafka.getProducer().getSendTimeout().toSeconds() + "s"),
            Map.entry("domain-events.kafka.consumer.max-attempts",
                String.valueOf(consumer.getMaxAttempts())),
            Map.entry("domain-events.kafka.consumer.retry-backoff",
                consumer.getRetryBackoff().toSeconds() + "s"),
            Map.entry("domain-events.kafka.consumer.poll-timeout",
                consumer.getPollTimeout().toMillis() + "ms"),
            Map.entry("domain-events.kafka.consumer.close-timeout",
                consumer.getCloseTimeout().toSeconds() + "s"));
  }

  /** The relay's defaults that the relay shows are the builder's own. */
  @Test
  void theRelayDefaultsAreTheRelayBuildersDefaults() {
    DomainEventsOutboxProperties.Relay relay = new DomainEventsOutboxProperties().getRelay();
    String builderDefaults =
        io.github.domainevents.outbox.OutboxRelay.builder(
                new org.h2.jdbcx.JdbcDataSource(), message -> {})
            .build()
            .toString();
    assertThat(builderDefaults)
        .contains(
            "table=" + new DomainEventsOutboxProperties().getTable(),
            "batchSize=" + relay.getBatchSize(),
            "lease=" + relay.getLeaseDuration(),
            "maxAttempts=" + relay.getMaxAttempts());
  }
}
