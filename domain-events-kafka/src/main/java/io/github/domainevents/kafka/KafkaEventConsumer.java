package io.github.domainevents.kafka;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventDispatcher;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.wire.UnknownEventTypeException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads CloudEvents from Kafka and dispatches them in-process, so an event tree continues across
 * services.
 *
 * <pre>{@code
 * KafkaEventConsumer consumer = KafkaEventConsumer.builder(
 *         Map.of("bootstrap.servers", brokers, "group.id", "mailer"),
 *         registry, json::fromCloudEvent, dispatcher)
 *     .topics("invites")
 *     .deadLetters(DeadLetterTopic.create(Map.of("bootstrap.servers", brokers), "invites.dead"))
 *     .build();
 * consumer.start();   // one background thread
 * ...
 * consumer.close();
 * }</pre>
 *
 * <p><b>Reading.</b> Records in both {@link CloudEventsMode modes} are read. The type is looked
 * up in the {@link EventTypeRegistry}, the allow-list: a type not registered there is never
 * resolved any other way (no class is loaded by name) and the record goes to the {@link
 * DeadLetterHandler} as {@link DeadLetter.Reason#UNKNOWN_TYPE}; a record that is not a readable
 * CloudEvent goes there as {@link DeadLetter.Reason#UNREADABLE}. W3C trace context in {@code
 * traceparent}/{@code tracestate} (the CloudEvents tracing extension or the record headers) is put
 * into the event's metadata, unless the event already carries its own there.
 *
 * <p><b>Dispatch with the causal ids restored.</b> The event keeps the header it was written with
 * (id, time, correlation id, causation id, metadata). It is dispatched inside a correlation scope
 * of its correlation id (its own id when it has none), whatever context the consumer thread has,
 * so a follow-up event created by a handler gets the producer's correlation id and the consumed
 * event as its cause, exactly as if the handler had run in the producing service.
 *
 * <p><b>At least once.</b> A record's offset is committed only after its dispatch returned (or
 * the dead-letter handler took it). If the dispatch throws, the partition is rewound to the
 * record and paused for {@link Builder#retryBackoff}, then the record is dispatched again, up to
 * {@link Builder#maxAttempts} times; then it goes to the dead letters as {@link
 * DeadLetter.Reason#HANDLER_FAILED} and the partition moves on. Records after it in the same
 * partition wait, so one aggregate's events are handled in order. A crash or a rebalance between
 * a dispatch and its commit redelivers the record, and a redelivered record runs every handler
 * again (including those that succeeded before another failed): <b>handlers must be idempotent
 * by event id</b>, for example through the outbox module's idempotency store.
 *
 * <p><b>Threads.</b> All work happens on the consumer's own thread: handlers run there, one
 * record at a time. {@link #start()} and {@link #close()} may be called from any thread. A fatal
 * Kafka error (authorization, for example) stops the thread; it is logged at {@code ERROR}
 * through {@link System.Logger} and {@link #isRunning()} turns false.
 *
 * @since 0.1.0
 */
public final class KafkaEventConsumer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(KafkaEventConsumer.class.getName());

  private final Consumer<byte[], byte[]> consumer;
  private final List<String> topics;
  private final EventTypeRegistry registry;
  private final CloudEventJsonReader reader;
  private final EventDispatcher dispatcher;
  private final DeadLetterHandler deadLetters;
  private final int maxAttempts;
  private final long backoffNanos;
  private final Duration pollTimeout;
  private final String threadName;

  /** The record each paused partition waits to retry, with its attempts so far. */
  private final Map<TopicPartition, Retry> retries = new HashMap<>();

  private final Object lifecycle = new Object();
  private @Nullable Thread thread;
  private volatile boolean running;
  private boolean closed;

  private KafkaEventConsumer(Builder builder) {
    this.topics = List.copyOf(builder.topics);
    this.registry = builder.registry;
    this.reader = builder.reader;
    this.dispatcher = builder.dispatcher;
    this.deadLetters = Objects.requireNonNull(builder.deadLetters, "deadLetters");
    this.maxAttempts = builder.maxAttempts;
    this.backoffNanos = builder.retryBackoff.toNanos();
    this.pollTimeout = builder.pollTimeout;
    this.threadName = builder.threadName;
    Map<String, Object> settings = new HashMap<>(builder.properties);
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    this.consumer = new KafkaConsumer<>(settings);
  }

  /**
   * Returns a builder.
   *
   * @param consumerProperties Kafka consumer settings; {@code bootstrap.servers} and {@code
   *     group.id} are required; deserializers are set here and automatic commits are turned off
   * @param registry the event types that may be read: the allow-list
   * @param reader the JSON codec's CloudEvents reader, built with the same registry, such as
   *     {@code EventJson::fromCloudEvent}
   * @param dispatcher where the events are dispatched
   * @return a new builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code bootstrap.servers} or {@code group.id} is missing,
   *     or {@code enable.auto.commit} is set to true
   */
  public static Builder builder(
      Map<String, ?> consumerProperties,
      EventTypeRegistry registry,
      CloudEventJsonReader reader,
      EventDispatcher dispatcher) {
    return new Builder(consumerProperties, registry, reader, dispatcher);
  }

  /**
   * Subscribes to the topics and starts the consumer's thread.
   *
   * @throws IllegalStateException if the consumer was started or closed before
   */
  public void start() {
    synchronized (lifecycle) {
      if (closed || thread != null) {
        throw new IllegalStateException(
            closed ? "the consumer is closed" : "the consumer was already started");
      }
      running = true;
      Thread worker = new Thread(this::run, threadName);
      worker.setDaemon(true);
      thread = worker;
      worker.start();
    }
  }

  /**
   * Returns whether the consumer's thread is polling.
   *
   * @return true between {@link #start()} and {@link #close()}, unless a fatal error stopped it
   */
  public boolean isRunning() {
    Thread worker;
    synchronized (lifecycle) {
      worker = thread;
    }
    return running && worker != null && worker.isAlive();
  }

  /**
   * Stops the consumer, waiting up to 30 seconds for the record in hand to finish.
   *
   * @see #close(Duration)
   */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /**
   * Stops the consumer: the record being dispatched finishes and is committed, no further record
   * is started, and the Kafka consumer is closed (leaving its group). Records read but not
   * dispatched are redelivered to the group later. Closing again does nothing.
   *
   * @param timeout how long to wait for the consumer's thread
   * @return true if the thread ended within the timeout
   * @throws NullPointerException if {@code timeout} is null
   */
  public boolean close(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout must not be null");
    Thread worker;
    synchronized (lifecycle) {
      if (closed) {
        return true;
      }
      closed = true;
      running = false;
      worker = thread;
      if (worker == null) {
        consumer.close(CloseOptions.timeout(timeout));
        return true;
      }
    }
    consumer.wakeup();
    if (worker == Thread.currentThread()) {
      return false;
    }
    try {
      worker.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !worker.isAlive();
  }

  private void run() {
    try {
      consumer.subscribe(topics, new Rebalance());
      while (running) {
        resumeDuePartitions();
        ConsumerRecords<byte[], byte[]> records;
        try {
          records = consumer.poll(pollTimeout);
        } catch (RetriableException e) {
          LOG.log(System.Logger.Level.WARNING, "polling Kafka failed; retrying", e);
          continue;
        }
        handle(records);
      }
    } catch (WakeupException e) {
      // close() was called
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.ERROR,
          "the Kafka event consumer of " + topics + " stopped: " + e, e);
      throw e;
    } finally {
      running = false;
      try {
        consumer.close();
      } catch (KafkaException e) {
        LOG.log(System.Logger.Level.WARNING, "closing the Kafka consumer failed", e);
      }
    }
  }

  private void handle(ConsumerRecords<byte[], byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
        if (!running) {
          break;
        }
        if (process(partition, record)) {
          done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        } else {
          consumer.seek(partition, record.offset());
          consumer.pause(List.of(partition));
          break;
        }
      }
    }
    if (!done.isEmpty()) {
      commit(done);
    }
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      consumer.commitSync(offsets);
    } catch (WakeupException e) {
      consumer.commitSync(offsets);
      throw e;
    } catch (KafkaException e) {
      if (e instanceof org.apache.kafka.common.errors.AuthorizationException) {
        throw e;
      }
      LOG.log(System.Logger.Level.WARNING,
          "committing offsets " + offsets + " failed; those records will be redelivered", e);
    }
  }

  /** Delivers one record; returns false if it must be retried later. */
  private boolean process(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
    Incoming incoming;
    try {
      incoming = CloudEventRecords.decode(record.value(), record.headers());
    } catch (RuntimeException e) {
      return deadLetter(partition, record, DeadLetter.Reason.UNREADABLE, null, null, e, 0);
    }
    try {
      registry.classOf(incoming.type()); // the allow-list, before the codec sees the record
    } catch (UnknownEventTypeException e) {
      return deadLetter(partition, record, DeadLetter.Reason.UNKNOWN_TYPE, incoming.type(), null,
          e, 0);
    }
    DomainEvent event;
    try {
      event = Objects.requireNonNull(
          reader.fromCloudEvent(incoming.cloudEventJson()), "the reader returned null");
    } catch (UnknownEventTypeException e) {
      return deadLetter(partition, record, DeadLetter.Reason.UNKNOWN_TYPE, incoming.type(), null,
          e, 0);
    } catch (RuntimeException e) {
      return deadLetter(partition, record, DeadLetter.Reason.UNREADABLE, incoming.type(), null,
          e, 0);
    }
    Retry retry = retries.get(partition);
    int attempt = retry != null && retry.offset == record.offset() ? retry.attempts + 1 : 1;
    try {
      EventContext.Scope scope =
          EventContext.openCorrelation(event.correlationId().orElse(event.eventId()));
      try {
        dispatcher.dispatch(event);
      } finally {
        scope.close();
      }
    } catch (RuntimeException | LinkageError | AssertionError e) {
      if (attempt < maxAttempts) {
        LOG.log(System.Logger.Level.WARNING,
            "dispatching " + describe(event, record) + " failed (attempt " + attempt + " of "
                + maxAttempts + "); it will be redelivered", e);
        retries.put(partition, new Retry(record.offset(), attempt, System.nanoTime()
            + backoffNanos));
        return false;
      }
      return deadLetter(partition, record, DeadLetter.Reason.HANDLER_FAILED, incoming.type(),
          event, e, attempt);
    }
    retries.remove(partition);
    return true;
  }

  private boolean deadLetter(
      TopicPartition partition,
      ConsumerRecord<byte[], byte[]> record,
      DeadLetter.Reason reason,
      @Nullable String type,
      @Nullable DomainEvent event,
      Throwable failure,
      int attempts) {
    DeadLetter letter = new DeadLetter(reason, record.topic(), record.partition(),
        record.offset(), record.key(), record.value(), record.headers(), type, event, failure,
        attempts);
    try {
      deadLetters.handle(letter);
    } catch (Exception | LinkageError | AssertionError e) {
      e.addSuppressed(failure);
      LOG.log(System.Logger.Level.ERROR,
          "the dead-letter handler refused " + letter + "; the record will be offered again", e);
      Retry retry = retries.get(partition);
      int previous = retry != null && retry.offset == record.offset() ? retry.attempts : attempts;
      retries.put(partition, new Retry(record.offset(), previous, System.nanoTime()
          + backoffNanos));
      return false;
    }
    retries.remove(partition);
    return true;
  }

  private static String describe(DomainEvent event, ConsumerRecord<?, ?> record) {
    return event.eventType() + " " + event.eventId() + " (" + record.topic() + "-"
        + record.partition() + "@" + record.offset() + ")";
  }

  private void resumeDuePartitions() {
    if (retries.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    for (Iterator<Map.Entry<TopicPartition, Retry>> it = retries.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<TopicPartition, Retry> entry = it.next();
      Retry retry = entry.getValue();
      if (!retry.resumed && now - retry.resumeAt >= 0) {
        consumer.resume(List.of(entry.getKey()));
        entry.setValue(new Retry(retry.offset, retry.attempts, retry.resumeAt, true));
      }
    }
  }

  @Override
  public String toString() {
    return "KafkaEventConsumer{topics=" + topics + ", running=" + running + "}";
  }

  /** A partition paused until {@code resumeAt}, to retry the record at {@code offset}. */
  private record Retry(long offset, int attempts, long resumeAt, boolean resumed) {
    Retry(long offset, int attempts, long resumeAt) {
      this(offset, attempts, resumeAt, false);
    }
  }

  /** Forgets the retry state of partitions this consumer no longer owns. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      partitions.forEach(retries::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      partitions.forEach(retries::remove);
    }
  }

  /**
   * Configures a {@link KafkaEventConsumer}. Not safe for concurrent use.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, Object> properties;
    private final EventTypeRegistry registry;
    private final CloudEventJsonReader reader;
    private final EventDispatcher dispatcher;
    private List<String> topics = List.of();
    private @Nullable DeadLetterHandler deadLetters;
    private int maxAttempts = 3;
    private Duration retryBackoff = Duration.ofSeconds(1);
    private Duration pollTimeout = Duration.ofMillis(200);
    private String threadName = "domain-events-kafka-consumer";

    private Builder(
        Map<String, ?> properties,
        EventTypeRegistry registry,
        CloudEventJsonReader reader,
        EventDispatcher dispatcher) {
      this.properties = KafkaSettings.consumer(properties);
      this.registry = Objects.requireNonNull(registry, "registry must not be null");
      this.reader = Objects.requireNonNull(reader, "reader must not be null");
      this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher must not be null");
    }

    /**
     * Sets the topics to subscribe to.
     *
     * @param topics one or more topic names
     * @return this builder
     * @throws NullPointerException if {@code topics} or one of them is null
     * @throws IllegalArgumentException if no topic is given or one is blank
     */
    public Builder topics(String... topics) {
      Objects.requireNonNull(topics, "topics must not be null");
      if (topics.length == 0) {
        throw new IllegalArgumentException("topics must name at least one topic");
      }
      for (String topic : topics) {
        KafkaSettings.requireTopic(topic, "topics[i]");
      }
      this.topics = List.of(topics);
      return this;
    }

    /**
     * Sets where records go that cannot be delivered. Required: there is no default, so that no
     * record is ever dropped without the application having said where it goes.
     *
     * @param handler the dead-letter handler, such as a {@link DeadLetterTopic}
     * @return this builder
     * @throws NullPointerException if {@code handler} is null
     */
    public Builder deadLetters(DeadLetterHandler handler) {
      this.deadLetters = Objects.requireNonNull(handler, "handler must not be null");
      return this;
    }

    /**
     * Sets how many times an event is dispatched before it goes to the dead letters as {@link
     * DeadLetter.Reason#HANDLER_FAILED}; 3 by default.
     *
     * @param attempts at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code attempts} is less than 1
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Sets how long a partition pauses after a failed dispatch (or a refused dead letter) before
     * the record is tried again; 1 second by default.
     *
     * @param backoff zero or positive
     * @return this builder
     * @throws NullPointerException if {@code backoff} is null
     * @throws IllegalArgumentException if {@code backoff} is negative
     */
    public Builder retryBackoff(Duration backoff) {
      Objects.requireNonNull(backoff, "backoff must not be null");
      if (backoff.isNegative()) {
        throw new IllegalArgumentException("retryBackoff must not be negative, was " + backoff);
      }
      this.retryBackoff = backoff;
      return this;
    }

    /**
     * Sets how long one poll waits for records; 200 milliseconds by default. It bounds how late
     * a paused partition resumes.
     *
     * @param timeout positive
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder pollTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout must not be null");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("pollTimeout must be positive, was " + timeout);
      }
      this.pollTimeout = timeout;
      return this;
    }

    /**
     * Sets the name of the consumer's thread; {@code domain-events-kafka-consumer} by default.
     *
     * @param name the thread name
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     */
    public Builder threadName(String name) {
      this.threadName = Objects.requireNonNull(name, "name must not be null");
      return this;
    }

    /**
     * Creates the Kafka consumer and returns the (not yet started) event consumer.
     *
     * @return the consumer; call {@link KafkaEventConsumer#start()}
     * @throws IllegalStateException if no topics or no dead-letter handler were set
     * @throws KafkaException if Kafka cannot create the consumer
     */
    public KafkaEventConsumer build() {
      if (topics.isEmpty()) {
        throw new IllegalStateException("no topics configured: call topics(..)");
      }
      if (deadLetters == null) {
        throw new IllegalStateException(
            "no dead-letter handler configured: call deadLetters(..), for example with a"
                + " DeadLetterTopic; records that cannot be delivered must go somewhere");
      }
      return new KafkaEventConsumer(this);
    }
  }
}
