package io.github.domainevents.benchmarks;

/** What a handler is registered for. */
enum Topic {
  /** The exact class {@code OrderPlaced} (or the contender's equivalent). */
  ORDER_PLACED,
  /** The interface {@code OrderEvent}, which {@code OrderPlaced} implements. */
  ORDER_EVENT,
  /** The exact class {@code OrderConfirmed}, the follow-up of scenario 5. */
  ORDER_CONFIRMED
}
