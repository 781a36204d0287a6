package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;

/**
 * The one adapter every contender implements, so that each scenario is written once.
 *
 * <p>Life cycle: {@link #subscribe} the scenario's handlers, {@link #start()} once, then
 * {@link #publish} from any number of threads. Some contenders can only take handlers before
 * they start (Spring's context is refreshed in {@code start()}, Axon's processor is built
 * there), so every scenario subscribes first.
 */
interface Bus {

  /** Registers {@code handler} for the events {@code topic} names. Before {@link #start()}. */
  void subscribe(Topic topic, Handler handler);

  /** Finishes the set-up; after it, {@link #publish} may be called from any thread. */
  default void start() {}

  /**
   * Makes the object this contender publishes for an event of {@code kind} with {@code
   * header}: the plain record for most contenders, an {@code ApplicationEvent} subclass for
   * Spring's event path, the record inside an {@code EventMessage} for Axon.
   */
  default Object newEvent(Kind kind, EventHeader header) {
    return kind.record(header);
  }

  /** Publishes an object made by {@link #newEvent} to its handlers, synchronously. */
  void publish(Object event);

  /**
   * Whether events created while a handler runs get causation and correlation by themselves.
   * Only this library's dispatcher does; for the others, scenario 5's handler fills them in by
   * hand, so that every contender produces the same follow-up event.
   */
  default boolean tracesCausation() {
    return false;
  }

  /** Releases threads or contexts the contender holds. */
  default void close() {}

  /** Returns the domain event inside {@code published}, for checks. */
  default DomainEvent unwrap(Object published) {
    return (DomainEvent) published;
  }
}
