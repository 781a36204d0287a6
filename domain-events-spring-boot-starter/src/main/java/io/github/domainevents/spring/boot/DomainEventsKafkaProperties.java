package io.github.domainevents.spring.boot;

import io.github.domainevents.kafka.CloudEventsMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code domain-events.kafka.*} configuration properties: the Kafka sink of the outbox relay
 * ({@code producer.*}) and the consumer that dispatches events from Kafka ({@code consumer.*}).
 * They are the starter's own, so that neither spring-kafka nor Boot's {@code spring.kafka.*}
 * properties are needed: only kafka-clients.
 *
 * <p>Bound once at startup; not safe for concurrent modification.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("domain-events.kafka")
public class DomainEventsKafkaProperties {

  /** The Kafka brokers, host:port; required by the sink and the consumer. */
  private List<String> bootstrapServers = new ArrayList<>();

  /** Further Kafka client settings for every client (producers and the consumer). */
  private Map<String, String> properties = new HashMap<>();

  /** The Kafka sink of the outbox relay. */
  private final Producer producer = new Producer();

  /** The consumer that dispatches events read from Kafka. */
  private final Consumer consumer = new Consumer();

  /**
   * Creates the properties with their defaults.
   *
   * @since 0.1.0
   */
  public DomainEventsKafkaProperties() {}

  /**
   * Returns the brokers.
   *
   * @return the brokers, host:port
   */
  public List<String> getBootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Sets the brokers.
   *
   * @param bootstrapServers the brokers, host:port
   */
  public void setBootstrapServers(List<String> bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Returns the settings for every client.
   *
   * @return the settings
   */
  public Map<String, String> getProperties() {
    return properties;
  }

  /**
   * Sets the settings for every client.
   *
   * @param properties the settings
   */
  public void setProperties(Map<String, String> properties) {
    this.properties = properties;
  }

  /**
   * Returns the sink settings.
   *
   * @return the settings, never null
   */
  public Producer getProducer() {
    return producer;
  }

  /**
   * Returns the consumer settings.
   *
   * @return the settings, never null
   */
  public Consumer getConsumer() {
    return consumer;
  }

  /**
   * {@code domain-events.kafka.producer.*}: a {@code KafkaEventSink} bean, the relay's sink,
   * created when {@code topic} is set (unless the application has its own {@code OutboxSink}).
   *
   * @since 0.1.0
   */
  public static class Producer {
    /** The topic every exported event is published to; setting it creates the sink. */
    private @Nullable String topic;

    /**
     * The CloudEvents source of the published events, a URI reference naming this service.
     * Default: "/" and spring.application.name.
     */
    private @Nullable String source;

    /** How events are laid out in records: binary (attributes as headers) or structured. */
    private CloudEventsMode mode = CloudEventsMode.BINARY;

    /** How long publishing waits for the broker's acknowledgement. */
    private Duration sendTimeout = Duration.ofSeconds(30);

    /** Further Kafka producer settings; acks=all and idempotence are forced. */
    private Map<String, String> properties = new HashMap<>();

    /**
     * Creates the settings with their defaults.
     *
     * @since 0.1.0
     */
    public Producer() {}

    /**
     * Returns the topic.
     *
     * @return the topic, or null when the sink is not wanted
     */
    public @Nullable String getTopic() {
      return topic;
    }

    /**
     * Sets the topic.
     *
     * @param topic the topic
     */
    public void setTopic(@Nullable String topic) {
      this.topic = topic;
    }

    /**
     * Returns the CloudEvents source.
     *
     * @return the source, or null for the default
     */
    public @Nullable String getSource() {
      return source;
    }

    /**
     * Sets the CloudEvents source.
     *
     * @param source a URI reference
     */
    public void setSource(@Nullable String source) {
      this.source = source;
    }

    /**
     * Returns the record layout.
     *
     * @return the mode
     */
    public CloudEventsMode getMode() {
      return mode;
    }

    /**
     * Sets the record layout.
     *
     * @param mode the mode
     */
    public void setMode(CloudEventsMode mode) {
      this.mode = mode;
    }

    /**
     * Returns the send timeout.
     *
     * @return the timeout
     */
    public Duration getSendTimeout() {
      return sendTimeout;
    }

    /**
     * Sets the send timeout.
     *
     * @param sendTimeout the timeout; checked when the sink is built
     */
    public void setSendTimeout(Duration sendTimeout) {
      this.sendTimeout = sendTimeout;
    }

    /**
     * Returns the producer settings.
     *
     * @return the settings
     */
    public Map<String, String> getProperties() {
      return properties;
    }

    /**
     * Sets the producer settings.
     *
     * @param properties the settings
     */
    public void setProperties(Map<String, String> properties) {
      this.properties = properties;
    }
  }

  /**
   * {@code domain-events.kafka.consumer.*}: a {@code KafkaEventConsumer} bean that dispatches
   * the events it reads into the dispatcher bean, created when {@code topics} is set and started
   * and stopped with the application context. Records that cannot be delivered go to the
   * application's {@code DeadLetterHandler} bean, or else to {@code dead-letter-topic}; startup
   * fails when there is neither.
   *
   * @since 0.1.0
   */
  public static class Consumer {
    /** The topics to read; setting them creates the consumer. */
    private List<String> topics = new ArrayList<>();

    /** The consumer group. Default: spring.application.name. */
    private @Nullable String groupId;

    /**
     * The topic that records which cannot be delivered are written to, unless the application
     * has a DeadLetterHandler bean.
     */
    private @Nullable String deadLetterTopic;

    /** How many times an event is dispatched before it goes to the dead letters; at least 1. */
    private int maxAttempts = 3;

    /** How long a partition pauses after a failed dispatch before the record is tried again. */
    private Duration retryBackoff = Duration.ofSeconds(1);

    /** How long one poll waits for records. */
    private Duration pollTimeout = Duration.ofMillis(200);

    /** How long stopping waits for the record being dispatched. */
    private Duration closeTimeout = Duration.ofSeconds(30);

    /**
     * Further Kafka consumer settings (for example auto.offset.reset); automatic commits are
     * turned off.
     */
    private Map<String, String> properties = new HashMap<>();

    /**
     * Creates the settings with their defaults.
     *
     * @since 0.1.0
     */
    public Consumer() {}

    /**
     * Returns the topics.
     *
     * @return the topics
     */
    public List<String> getTopics() {
      return topics;
    }

    /**
     * Sets the topics.
     *
     * @param topics the topics
     */
    public void setTopics(List<String> topics) {
      this.topics = topics;
    }

    /**
     * Returns the consumer group.
     *
     * @return the group, or null for the default
     */
    public @Nullable String getGroupId() {
      return groupId;
    }

    /**
     * Sets the consumer group.
     *
     * @param groupId the group
     */
    public void setGroupId(@Nullable String groupId) {
      this.groupId = groupId;
    }

    /**
     * Returns the dead-letter topic.
     *
     * @return the topic, or null
     */
    public @Nullable String getDeadLetterTopic() {
      return deadLetterTopic;
    }

    /**
     * Sets the dead-letter topic.
     *
     * @param deadLetterTopic the topic
     */
    public void setDeadLetterTopic(@Nullable String deadLetterTopic) {
      this.deadLetterTopic = deadLetterTopic;
    }

    /**
     * Returns the dispatch attempts.
     *
     * @return the attempts
     */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets the dispatch attempts.
     *
     * @param maxAttempts the attempts; checked when the consumer is built
     */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /**
     * Returns the retry backoff.
     *
     * @return the backoff
     */
    public Duration getRetryBackoff() {
      return retryBackoff;
    }

    /**
     * Sets the retry backoff.
     *
     * @param retryBackoff the backoff; checked when the consumer is built
     */
    public void setRetryBackoff(Duration retryBackoff) {
      this.retryBackoff = retryBackoff;
    }

    /**
     * Returns the poll timeout.
     *
     * @return the timeout
     */
    public Duration getPollTimeout() {
      return pollTimeout;
    }

    /**
     * Sets the poll timeout.
     *
     * @param pollTimeout the timeout; checked when the consumer is built
     */
    public void setPollTimeout(Duration pollTimeout) {
      this.pollTimeout = pollTimeout;
    }

    /**
     * Returns the close timeout.
     *
     * @return the timeout
     */
    public Duration getCloseTimeout() {
      return closeTimeout;
    }

    /**
     * Sets the close timeout.
     *
     * @param closeTimeout the timeout
     */
    public void setCloseTimeout(Duration closeTimeout) {
      this.closeTimeout = closeTimeout;
    }

    /**
     * Returns the consumer settings.
     *
     * @return the settings
     */
    public Map<String, String> getProperties() {
      return properties;
    }

    /**
     * Sets the consumer settings.
     *
     * @param properties the settings
     */
    public void setProperties(Map<String, String> properties) {
      this.properties = properties;
    }
  }
}
