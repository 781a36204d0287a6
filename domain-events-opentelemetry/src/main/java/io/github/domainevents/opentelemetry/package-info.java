/**
 * Connects domain events to OpenTelemetry tracing: one span per handler invocation, and the
 * W3C trace context of the code that created an event stored in the event, so that handling it
 * later or on another thread still joins the right trace.
 *
 * <pre>{@code
 * DomainEventsTelemetry telemetry = DomainEventsTelemetry.create(openTelemetry);
 * telemetry.install(); // new events carry the current traceparent in their metadata
 * InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
 *     .interceptor(telemetry.interceptor())
 *     .build();
 * }</pre>
 *
 * <p>The entry point is {@link io.github.domainevents.opentelemetry.DomainEventsTelemetry}; the
 * span names, attribute keys and metadata keys are listed in {@link
 * io.github.domainevents.opentelemetry.EventSpans}. The module depends on {@code
 * opentelemetry-api} only; spans are recorded when the application configures an SDK (or the
 * Java agent) behind the {@code OpenTelemetry} instance it passes in.
 */
@NullMarked
package io.github.domainevents.opentelemetry;

import org.jspecify.annotations.NullMarked;
