package io.github.domainevents.spring.boot;

import io.github.domainevents.DispatchInterceptor;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.spring.boot.DomainEventsObservation.Counters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The counters of {@link DomainEventsObservation.Counters}: an interceptor counting dispatched
 * events and failed handler invocations, and {@link #dead} for events without handlers.
 *
 * <p>A dispatch has no hook of its own, only its handler invocations; a delivery (one event's
 * handlers of one phase, run one after another on one thread) is recognised at its first handler:
 * per thread and nesting depth the interceptor remembers the event, phase and handlers of the
 * current delivery, and a different event or phase, or a handler that already ran, starts a new
 * one. Safe for concurrent use.
 */
final class EventCounters {
  private final MeterRegistry registry;
  private final ConcurrentMap<Class<?>, ConcurrentMap<TransactionPhase, Counter>> dispatched =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<Class<?>, Counter> dead = new ConcurrentHashMap<>();
  private final ThreadLocal<Deliveries> deliveries = ThreadLocal.withInitial(Deliveries::new);
  private final DispatchInterceptor interceptor = this::intercept;

  EventCounters(MeterRegistry registry) {
    this.registry = registry;
  }

  DispatchInterceptor interceptor() {
    return interceptor;
  }

  void dead(DomainEvent event) {
    dead.computeIfAbsent(
            event.getClass(),
            type ->
                Counter.builder(Counters.DEAD.meterName())
                    .description("Events dispatched with no handler")
                    .tag(DomainEventsObservation.LowCardinalityKeys.EVENT_TYPE.asString(), event.eventType())
                    .register(registry))
        .increment();
  }

  private void intercept(DomainEvent event, HandlerInfo handler, DispatchInterceptor.Next next)
      throws Exception {
    Deliveries current = deliveries.get();
    if (current.startsDelivery(event, handler)) {
      dispatchedCounter(event, handler.phase()).increment();
    }
    current.depth++;
    try {
      next.proceed(event);
    } catch (Throwable failure) {
      Counter.builder(Counters.FAILED.meterName())
          .description("Handler invocations that threw")
          .tag(DomainEventsObservation.LowCardinalityKeys.EVENT_TYPE.asString(), event.eventType())
          .tag(DomainEventsObservation.LowCardinalityKeys.HANDLER.asString(), handler.description())
          .tag(
              DomainEventsObservation.LowCardinalityKeys.PHASE.asString(),
              DomainEventsObservation.phaseValue(handler.phase()))
          .tag("exception", failure.getClass().getSimpleName())
          .register(registry)
          .increment();
      throw failure;
    } finally {
      current.depth--;
    }
  }

  private Counter dispatchedCounter(DomainEvent event, TransactionPhase phase) {
    return dispatched
        .computeIfAbsent(event.getClass(), type -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            phase,
            key ->
                Counter.builder(Counters.DISPATCHED.meterName())
                    .description("Events delivered to their handlers, once per event and phase")
                    .tag(
                        DomainEventsObservation.LowCardinalityKeys.EVENT_TYPE.asString(),
                        event.eventType())
                    .tag(
                        DomainEventsObservation.LowCardinalityKeys.PHASE.asString(),
                        DomainEventsObservation.phaseValue(phase))
                    .register(registry));
  }

  /** One thread's current delivery per nesting depth. */
  private static final class Deliveries {
    int depth;
    private @Nullable UUID[] events = new UUID[4];
    private @Nullable TransactionPhase[] phases = new TransactionPhase[4];
    private final List<List<HandlerInfo>> handlers = new ArrayList<>();

    boolean startsDelivery(DomainEvent event, HandlerInfo handler) {
      if (depth >= events.length) {
        events = Arrays.copyOf(events, depth * 2);
        phases = Arrays.copyOf(phases, depth * 2);
      }
      while (handlers.size() <= depth) {
        handlers.add(new ArrayList<>(4));
      }
      List<HandlerInfo> ran = handlers.get(depth);
      boolean same =
          event.eventId().equals(events[depth])
              && handler.phase() == phases[depth]
              && !containsIdentical(ran, handler);
      if (!same) {
        events[depth] = event.eventId();
        phases[depth] = handler.phase();
        ran.clear();
      }
      ran.add(handler);
      return !same;
    }

    private static boolean containsIdentical(List<HandlerInfo> list, HandlerInfo handler) {
      for (HandlerInfo each : list) {
        if (each == handler) {
          return true;
        }
      }
      return false;
    }
  }
}
