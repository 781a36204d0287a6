/**
 * Domain events over Kafka: CloudEvents through the Kafka protocol binding, with the causal ids
 * and the W3C trace context carried, so an event tree continues across services.
 *
 * <ul>
 *   <li>{@link io.github.domainevents.kafka.KafkaEventSink}: the outbox relay's sink; writes each
 *       event as one record (key = aggregate id) and returns once the broker acknowledged it.
 *   <li>{@link io.github.domainevents.kafka.KafkaEventConsumer}: reads such records (binary and
 *       structured mode, from any CloudEvents producer), resolves types through an {@code
 *       EventTypeRegistry}, dispatches them in-process and commits offsets afterwards.
 *   <li>{@link io.github.domainevents.kafka.DeadLetterHandler} and {@link
 *       io.github.domainevents.kafka.DeadLetterTopic}: where records go that cannot be delivered.
 * </ul>
 *
 * <p><b>Delivery is at least once</b>, end to end: the relay retries until the broker
 * acknowledged, the consumer commits only after the dispatch. An event can therefore arrive more
 * than once (after a crash, a timeout or a rebalance); handlers that must not repeat their effect
 * should be idempotent by event id. <b>Order</b> holds per aggregate: one aggregate's events share
 * a key, hence a partition, and the consumer handles a partition's records one after the other,
 * retrying a failing one before moving on.
 *
 * <p>This module does not parse JSON itself beyond splitting a CloudEvent into attributes and
 * data: events are read by the JSON codec the application chooses ({@code domain-events-jackson}
 * or {@code domain-events-jackson2}), passed in as a {@link
 * io.github.domainevents.kafka.CloudEventJsonReader}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.domainevents.kafka;

import org.jspecify.annotations.NullMarked;
