package io.github.domainevents.examples.inviteservice;

import io.github.domainevents.spring.boot.DomainEventDispatcherCustomizer;
import io.github.domainevents.trace.EventTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records every dispatch of the auto-configured dispatcher in an {@link EventTrace}, which {@code
 * GET /events} draws. The trace keeps the most recent {@code invites.trace-capacity} events (60 by
 * default), so the page shows the last requests, not the whole history.
 */
@Configuration(proxyBeanMethods = false)
class TraceConfiguration {
  private static final Logger log = LoggerFactory.getLogger(TraceConfiguration.class);

  @Bean
  EventTrace eventTrace(@Value("${invites.trace-capacity:60}") int capacity) {
    return EventTrace.withCapacity(capacity);
  }

  @Bean
  DomainEventDispatcherCustomizer traceEveryDispatch(EventTrace trace) {
    return builder ->
        builder
            .interceptor(trace)
            .deadEventHandler(
                trace.recordingDeadEvents(
                    event -> log.warn("no handler for {} {}", event.eventType(), event.eventId())));
  }
}
