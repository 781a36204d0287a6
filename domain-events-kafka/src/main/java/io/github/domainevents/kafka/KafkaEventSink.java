package io.github.domainevents.kafka;

import io.github.domainevents.outbox.OutboxMessage;
import io.github.domainevents.outbox.OutboxSink;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * Publishes events to Kafka as CloudEvents, through the Kafka protocol binding: the outbox
 * relay's {@link OutboxSink}.
 *
 * <pre>{@code
 * KafkaEventSink sink = KafkaEventSink.builder(Map.of("bootstrap.servers", brokers),
 *         URI.create("/invites"))
 *     .topic("invites")
 *     .build();
 * }</pre>
 *
 * <p>Each event becomes one record: key = the aggregate id (so Kafka keeps one aggregate's events
 * in one partition, in order), value and headers as {@link KafkaEventHeaders} describes, in
 * {@link CloudEventsMode#BINARY binary mode} unless {@link Builder#mode structured mode} is
 * chosen. The correlation and causation ids travel as the {@code correlationid} and {@code
 * causationid} extensions, the metadata as the {@code metadata} extension, and the metadata's W3C
 * trace context also as {@code traceparent}/{@code tracestate} headers.
 *
 * <p><b>Delivery.</b> {@code publish} returns only once the broker has acknowledged the record
 * with {@code acks=all} from an idempotent producer (both are forced; a conflicting setting is
 * rejected), so a row the relay marks delivered is on every in-sync replica. When {@code publish}
 * throws (the broker refused the record, or gave no answer within {@link Builder#sendTimeout}),
 * the relay retries later; the record may still have been written, so consumers can see an event
 * more than once, as with every at-least-once relay: make handlers idempotent by event id.
 *
 * <p>Safe for concurrent use: the Kafka producer is shared by all threads. Close the sink to
 * close its producer.
 *
 * @since 0.1.0
 */
public final class KafkaEventSink implements OutboxSink, AutoCloseable {
  private final Producer<byte[], byte[]> producer;
  private final URI source;
  private final CloudEventsMode mode;
  private final Function<? super OutboxMessage, @Nullable String> topics;
  private final Duration sendTimeout;

  private KafkaEventSink(Builder builder, Producer<byte[], byte[]> producer) {
    this.producer = producer;
    this.source = builder.source;
    this.mode = builder.mode;
    this.topics = Objects.requireNonNull(builder.topics, "topics");
    this.sendTimeout = builder.sendTimeout;
  }

  /**
   * Returns a builder.
   *
   * @param producerProperties Kafka producer settings; {@code bootstrap.servers} is required.
   *     The serializers are set by the sink, {@code acks=all} and {@code enable.idempotence=true}
   *     are forced.
   * @param source the CloudEvents {@code source}: a URI reference naming this producer, such as
   *     {@code /invites}
   * @return a new builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code bootstrap.servers} is missing, {@code acks} is set
   *     to anything but {@code all} or {@code -1}, {@code enable.idempotence} is set to false, or
   *     {@code source} is empty
   */
  public static Builder builder(Map<String, ?> producerProperties, URI source) {
    return new Builder(producerProperties, source);
  }

  /**
   * Publishes one event and waits for the broker's acknowledgement.
   *
   * @param message the event, as the relay hands it over
   * @throws NullPointerException if {@code message} is null
   * @throws IllegalArgumentException if the payload or metadata is not a JSON object, or no topic
   *     is configured for the event
   * @throws TimeoutException if the broker did not acknowledge within the send timeout (the
   *     record may still be written)
   * @throws InterruptedException if the thread was interrupted while waiting (the interrupt flag
   *     is set again)
   * @throws Exception the producer's failure, if the broker refused the record
   */
  @Override
  public void publish(OutboxMessage message) throws Exception {
    Sent sent = send(message);
    await(sent, System.nanoTime() + sendTimeout.toNanos());
  }

  /**
   * Publishes several events: sends them all, then waits for every acknowledgement, so the
   * broker round trips overlap. One aggregate's events keep their order (same key, same
   * partition, idempotent producer).
   *
   * @param messages the events, in publishing order
   * @throws NullPointerException if {@code messages} or one of them is null
   * @throws Exception as {@link #publish}, for the first event that failed; the relay then
   *     publishes the batch again one by one
   */
  @Override
  public void publishAll(List<OutboxMessage> messages) throws Exception {
    Objects.requireNonNull(messages, "messages must not be null");
    List<Sent> sent = new ArrayList<>(messages.size());
    for (OutboxMessage message : messages) {
      sent.add(send(message));
    }
    long deadline = System.nanoTime() + sendTimeout.toNanos();
    for (Sent one : sent) {
      await(one, deadline);
    }
  }

  private Sent send(OutboxMessage message) {
    Objects.requireNonNull(message, "message must not be null");
    String topic = topics.apply(message);
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException(
          "no Kafka topic for event type '" + message.eventType() + "' (event "
              + message.eventId() + ")");
    }
    CloudEventRecords.Encoded encoded = CloudEventRecords.encode(message, source, mode);
    byte[] key = message.aggregateId().getBytes(StandardCharsets.UTF_8);
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, null, key, encoded.value(), encoded.headers());
    return new Sent(message, topic, producer.send(record));
  }

  private void await(Sent sent, long deadline) throws Exception {
    OutboxMessage message = sent.message();
    try {
      sent.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof Exception failure) {
        failure.addSuppressed(new IllegalStateException(
            "publishing event " + message.eventId() + " (" + message.eventType() + ") to topic '"
                + sent.topic() + "' failed"));
        throw failure;
      }
      throw e;
    } catch (TimeoutException e) {
      TimeoutException timeout = new TimeoutException(
          "Kafka did not acknowledge event " + message.eventId() + " (" + message.eventType()
              + ") on topic '" + sent.topic() + "' within " + sendTimeout
              + "; it may still be written, so it may be delivered twice");
      timeout.initCause(e);
      throw timeout;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  /** A record handed to the producer, and its acknowledgement to come. */
  private record Sent(OutboxMessage message, String topic, Future<RecordMetadata> ack) {}

  /**
   * Closes the producer, waiting up to the send timeout for records in flight.
   */
  @Override
  public void close() {
    producer.close(sendTimeout);
  }

  @Override
  public String toString() {
    return "KafkaEventSink{source=" + source + ", mode=" + mode + "}";
  }

  /**
   * Configures a {@link KafkaEventSink}. Not safe for concurrent use.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, Object> properties;
    private final URI source;
    private CloudEventsMode mode = CloudEventsMode.BINARY;
    private Function<? super OutboxMessage, @Nullable String> topics;
    private Duration sendTimeout = Duration.ofSeconds(30);
    private boolean topicSet;

    private Builder(Map<String, ?> producerProperties, URI source) {
      Objects.requireNonNull(producerProperties, "producerProperties must not be null");
      Objects.requireNonNull(source, "source must not be null");
      if (source.toString().isEmpty()) {
        throw new IllegalArgumentException("source must not be empty");
      }
      this.properties = KafkaSettings.producer(producerProperties);
      this.source = source;
      this.topics = message -> null;
    }

    /**
     * Publishes every event to one topic.
     *
     * @param topic the topic name
     * @return this builder
     * @throws NullPointerException if {@code topic} is null
     * @throws IllegalArgumentException if {@code topic} is blank
     */
    public Builder topic(String topic) {
      String name = KafkaSettings.requireTopic(topic, "topic");
      this.topics = message -> name;
      this.topicSet = true;
      return this;
    }

    /**
     * Chooses the topic per event type name ({@code @EventType}); the function is called for
     * every event and may be called concurrently.
     *
     * @param topicForType returns the topic for a type name; returning null or a blank name makes
     *     {@code publish} fail for that event (the relay retries it and in the end marks it dead)
     * @return this builder
     * @throws NullPointerException if {@code topicForType} is null
     */
    public Builder topicPerType(Function<? super String, @Nullable String> topicForType) {
      Objects.requireNonNull(topicForType, "topicForType must not be null");
      this.topics = message -> topicForType.apply(message.eventType());
      this.topicSet = true;
      return this;
    }

    /**
     * Chooses the topic per message, for example from its {@link OutboxMessage#aggregateType()}
     * as Debezium's outbox router does; the function is called for every event and may be called
     * concurrently.
     *
     * @param topicForMessage returns the topic for a message; returning null or a blank name makes
     *     {@code publish} fail for that event (the relay retries it and in the end marks it dead)
     * @return this builder
     * @throws NullPointerException if {@code topicForMessage} is null
     */
    public Builder topicPerMessage(Function<? super OutboxMessage, @Nullable String> topicForMessage) {
      this.topics = Objects.requireNonNull(topicForMessage, "topicForMessage must not be null");
      this.topicSet = true;
      return this;
    }

    /**
     * Sets the layout of the records; {@link CloudEventsMode#BINARY} by default.
     *
     * @param mode the mode
     * @return this builder
     * @throws NullPointerException if {@code mode} is null
     */
    public Builder mode(CloudEventsMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode must not be null");
      return this;
    }

    /**
     * Sets how long {@code publish} waits for the broker's acknowledgement, and {@code close}
     * for records in flight; 30 seconds by default. The producer's own timeouts ({@code
     * delivery.timeout.ms}) still apply to the record: a record not acknowledged within this
     * timeout may be written later.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder sendTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout must not be null");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("sendTimeout must be positive, was " + timeout);
      }
      this.sendTimeout = timeout;
      return this;
    }

    /**
     * Creates the Kafka producer and returns the sink.
     *
     * @return a new sink; close it when done
     * @throws IllegalStateException if no topic was configured
     * @throws org.apache.kafka.common.KafkaException if Kafka cannot create the producer
     */
    public KafkaEventSink build() {
      if (!topicSet) {
        throw new IllegalStateException(
            "no topic configured: call topic(name) or topicPerType(function)");
      }
      Map<String, Object> settings = new HashMap<>(properties);
      settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      Producer<byte[], byte[]> producer = new KafkaProducer<>(settings);
      return new KafkaEventSink(this, producer);
    }

    @Override
    public String toString() {
      return "KafkaEventSink.Builder{source=" + source + ", mode=" + mode.name().toLowerCase(
          Locale.ROOT) + "}";
    }
  }
}
