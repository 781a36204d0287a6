package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;

/**
 * The handler every contender calls. It is this library's {@link DomainEventHandler} as is,
 * and is wrapped in whatever shape each peer requires (an annotated method, a listener class).
 * It receives the domain event itself, unwrapped from any envelope the contender puts around
 * it.
 */
@FunctionalInterface
interface Handler extends DomainEventHandler<DomainEvent> {
  @Override
  void handle(DomainEvent event);
}
