package io.github.domainevents.benchmarks;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The terminal handlers: each consumes the event into a JMH {@link Blackhole}. They are five
 * different classes (one lambda site each), as five handlers in an application would be, so a
 * dispatch loop calling them sees a megamorphic call site, not one it can inline.
 *
 * <p>On JDK 17+ JMH uses compiler blackholes, which write no memory, so one blackhole can be
 * shared by the threads of scenario 6 without adding a shared write.
 */
final class Sinks {
  private Sinks() {}

  static Handler[] of(Blackhole blackhole) {
    return new Handler[] {
      event -> blackhole.consume(event),
      event -> blackhole.consume(event),
      event -> blackhole.consume(event),
      event -> blackhole.consume(event),
      event -> blackhole.consume(event),
    };
  }
}
