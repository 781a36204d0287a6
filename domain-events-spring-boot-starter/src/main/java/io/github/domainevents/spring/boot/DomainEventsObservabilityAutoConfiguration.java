package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.trace.EventTrace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Observability of the auto-configured dispatcher, through customizers that run before the
 * application's own: a Micrometer observation per handler invocation (outermost, so its span is
 * current for everything inside), the counters, the in-memory {@link EventTrace}; and a dead-event
 * handler that shows dead events to the counters and the trace, then logs them as warnings, as the
 * dispatcher's default does. A dead-event handler set by an application customizer replaces that
 * one.
 *
 * <p>Each part is conditional: observations on Micrometer's {@code ObservationRegistry} class and
 * bean and {@code domain-events.observations.enabled=true} (off by default, see {@link
 * DomainEventsProperties.Observations}); counters on {@code MeterRegistry} and
 * {@code domain-events.metrics.enabled}; the trace on {@code domain-events.trace.enabled} or an
 * {@code EventTrace} bean of the application's.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
class DomainEventsObservabilityAutoConfiguration {
  private static final System.Logger DISPATCHER_LOG =
      System.getLogger(InProcessEventDispatcher.class.getName());

  @Bean
  @ConditionalOnProperty(prefix = "domain-events.trace", name = "enabled", havingValue = "true")
  @ConditionalOnMissingBean(EventTrace.class)
  EventTrace domainEventTrace(DomainEventsProperties properties) {
    int capacity = properties.getTrace().getCapacity();
    if (capacity < 1) {
      throw new IllegalStateException(
          "domain-events.trace.capacity must be at least 1, was " + capacity);
    }
    return EventTrace.withCapacity(capacity);
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 20)
  DomainEventDispatcherCustomizer domainEventTraceCustomizer(ObjectProvider<EventTrace> trace) {
    return builder -> trace.ifUnique(builder::interceptor);
  }

  @Bean
  @ConditionalOnBean(EventTrace.class)
  DeadEventObserver domainEventTraceDeadEvents(EventTrace trace) {
    return event -> {
      trace.record(event);
      return false;
    };
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 30)
  DomainEventDispatcherCustomizer domainEventDeadEventObservers(
      ObjectProvider<DeadEventObserver> observers) {
    return builder -> {
      List<DeadEventObserver> all = observers.orderedStream().toList();
      if (!all.isEmpty()) {
        builder.deadEventHandler(event -> observeAndWarn(all, event));
      }
    };
  }

  private static void observeAndWarn(List<DeadEventObserver> observers, DomainEvent event) {
    boolean reported = false;
    for (DeadEventObserver observer : observers) {
      reported |= observer.observe(event);
    }
    if (!reported && DISPATCHER_LOG.isLoggable(System.Logger.Level.WARNING)) {
      DISPATCHER_LOG.log(
          System.Logger.Level.WARNING,
          "no handler registered for " + event.eventType() + " " + event.eventId() + " ("
              + event.getClass().getName() + ")");
    }
  }

  /** An observation per handler invocation. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
  @ConditionalOnBean(type = "io.micrometer.observation.ObservationRegistry")
  @ConditionalOnProperty(
      prefix = "domain-events.observations",
      name = "enabled",
      havingValue = "true")
  static class ObservationsConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    DomainEventDispatcherCustomizer domainEventObservations(
        ObservationRegistry registry, ObjectProvider<DomainEventsObservationConvention> convention) {
      return builder ->
          builder.interceptor(
              HandlerObservations.interceptor(registry, convention.getIfUnique()));
    }
  }

  /** The counters of dispatched, failed and dead events. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
  @ConditionalOnProperty(
      prefix = "domain-events.metrics",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  static class MetricsConfiguration {

    @Bean
    EventCounters domainEventCounters(MeterRegistry registry) {
      return new EventCounters(registry);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    DomainEventDispatcherCustomizer domainEventCountersCustomizer(EventCounters counters) {
      return builder -> builder.interceptor(counters.interceptor());
    }

    @Bean
    DeadEventObserver domainEventCountersDeadEvents(EventCounters counters) {
      return event -> {
        counters.dead(event);
        return false;
      };
    }
  }
}
