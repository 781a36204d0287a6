package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;

/**
 * The baseline: this library's {@link InProcessEventDispatcher} (dead events to a no-op, as the
 * {@code DOMAIN_EVENTS} contender), the cause read through the public {@link EventContext}, and
 * captured work through {@link EventContext#wrap(Runnable)}.
 */
final class RealDispatcherBus implements ContextBus {
  private final InProcessEventDispatcher dispatcher =
      InProcessEventDispatcher.builder().deadEventHandler(event -> {}).build();

  @Override
  public void register(Class<? extends DomainEvent> type, LevelHandler handler) {
    dispatcher.register(type, handler::handle);
  }

  @Override
  public void dispatch(DomainEvent event) {
    dispatcher.dispatch(event);
  }

  @Override
  public void readCause(CauseSink sink) {
    EventHeader cause = EventContext.currentCause().orElseThrow().header();
    sink.cause(cause.eventId(), EventContext.correlationId().orElseThrow());
  }

  @Override
  public Runnable wrap(Runnable task) {
    return EventContext.wrap(task);
  }
}
