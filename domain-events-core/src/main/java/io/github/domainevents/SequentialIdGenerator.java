package io.github.domainevents;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable ids for tests: a fixed high half and a counting low half. */
final class SequentialIdGenerator implements EventIdGenerator {
  private final long mostSignificant;
  private final AtomicLong leastSignificant;

  SequentialIdGenerator(UUID first) {
    this.mostSignificant = first.getMostSignificantBits();
    this.leastSignificant = new AtomicLong(first.getLeastSignificantBits());
  }

  @Override
  public UUID nextId() {
    return new UUID(mostSignificant, leastSignificant.getAndIncrement());
  }

  @Override
  public String toString() {
    return "EventIdGenerator.sequential(next=" + new UUID(mostSignificant, leastSignificant.get()) + ")";
  }
}
