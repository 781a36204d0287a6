package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.kafka.DeadLetterHandler;
import io.github.domainevents.kafka.DeadLetterTopic;
import io.github.domainevents.kafka.KafkaEventConsumer;
import io.github.domainevents.kafka.KafkaEventSink;
import io.github.domainevents.outbox.OutboxSink;
import io.github.domainevents.spring.boot.Fixtures.InviteCreated;
import io.github.domainevents.springtest.outbox.Broker;
import io.github.domainevents.wire.EventTypeRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Kafka auto-configuration's conditions, the application's beans winning, its startup
 * failures, and the consumer's lifecycle, against a real in-process broker (one for the class).
 */
@Timeout(120)
class KafkaAutoConfigurationTest {
  private static Broker broker;

  private ApplicationContextRunner runner;
  private Fixtures.LogCapture contextLog;

  @BeforeAll
  static void startBroker() {
    broker = Broker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void setUp() {
    contextLog = new Fixtures.LogCapture(Fixtures.CONTEXT_LOGGER);
    runner =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    DomainEventsAutoConfiguration.class,
                    DomainEventsJacksonAutoConfiguration.class,
                    DomainEventsKafkaAutoConfiguration.class))
            .withBean(EventTypeRegistry.class, () -> EventTypeRegistry.of(InviteCreated.class))
            .withPropertyValues("domain-events.kafka.bootstrap-servers=" + broker.servers());
  }

  @AfterEach
  void releaseContextLog() {
    contextLog.close();
  }

  @Test
  void withoutTopicsThereIsNoSinkAndNoConsumer() {
    runner.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(OutboxSink.class)
                .doesNotHaveBean(KafkaEventConsumer.class));
  }

  @Test
  void aProducerTopicCreatesTheSinkInBinaryModeWithTheApplicationNameAsSource() {
    runner
        .withPropertyValues(
            "domain-events.kafka.producer.topic=invites", "spring.application.name=invites")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(OutboxSink.class);
              assertThat(context.getBean(OutboxSink.class))
                  .isInstanceOf(KafkaEventSink.class)
                  .hasToString("KafkaEventSink{source=/invites, mode=BINARY}");
            });
  }

  @Test
  void theSinksSourceAndModeAreProperties() {
    runner
        .withPropertyValues(
            "domain-events.kafka.producer.topic=invites",
            "domain-events.kafka.producer.source=https://example.com/invites",
            "domain-events.kafka.producer.mode=structured")
        .run(
            context ->
                assertThat(context.getBean(KafkaEventSink.class))
                    .hasToString(
                        "KafkaEventSink{source=https://example.com/invites, mode=STRUCTURED}"));
  }

  @Test
  void anApplicationOutboxSinkWins() {
    OutboxSink own = message -> {};
    runner
        .withPropertyValues("domain-events.kafka.producer.topic=invites")
        .withBean(OutboxSink.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(KafkaEventSink.class);
              assertThat(context.getBean(OutboxSink.class)).isSameAs(own);
            });
  }

  @Test
  void aTopicWithoutBootstrapServersFailsStartupNamingTheProperty() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DomainEventsKafkaAutoConfiguration.class))
        .withPropertyValues(
            "domain-events.kafka.producer.topic=invites", "spring.application.name=invites")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "domain-events.kafka.producer.topic is set, but"
                            + " domain-events.kafka.bootstrap-servers is not"));
  }

  @Test
  void aSinkWithoutSourceOrApplicationNameFailsStartupNamingBoth() {
    runner
        .withPropertyValues("domain-events.kafka.producer.topic=invites")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("domain-events.kafka.producer.source")
                    .hasStackTraceContaining("spring.application.name"));
  }

  @Test
  void aConsumerWithoutADeadLetterPathFailsStartupNamingBothWays() {
    runner
        .withPropertyValues(
            "domain-events.kafka.consumer.topics=invites", "spring.application.name=mailer")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "set domain-events.kafka.consumer.dead-letter-topic or define a"
                            + " DeadLetterHandler bean"));
  }

  @Test
  void aConsumerWithoutAGroupFailsStartupNamingIt() {
    runner
        .withPropertyValues(
            "domain-events.kafka.consumer.topics=invites",
            "domain-events.kafka.consumer.dead-letter-topic=invites-dead")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("domain-events.kafka.consumer.group-id is not set"));
  }

  @Test
  void theConsumerRunsWhileTheContextRunsWithItsDeadLetterTopic() {
    String topic = broker.newTopic("invites");
    runner
        .withPropertyValues(
            "domain-events.kafka.consumer.topics[0]=" + topic, // the indexed (YAML list) form
            "domain-events.kafka.consumer.group-id=mailer",
            "domain-events.kafka.consumer.dead-letter-topic=" + broker.newTopic("dead"))
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(DeadLetterTopic.class);
              KafkaEventConsumer consumer = context.getBean(KafkaEventConsumer.class);
              assertThat(consumer.isRunning()).isTrue();
              assertThat(consumer.toString()).contains(topic);
              context.close();
              assertThat(consumer.isRunning()).isFalse();
            });
  }

  @Test
  void anApplicationDeadLetterHandlerWinsOverTheTopic() {
    DeadLetterHandler own = letter -> {};
    runner
        .withPropertyValues(
            "domain-events.kafka.consumer.topics=" + broker.newTopic("invites"),
            "domain-events.kafka.consumer.group-id=mailer",
            "domain-events.kafka.consumer.dead-letter-topic=unused")
        .withBean(DeadLetterHandler.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(DeadLetterTopic.class);
              assertThat(context.getBean(KafkaEventConsumer.class).isRunning()).isTrue();
            });
  }

  /**
   * Consumer topics without domain-events-jackson: startup fails, naming the property, its
   * topics and the missing artifact (before, the consumer was silently not created).
   */
  @Test
  void consumerTopicsWithoutTheJacksonModuleFailStartupNamingThePropertyAndTheArtifact() {
    runner
        .withClassLoader(new FilteredClassLoader("io.github.domainevents.jackson"))
        .withPropertyValues(
            "domain-events.kafka.consumer.topics=invites,reminders",
            "domain-events.kafka.consumer.group-id=mailer",
            "domain-events.kafka.consumer.dead-letter-topic=invites-dead")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessage(
                      "domain-events.kafka.consumer.topics is set ([invites, reminders]), but"
                          + " domain-events-jackson is not on the class path: the Kafka"
                          + " consumer reads events with its EventJson, so no consumer can be"
                          + " created. Add the dependency"
                          + " io.github.domainevents:domain-events-jackson, or remove"
                          + " domain-events.kafka.consumer.topics");
            });
    assertThat(contextLog.messages(java.util.logging.Level.WARNING))
        .as("the failed start is reported on the context's logger, captured here")
        .isNotEmpty();
  }

  @Test
  void consumerTopicsInTheIndexedFormWithoutTheJacksonModuleFailStartupToo() {
    runner
        .withClassLoader(new FilteredClassLoader("io.github.domainevents.jackson"))
        .withPropertyValues(
            "domain-events.kafka.consumer.topics[0]=invites",
            "domain-events.kafka.consumer.group-id=mailer")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("consumer.topics is set ([invites])")
                    .hasMessageContaining("io.github.domainevents:domain-events-jackson"));
  }

  @Test
  void withoutTheJacksonModuleAndWithoutConsumerTopicsTheSinkStillStarts() {
    runner
        .withClassLoader(new FilteredClassLoader("io.github.domainevents.jackson"))
        .withPropertyValues(
            "domain-events.kafka.producer.topic=invites", "spring.application.name=invites")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(KafkaEventSink.class)
                    .doesNotHaveBean(KafkaEventConsumer.class));
  }
}
