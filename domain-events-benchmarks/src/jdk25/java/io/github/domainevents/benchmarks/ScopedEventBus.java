package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;

/**
 * The least a {@link ScopedValue} can do: the event itself is bound for the handler loop, one
 * binding per dispatch. No depth guard (the depth is not known without a frame), no correlation
 * scope, and the header is read through {@code event.header()}, an interface call. The price of
 * one binding and one {@code get()}, as a lower bound for any design built on scoped values.
 */
final class ScopedEventBus extends MiniBus {
  private static final ScopedValue<DomainEvent> CAUSE = ScopedValue.newInstance();

  @Override
  void dispatchTo(DomainEvent event, LevelHandler[] route) {
    ScopedValue.where(CAUSE, event).run(() -> runLoop(event, route));
  }

  @Override
  public void readCause(CauseSink sink) {
    EventHeader cause = CAUSE.get().header();
    sink.cause(cause.eventId(), cause.correlationId().orElse(cause.eventId()));
  }

  @Override
  public Runnable wrap(Runnable task) {
    DomainEvent captured = CAUSE.get();
    return () -> ScopedValue.where(CAUSE, captured).run(task);
  }
}
