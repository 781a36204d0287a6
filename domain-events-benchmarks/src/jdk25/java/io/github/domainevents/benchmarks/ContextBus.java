package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;

/**
 * A synchronous dispatcher of {@link ScopedValueContextBenchmark}, with one way of carrying the
 * ambient cause (the event being handled) to code running inside a handler. Registration is for
 * set-up only; dispatch may run on any thread.
 */
interface ContextBus {
  /** Registers {@code handler} for events of exactly {@code type}; set-up only. */
  void register(Class<? extends DomainEvent> type, LevelHandler handler);

  /** Runs the handlers of {@code event} on this thread, with {@code event} as the cause. */
  void dispatch(DomainEvent event);

  /**
   * What {@code EventHeader.create()} reads inside a handler: the causation id (the cause's id)
   * and the correlation id (an open correlation scope's, else the cause's correlation, else the
   * cause's id), both handed to {@code sink}.
   */
  void readCause(CauseSink sink);

  /** Captures the ambient context now, for {@code task} to run in it later (on any thread). */
  Runnable wrap(Runnable task);
}
