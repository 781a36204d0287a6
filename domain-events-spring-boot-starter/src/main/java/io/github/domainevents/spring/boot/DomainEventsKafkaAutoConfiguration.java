package io.github.domainevents.spring.boot;

import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.jackson.EventJson;
import io.github.domainevents.kafka.DeadLetterHandler;
import io.github.domainevents.kafka.DeadLetterTopic;
import io.github.domainevents.kafka.KafkaEventConsumer;
import io.github.domainevents.kafka.KafkaEventSink;
import io.github.domainevents.wire.EventTypeRegistry;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Kafka, with {@code domain-events-kafka} and kafka-clients present, configured by the starter's
 * own {@code domain-events.kafka.*} properties (no spring-kafka needed):
 *
 * <ul>
 *   <li>a {@link KafkaEventSink} bean, the outbox relay's sink, when {@code
 *       domain-events.kafka.producer.topic} is set and the application has no {@code OutboxSink}
 *       of its own; binary CloudEvents by default;
 *   <li>a {@link KafkaEventConsumer} bean, when {@code domain-events.kafka.consumer.topics} is
 *       set, dispatching into the dispatcher bean, started and stopped with the context ({@link
 *       KafkaConsumerLifecycle}). Its dead letters go to the application's {@link
 *       DeadLetterHandler} bean, or else to a {@link DeadLetterTopic} named by {@code
 *       domain-events.kafka.consumer.dead-letter-topic}; with neither, startup fails. The
 *       consumer reads events with {@code domain-events-jackson}'s {@link EventJson}: topics set
 *       without that artifact on the class path fail startup, naming the property and the
 *       artifact ({@link ConsumerWithoutJsonConfiguration}), rather than leaving the service
 *       silently without its consumer.
 * </ul>
 */
@AutoConfiguration(
    after = {DomainEventsAutoConfiguration.class, DomainEventsJacksonAutoConfiguration.class})
@ConditionalOnClass(
    name = {
      "io.github.domainevents.kafka.KafkaEventSink",
      "org.apache.kafka.clients.producer.KafkaProducer"
    })
@EnableConfigurationProperties(DomainEventsKafkaProperties.class)
class DomainEventsKafkaAutoConfiguration {
  private static final String PREFIX = "domain-events.kafka.";

  @Bean
  @ConditionalOnProperty(prefix = "domain-events.kafka.producer", name = "topic")
  @ConditionalOnMissingBean(type = "io.github.domainevents.outbox.OutboxSink")
  KafkaEventSink domainEventKafkaSink(DomainEventsKafkaProperties properties, Environment env) {
    DomainEventsKafkaProperties.Producer producer = properties.getProducer();
    String topic = producer.getTopic();
    if (topic == null || topic.isBlank()) {
      throw new IllegalStateException(PREFIX + "producer.topic must not be blank");
    }
    String source = producer.getSource();
    if (source == null || source.isBlank()) {
      String application = env.getProperty("spring.application.name");
      if (application == null || application.isBlank()) {
        throw new IllegalStateException(
            PREFIX + "producer.source (the CloudEvents source naming this service, such as"
                + " /invites) is not set, and there is no spring.application.name to default to");
      }
      source = "/" + application;
    }
    return KafkaEventSink.builder(
            clientSettings(properties, producer.getProperties(), "producer.topic"),
            URI.create(source))
        .topic(topic)
        .mode(producer.getMode())
        .sendTimeout(producer.getSendTimeout())
        .build();
  }

  /** The client settings: the common ones, then the client's, then the bootstrap servers. */
  static Map<String, Object> clientSettings(
      DomainEventsKafkaProperties properties, Map<String, String> own, String wantedBy) {
    Map<String, Object> settings = new HashMap<>(properties.getProperties());
    settings.putAll(own);
    if (!properties.getBootstrapServers().isEmpty()) {
      settings.put("bootstrap.servers", String.join(",", properties.getBootstrapServers()));
    }
    if (settings.get("bootstrap.servers") == null) {
      throw new IllegalStateException(
          PREFIX + wantedBy + " is set, but " + PREFIX + "bootstrap-servers is not: set it to"
              + " the Kafka brokers (host:port, comma-separated)");
    }
    return settings;
  }

  /** The consumer, its dead-letter topic and its lifecycle. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OnConsumerTopics.class)
  @ConditionalOnClass(name = "io.github.domainevents.jackson.EventJson")
  static class ConsumerConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "domain-events.kafka.consumer", name = "dead-letter-topic")
    @ConditionalOnMissingBean(DeadLetterHandler.class)
    DeadLetterTopic domainEventDeadLetterTopic(DomainEventsKafkaProperties properties) {
      String topic = properties.getConsumer().getDeadLetterTopic();
      if (topic == null || topic.isBlank()) {
        throw new IllegalStateException(PREFIX + "consumer.dead-letter-topic must not be blank");
      }
      return DeadLetterTopic.create(
          clientSettings(properties, properties.getConsumer().getProperties(),
              "consumer.dead-letter-topic"),
          topic);
    }

    @Bean
    KafkaEventConsumer domainEventKafkaConsumer(
        DomainEventsKafkaProperties properties,
        Environment env,
        EventTypeRegistry registry,
        EventJson eventJson,
        InProcessEventDispatcher dispatcher,
        ObjectProvider<DeadLetterHandler> deadLetters,
        ConfigurableListableBeanFactory beanFactory) {
      DomainEventsKafkaProperties.Consumer consumer = properties.getConsumer();
      DeadLetterHandler deadLetterHandler = deadLetters.getIfUnique();
      if (deadLetterHandler == null) {
        String[] handlers = beanFactory.getBeanNamesForType(DeadLetterHandler.class);
        throw new IllegalStateException(
            PREFIX + "consumer.topics is set, but records that cannot be delivered (unknown"
                + " types, unreadable records, handlers failing every attempt) have nowhere to"
                + " go: " + (handlers.length == 0
                    ? "set " + PREFIX + "consumer.dead-letter-topic or define a"
                        + " DeadLetterHandler bean"
                    : "there are " + handlers.length + " DeadLetterHandler beans "
                        + Arrays.toString(handlers) + "; mark one @Primary"));
      }
      Map<String, Object> settings =
          clientSettings(properties, consumer.getProperties(), "consumer.topics");
      String groupId = groupId(consumer, env);
      settings.put("group.id", groupId);
      List<String> topics = consumer.getTopics();
      return KafkaEventConsumer.builder(settings, registry, eventJson::fromCloudEvent, dispatcher)
          .topics(topics.toArray(String[]::new))
          .deadLetters(deadLetterHandler)
          .maxAttempts(consumer.getMaxAttempts())
          .retryBackoff(consumer.getRetryBackoff())
          .pollTimeout(consumer.getPollTimeout())
          .threadName("domain-events-kafka-consumer-" + groupId)
          .build();
    }

    private static String groupId(DomainEventsKafkaProperties.Consumer consumer, Environment env) {
      String groupId = consumer.getGroupId();
      if (groupId == null || groupId.isBlank()) {
        groupId = env.getProperty("spring.application.name");
      }
      if (groupId == null || groupId.isBlank()) {
        throw new IllegalStateException(
            PREFIX + "consumer.group-id is not set, and there is no spring.application.name to"
                + " default to: the consumer commits its offsets for a group");
      }
      return groupId;
    }

    @Bean
    KafkaConsumerLifecycle domainEventKafkaConsumerLifecycle(
        KafkaEventConsumer domainEventKafkaConsumer,
        DomainEventsKafkaProperties properties,
        ConfigurableListableBeanFactory beanFactory) {
      if (beanFactory.containsBean(DISPATCHER_LIFECYCLE)) {
        // started after and stopped before the dispatcher: Spring stops dependents first
        beanFactory.registerDependentBean(
            DISPATCHER_LIFECYCLE, "domainEventKafkaConsumerLifecycle");
      }
      return new KafkaConsumerLifecycle(
          domainEventKafkaConsumer, properties.getConsumer().getCloseTimeout());
    }
  }

  /**
   * Consumer topics are set, but {@code domain-events-jackson} is missing: fails startup, naming
   * the property, its topics and the artifact, instead of creating no consumer.
   */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OnConsumerTopics.class)
  @ConditionalOnMissingClass("io.github.domainevents.jackson.EventJson")
  static class ConsumerWithoutJsonConfiguration {
    ConsumerWithoutJsonConfiguration(Environment env) {
      throw new IllegalStateException(
          PREFIX + "consumer.topics is set (" + OnConsumerTopics.topics(env) + "), but"
              + " domain-events-jackson is not on the class path: the Kafka consumer reads"
              + " events with its EventJson, so no consumer can be created. Add the dependency"
              + " io.github.domainevents:domain-events-jackson, or remove " + PREFIX
              + "consumer.topics");
    }
  }

  /** The name of the starter's dispatcher lifecycle bean. */
  static final String DISPATCHER_LIFECYCLE = "domainEventDispatcherLifecycle";

  /**
   * Matches when {@code domain-events.kafka.consumer.topics} binds to a non-empty list, in any
   * form (comma-separated or indexed, as YAML lists are).
   */
  static final class OnConsumerTopics extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      List<String> topics = topics(context.getEnvironment());
      return topics.isEmpty()
          ? ConditionOutcome.noMatch(PREFIX + "consumer.topics is not set")
          : ConditionOutcome.match(PREFIX + "consumer.topics is " + topics);
    }

    /** The topics bound from the environment, in any form; empty when not set. */
    static List<String> topics(Environment env) {
      @Nullable List<String> topics = Binder.get(env)
          .bind(PREFIX + "consumer.topics", Bindable.listOf(String.class))
          .orElse(null);
      return topics == null ? List.of() : topics;
    }
  }
}
