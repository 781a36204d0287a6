package io.github.domainevents.opentelemetry;

import io.github.domainevents.DispatchInterceptor;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.HandlerInfo;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Opens one span per handler invocation; see {@link DomainEventsTelemetry} for
 * the parent and link rules.
 */
final class HandlerSpans implements DispatchInterceptor {
  private final Tracer tracer;

  HandlerSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  // "try": the scope is only closed, never read.
  @Override
  @SuppressWarnings("try")
  public void intercept(DomainEvent event, HandlerInfo handler, Next next) throws Exception {
    Context current = Context.current();
    SpanContext producer = TraceContextMetadata.producer(event);
    SpanContext currentSpan = Span.fromContext(current).getSpanContext();
    Context parent =
        currentSpan.isValid() || !producer.isValid() ? current : current.with(Span.wrap(producer));

    SpanBuilder builder =
        tracer
            .spanBuilder(EventSpans.spanName(event, handler))
            .setSpanKind(SpanKind.INTERNAL)
            .setParent(parent)
            .setAttribute(EventSpans.EVENT_ID, event.eventId().toString())
            .setAttribute(EventSpans.EVENT_TYPE, event.eventType())
            .setAttribute(EventSpans.HANDLER, handler.description());
    event
        .correlationId()
        .ifPresent(id -> builder.setAttribute(EventSpans.CORRELATION_ID, id.toString()));
    event
        .causationId()
        .ifPresent(id -> builder.setAttribute(EventSpans.CAUSATION_ID, id.toString()));
    if (currentSpan.isValid() && producer.isValid() && !sameSpan(producer, currentSpan)) {
      builder.addLink(producer);
    }
    Span span = builder.startSpan();
    try (Scope scope = parent.with(span).makeCurrent()) {
      next.proceed(event);
    } catch (Throwable failure) {
      span.recordException(failure);
      span.setAttribute(EventSpans.ERROR_TYPE, failure.getClass().getName());
      span.setStatus(StatusCode.ERROR);
      throw failure;
    } finally {
      span.end();
    }
  }

  private static boolean sameSpan(SpanContext a, SpanContext b) {
    return a.getTraceId().equals(b.getTraceId()) && a.getSpanId().equals(b.getSpanId());
  }

  @Override
  public String toString() {
    return "DomainEventsTelemetry.interceptor(" + tracer + ")";
  }
}
