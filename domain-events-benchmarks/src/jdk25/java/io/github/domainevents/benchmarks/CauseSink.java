package io.github.domainevents.benchmarks;

import java.util.UUID;

/** Receives what a handler read from the ambient context: a black hole, or a test's list. */
@FunctionalInterface
interface CauseSink {
  /**
   * Takes the causation and correlation ids a follow-up event created now would get (null when
   * there is no cause).
   */
  void cause(UUID causationId, UUID correlationId);
}
