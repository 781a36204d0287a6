package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import org.openjdk.jmh.infra.Blackhole;

/** The floor: the same loop with no ambient context at all (nothing to read, nothing to wrap). */
final class NoContextBus extends MiniBus {
  @Override
  void dispatchTo(DomainEvent event, LevelHandler[] route) {
    runLoop(event, route);
  }

  @Override
  public void readCause(Blackhole blackhole) {}

  @Override
  public Runnable wrap(Runnable task) {
    return task;
  }
}
