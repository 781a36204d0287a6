package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import java.util.Map;
import java.util.UUID;

/**
 * Scenarios 1 to 5 of issue 6, written once over {@link Bus}. Scenario 6 is scenario 1 from
 * several threads on one shared bus.
 *
 * <p>The event of each scenario is made once, before measuring, so event allocation is not
 * measured; only scenario 5's follow-up event is made inside the operation, identically for
 * every contender (see {@link #FOLLOW_UP}).
 */
enum Scenario {
  /** 1: one handler registered for the event's exact type. */
  EXACT_TYPE {
    @Override
    Object wire(Bus bus, Handler[] sinks) {
      bus.subscribe(Topic.ORDER_PLACED, sinks[0]);
      return Kind.ORDER_PLACED;
    }
  },
  /** 2: five handlers (five different classes) for the event's exact type. */
  FIVE_HANDLERS {
    @Override
    Object wire(Bus bus, Handler[] sinks) {
      for (Handler sink : sinks) {
        bus.subscribe(Topic.ORDER_PLACED, sink);
      }
      return Kind.ORDER_PLACED;
    }
  },
  /** 3: one handler registered on an interface the event implements. */
  INTERFACE_HANDLER {
    @Override
    Object wire(Bus bus, Handler[] sinks) {
      bus.subscribe(Topic.ORDER_EVENT, sinks[0]);
      return Kind.ORDER_PLACED;
    }
  },
  /**
   * 4: an event nobody handles. One handler for another type is registered, so the bus is not
   * empty; each contender's dead-event path runs, without logging.
   */
  NO_HANDLER {
    @Override
    Object wire(Bus bus, Handler[] sinks) {
      bus.subscribe(Topic.ORDER_PLACED, sinks[0]);
      return Kind.ORDER_CANCELLED;
    }
  },
  /**
   * 5: the handler makes a follow-up event caused by the one it handles and publishes it; the
   * follow-up's handler consumes it. This library fills in causation and correlation by itself
   * ({@code EventHeader.create()} inside the handler); for the peers the handler sets the same
   * ids by hand, so every contender makes and publishes the same follow-up event.
   */
  FOLLOW_UP {
    @Override
    Object wire(Bus bus, Handler[] sinks) {
      bus.subscribe(
          Topic.ORDER_PLACED,
          cause -> {
            EventHeader header =
                bus.tracesCausation() ? EventHeader.create() : headerCausedBy(cause);
            bus.publish(bus.newEvent(Kind.ORDER_CONFIRMED, header));
          });
      bus.subscribe(Topic.ORDER_CONFIRMED, sinks[0]);
      return Kind.ORDER_PLACED;
    }
  };

  /** Subscribes this scenario's handlers to {@code bus}; returns the {@link Kind} to publish. */
  abstract Object wire(Bus bus, Handler[] sinks);

  /** Wires, starts and returns {@code contender}'s bus, with the event to publish. */
  Wired wire(Contender contender, Handler[] sinks) {
    Bus bus = contender.create();
    Kind kind = (Kind) wire(bus, sinks);
    bus.start();
    return new Wired(bus, bus.newEvent(kind, EventHeader.create()));
  }

  /** What a peer's handler writes to get the header this library makes by itself. */
  static EventHeader headerCausedBy(DomainEvent cause) {
    UUID correlation = cause.header().correlationId().orElse(cause.eventId());
    return EventHeader.of(
        EventDefaults.idGenerator().nextId(),
        EventDefaults.clock().instant(),
        correlation,
        cause.eventId(),
        Map.of());
  }

  /** A started bus and the event to publish on it. */
  record Wired(Bus bus, Object event) {}
}
