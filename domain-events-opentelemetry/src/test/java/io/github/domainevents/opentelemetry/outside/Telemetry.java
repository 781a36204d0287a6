package io.github.domainevents.opentelemetry.outside;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;

/** A real OpenTelemetry SDK exporting finished spans to memory; not registered globally. */
final class Telemetry implements AutoCloseable {
  final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                  .build())
          .build();

  /** A tracer for the spans the tests themselves open (requests, jobs). */
  Tracer testTracer() {
    return sdk.getTracer("test");
  }

  List<SpanData> spans() {
    return exporter.getFinishedSpanItems();
  }

  SpanData span(String name) {
    return spans().stream()
        .filter(span -> span.getName().equals(name))
        .reduce((a, b) -> {
          throw new AssertionError("more than one span named " + name + ": " + spans());
        })
        .orElseThrow(() -> new AssertionError("no span named " + name + " in " + spans()));
  }

  @Override
  public void close() {
    sdk.close();
  }
}
