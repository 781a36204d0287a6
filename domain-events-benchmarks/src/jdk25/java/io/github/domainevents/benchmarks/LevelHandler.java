package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;

/**
 * The handler of one level of a nested dispatch: it reads the ambient cause (as creating a
 * follow-up event would), then dispatches the next level's event, or, at the innermost level,
 * optionally runs a task in a captured copy of the context (as {@code EventContext.wrap} or an
 * asynchronous dispatch would).
 */
final class LevelHandler {
  private final ContextBus bus;
  private final DomainEvent next;
  private final boolean wrapInnermost;
  private final CauseSink sink;
  private final Runnable task;

  LevelHandler(ContextBus bus, DomainEvent next, boolean wrapInnermost, CauseSink sink) {
    this.bus = bus;
    this.next = next;
    this.wrapInnermost = wrapInnermost;
    this.sink = sink;
    this.task = () -> bus.readCause(sink);
  }

  void handle(DomainEvent event) {
    bus.readCause(sink);
    DomainEvent following = next;
    if (following != null) {
      bus.dispatch(following);
    } else if (wrapInnermost) {
      bus.wrap(task).run();
    }
  }
}
