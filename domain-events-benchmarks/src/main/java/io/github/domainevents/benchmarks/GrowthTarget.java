package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.InProcessEventDispatcher;

/**
 * The dispatchers the growth benchmarks compare, registering by class (any event class, not
 * only the scenario events {@link Bus} knows): this library and the reference floor.
 */
public enum GrowthTarget {
  /** This library's dispatcher, no-op dead-event handler. */
  DOMAIN_EVENTS,
  /** {@link ReferenceDispatcher}. */
  REFERENCE;

  /** A dispatcher that registers by class. */
  interface Dispatch {
    void register(Class<? extends DomainEvent> type, Handler handler);

    void dispatch(DomainEvent event);
  }

  Dispatch create() {
    return switch (this) {
      case DOMAIN_EVENTS -> {
        InProcessEventDispatcher dispatcher =
            InProcessEventDispatcher.builder().deadEventHandler(event -> {}).build();
        yield new Dispatch() {
          @Override
          public void register(
              Class<? extends DomainEvent> type, Handler handler) {
            dispatcher.register(type, handler);
          }

          @Override
          public void dispatch(DomainEvent event) {
            dispatcher.dispatch(event);
          }
        };
      }
      case REFERENCE -> {
        ReferenceDispatcher dispatcher = new ReferenceDispatcher(event -> {});
        yield new Dispatch() {
          @Override
          public void register(
              Class<? extends DomainEvent> type, Handler handler) {
            dispatcher.register(type, handler);
          }

          @Override
          public void dispatch(DomainEvent event) {
            dispatcher.dispatch(event);
          }
        };
      }
    };
  }
}
