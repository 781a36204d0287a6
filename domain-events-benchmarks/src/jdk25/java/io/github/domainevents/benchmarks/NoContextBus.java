package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;

/** The floor: the same loop with no ambient context at all (nothing to read, nothing to wrap). */
final class NoContextBus extends MiniBus {
  @Override
  void dispatchTo(DomainEvent event, LevelHandler[] route) {
    runLoop(event, route);
  }

  @Override
  public void readCause(CauseSink sink) {}

  @Override
  public Runnable wrap(Runnable task) {
    return task;
  }
}
