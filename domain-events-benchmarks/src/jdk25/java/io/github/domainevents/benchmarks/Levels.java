package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;

/** The events of {@link ScopedValueContextBenchmark}: one class per level of nesting. */
final class Levels {
  private Levels() {}

  /** Dispatched by the benchmark method. */
  record Level1(EventHeader header) implements DomainEvent {}

  /** Dispatched by the handler of {@link Level1} when the depth is 2 or more. */
  record Level2(EventHeader header) implements DomainEvent {}

  /** Dispatched by the handler of {@link Level2} when the depth is 3. */
  record Level3(EventHeader header) implements DomainEvent {}
}
