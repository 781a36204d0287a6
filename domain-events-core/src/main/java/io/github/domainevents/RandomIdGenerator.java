package io.github.domainevents;

import java.util.UUID;

/** Version-4 random ids, as the seed package makes them. */
enum RandomIdGenerator implements EventIdGenerator {
  INSTANCE;

  @Override
  public UUID nextId() {
    return UUID.randomUUID();
  }

  @Override
  public String toString() {
    return "EventIdGenerator.random()";
  }
}
