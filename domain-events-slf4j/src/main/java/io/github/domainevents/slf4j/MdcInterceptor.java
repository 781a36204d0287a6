package io.github.domainevents.slf4j;

import static io.github.domainevents.slf4j.EventMdc.CAUSATION_ID;
import static io.github.domainevents.slf4j.EventMdc.CORRELATION_ID;
import static io.github.domainevents.slf4j.EventMdc.EVENT_ID;
import static io.github.domainevents.slf4j.EventMdc.EVENT_TYPE;

import io.github.domainevents.DispatchInterceptor;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.HandlerInfo;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/** Sets the four MDC keys of {@link EventMdc} around a handler and puts the old values back. */
enum MdcInterceptor implements DispatchInterceptor {
  INSTANCE;

  @Override
  public void intercept(DomainEvent event, HandlerInfo handler, Next next) throws Exception {
    String previousId = MDC.get(EVENT_ID);
    String previousType = MDC.get(EVENT_TYPE);
    String previousCorrelation = MDC.get(CORRELATION_ID);
    String previousCausation = MDC.get(CAUSATION_ID);
    try {
      MDC.put(EVENT_ID, event.eventId().toString());
      MDC.put(EVENT_TYPE, event.eventType());
      putOrRemove(CORRELATION_ID, event.correlationId());
      putOrRemove(CAUSATION_ID, event.causationId());
      next.proceed(event);
    } finally {
      restore(EVENT_ID, previousId);
      restore(EVENT_TYPE, previousType);
      restore(CORRELATION_ID, previousCorrelation);
      restore(CAUSATION_ID, previousCausation);
    }
  }

  private static void putOrRemove(String key, Optional<UUID> id) {
    if (id.isPresent()) {
      MDC.put(key, id.get().toString());
    } else {
      MDC.remove(key);
    }
  }

  private static void restore(String key, @Nullable String previous) {
    if (previous == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, previous);
    }
  }

  @Override
  public String toString() {
    return "EventMdc.interceptor()";
  }
}
