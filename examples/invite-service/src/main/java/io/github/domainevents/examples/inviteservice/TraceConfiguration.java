package io.github.domainevents.examples.inviteservice;

import io.github.domainevents.trace.EventTrace;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link EventTrace} that {@code GET /events} draws. The starter records every dispatch of
 * its dispatcher, and every dead event, in the application's {@code EventTrace} bean; this one
 * keeps the most recent {@code invites.trace-capacity} events (60 by default), so the page shows
 * the last requests, not the whole history.
 */
@Configuration(proxyBeanMethods = false)
class TraceConfiguration {
  @Bean
  EventTrace eventTrace(@Value("${invites.trace-capacity:60}") int capacity) {
    return EventTrace.withCapacity(capacity);
  }
}
