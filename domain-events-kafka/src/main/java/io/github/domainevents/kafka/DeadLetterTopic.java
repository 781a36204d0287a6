package io.github.domainevents.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A {@link DeadLetterHandler} that writes each dead letter to a Kafka topic: the original key,
 * value and headers unchanged, plus headers saying where it came from and why ({@value
 * #REASON}, {@value #ERROR}, {@value #SOURCE_TOPIC}, {@value #SOURCE_PARTITION}, {@value
 * #SOURCE_OFFSET}). It waits for the broker's acknowledgement ({@code acks=all}, idempotent
 * producer) before returning, so the consumer commits the original only once the copy is safe.
 *
 * <p>Safe for concurrent use. Close it to close its producer.
 *
 * @since 0.1.0
 */
public final class DeadLetterTopic implements DeadLetterHandler, AutoCloseable {
  /** Header: the {@link DeadLetter.Reason} name. */
  public static final String REASON = "dead_letter_reason";

  /** Header: the failure's class and message. */
  public static final String ERROR = "dead_letter_error";

  /** Header: the topic the record was read from. */
  public static final String SOURCE_TOPIC = "dead_letter_topic";

  /** Header: the partition the record was read from, in decimal. */
  public static final String SOURCE_PARTITION = "dead_letter_partition";

  /** Header: the offset of the record, in decimal. */
  public static final String SOURCE_OFFSET = "dead_letter_offset";

  private static final int MAX_ERROR_LENGTH = 2000;

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final Duration timeout;

  private DeadLetterTopic(Producer<byte[], byte[]> producer, String topic, Duration timeout) {
    this.producer = producer;
    this.topic = topic;
    this.timeout = timeout;
  }

  /**
   * Creates a dead-letter topic writer with its own producer; {@code handle} waits up to 30
   * seconds for each acknowledgement.
   *
   * @param producerProperties Kafka producer settings; {@code bootstrap.servers} is required,
   *     serializers are set here, {@code acks=all} and idempotence are forced
   * @param topic the dead-letter topic
   * @return the handler; close it when done
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code bootstrap.servers} is missing, {@code acks} or
   *     {@code enable.idempotence} conflict, or {@code topic} is blank
   */
  public static DeadLetterTopic create(Map<String, ?> producerProperties, String topic) {
    Map<String, Object> settings = new HashMap<>(KafkaSettings.producer(producerProperties));
    String name = KafkaSettings.requireTopic(topic, "topic");
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new DeadLetterTopic(new KafkaProducer<>(settings), name, Duration.ofSeconds(30));
  }

  /**
   * Writes the dead letter to the topic and waits for the acknowledgement.
   *
   * @param letter the dead letter
   * @throws Exception if the broker refused the record or did not acknowledge it in time (the
   *     consumer offers the letter again later)
   */
  @Override
  public void handle(DeadLetter letter) throws Exception {
    Objects.requireNonNull(letter, "letter must not be null");
    RecordHeaders headers = new RecordHeaders();
    for (Header header : letter.headers()) {
      headers.add(header);
    }
    add(headers, REASON, letter.reason().name());
    String error = letter.failure().toString();
    add(headers, ERROR, error.length() <= MAX_ERROR_LENGTH
        ? error : error.substring(0, MAX_ERROR_LENGTH - 3) + "...");
    add(headers, SOURCE_TOPIC, letter.topic());
    add(headers, SOURCE_PARTITION, Integer.toString(letter.partition()));
    add(headers, SOURCE_OFFSET, Long.toString(letter.offset()));
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
        topic, null, letter.key().orElse(null), letter.value().orElse(null), headers);
    try {
      producer.send(record).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof Exception failure ? failure : e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  private static void add(RecordHeaders headers, String key, String value) {
    headers.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8)));
  }

  /** Closes the producer, waiting up to 30 seconds for records in flight. */
  @Override
  public void close() {
    producer.close(timeout);
  }

  @Override
  public String toString() {
    return "DeadLetterTopic{" + topic + "}";
  }
}
