package io.github.domainevents.spring.boot;

import io.github.domainevents.kafka.KafkaEventConsumer;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the Kafka event consumer when the context has started (every handler is registered by
 * then) and closes it when the context stops, before the dispatcher closes: the record being
 * dispatched finishes and is committed, within {@code domain-events.kafka.consumer.close-timeout}.
 * A stopped consumer cannot be started again (a Kafka consumer that left its group is closed), so
 * restarting a stopped context fails with an {@link IllegalStateException}.
 */
final class KafkaConsumerLifecycle implements SmartLifecycle {
  private final KafkaEventConsumer consumer;
  private final Duration closeTimeout;
  private volatile boolean running;

  KafkaConsumerLifecycle(KafkaEventConsumer consumer, Duration closeTimeout) {
    this.consumer = consumer;
    this.closeTimeout = closeTimeout;
  }

  @Override
  public void start() {
    consumer.start();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    consumer.close(closeTimeout);
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
