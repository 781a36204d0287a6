package io.github.domainevents.opentelemetry;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.MetadataContributor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the current W3C trace context into new events' metadata, and reads it back.
 *
 * <p>Always the W3C propagator, whatever propagators the application configured: the metadata
 * format is part of the event, and other services (or the Python package) read it as W3C.
 */
enum TraceContextMetadata implements MetadataContributor {
  INSTANCE;

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  @Override
  public void contribute(Map<String, Object> metadata) {
    // Writes nothing when no valid span is current.
    W3C.inject(Context.current(), metadata, Setter.INSTANCE);
  }

  /**
   * Returns the span context stored in {@code event}'s metadata; {@linkplain
   * SpanContext#isValid() invalid} if there is none or it cannot be parsed.
   */
  static SpanContext producer(DomainEvent event) {
    Map<String, Object> metadata = event.metadata();
    if (!(metadata.get(EventSpans.TRACEPARENT) instanceof String)) {
      return SpanContext.getInvalid();
    }
    return Span.fromContext(W3C.extract(Context.root(), metadata, Getter.INSTANCE))
        .getSpanContext();
  }

  @Override
  public String toString() {
    return "DomainEventsTelemetry trace context capture";
  }

  private enum Setter implements TextMapSetter<Map<String, Object>> {
    INSTANCE;

    @Override
    public void set(@Nullable Map<String, Object> carrier, String key, String value) {
      if (carrier != null) {
        carrier.put(key, value);
      }
    }
  }

  private enum Getter implements TextMapGetter<Map<String, Object>> {
    INSTANCE;

    // Deprecated (with a default) since OpenTelemetry 1.6x but abstract in older versions an
    // application may run with; implementing it keeps this class working with both.
    @Override
    @SuppressWarnings("deprecation")
    public Iterable<String> keys(Map<String, Object> carrier) {
      return carrier.keySet();
    }

    @Override
    public @Nullable String get(@Nullable Map<String, Object> carrier, String key) {
      return carrier != null && carrier.get(key) instanceof String value ? value : null;
    }
  }
}
