package io.github.domainevents.opentelemetry;

import io.github.domainevents.DispatchInterceptor;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * The OpenTelemetry integration: spans for handlers ({@link #interceptor()}) and the trace
 * context carried in events ({@link #install()}).
 *
 * <pre>{@code
 * DomainEventsTelemetry telemetry = DomainEventsTelemetry.create(openTelemetry);
 * Registration capture = telemetry.install(); // once, at start-up; close() on shutdown
 * InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
 *     .interceptor(telemetry.interceptor())
 *     .build();
 * }</pre>
 *
 * <h2>Where a handler span goes: parent or link</h2>
 *
 * The handler span's parent is the span current on the thread running the handler; for a
 * synchronous dispatch that is the span current at dispatch time, and inside a handler it is
 * that handler's span, so nested dispatches nest. The event also says where it was created: its
 * {@link EventSpans#TRACEPARENT} metadata (the <em>producer</em> span). The two are combined like
 * this:
 *
 * <ul>
 *   <li><b>A span is current</b> (synchronous dispatch, or an executor that propagates the
 *       OpenTelemetry context): it is the parent. If the producer span is a different span, the
 *       handler span also gets a <em>link</em> to it. Parent and producer then differ because
 *       the event was created in one operation and handled in another (after commit, in a batch
 *       job, in another request); the link records that without moving the handler's work out of
 *       the operation that actually runs it, which is where its time and failures belong.
 *   <li><b>No span is current</b> ({@link InProcessEventDispatcher#dispatchAsync} on a plain
 *       executor, a thread of the application's own, an event read back from JSON): the producer
 *       span is the parent, so the handler's work appears in the trace of the request that caused
 *       it instead of as a disconnected root trace. This is what OpenTelemetry's own context
 *       wrapping of executors would do, and is the reason the context is stored in the event.
 *       The parent is marked remote, because it was read back from its W3C text form.
 *   <li><b>Neither</b>: the handler span starts a new trace.
 * </ul>
 *
 * <h2>Trace context in events</h2>
 *
 * {@link #install()} makes every header {@link EventHeader#create()} makes (and so every {@code
 * new BaseDomainEvent()} and every event built from {@link EventHeader#builder()}) carry the W3C
 * trace context current on the creating thread: {@link EventSpans#TRACEPARENT}, and {@link
 * EventSpans#TRACESTATE} when the trace state is not empty. Nothing is stored when no valid span
 * is current. The W3C propagator is always used, whatever propagators {@code OpenTelemetry} is
 * configured with, because the metadata is part of the event and read by other parties. The
 * capture is on by default; {@link #withTraceContextCapture(boolean) withTraceContextCapture(false)}
 * turns it off. The interceptor reads {@code traceparent} either way, for example from events
 * received as JSON from another service.
 *
 * <h2>Threading and failures</h2>
 *
 * Instances are immutable and safe for concurrent use; the interceptor may be shared by any
 * number of dispatchers. The interceptor works on the thread running the handler, makes the
 * handler span current for the handler's duration and restores the previous context afterwards,
 * returned or thrown. A handler's exception is recorded on the span (an exception event, {@link
 * EventSpans#ERROR_TYPE} and status {@code ERROR}) and then propagates unchanged to the
 * dispatcher's error policy. Metadata that is not a valid {@code traceparent} is ignored.
 *
 * <h2>Limits</h2>
 *
 * There is no span for a dispatch as a whole, only for each handler invocation; an event without
 * handlers produces no span. Trace context is stored only in headers made through {@link
 * EventHeader#create()}; {@link EventHeader#of} (used when reading JSON) keeps the metadata it is
 * given.
 *
 * @since 0.1.0
 */
public final class DomainEventsTelemetry {
  private final OpenTelemetry openTelemetry;
  private final boolean captureTraceContext;
  private final HandlerSpans interceptor;

  private DomainEventsTelemetry(OpenTelemetry openTelemetry, boolean captureTraceContext) {
    this.openTelemetry = openTelemetry;
    this.captureTraceContext = captureTraceContext;
    this.interceptor = new HandlerSpans(openTelemetry.getTracer(EventSpans.INSTRUMENTATION_SCOPE));
  }

  /**
   * Returns the integration for {@code openTelemetry}, with trace context capture on.
   *
   * @param openTelemetry where the tracer comes from; typically the application's SDK instance
   *     or {@code GlobalOpenTelemetry.get()}
   * @return the integration
   * @throws NullPointerException if {@code openTelemetry} is null
   */
  public static DomainEventsTelemetry create(OpenTelemetry openTelemetry) {
    return new DomainEventsTelemetry(
        Objects.requireNonNull(openTelemetry, "openTelemetry must not be null"), true);
  }

  /**
   * Returns a copy that does or does not store the trace context in new events when {@linkplain
   * #install() installed}.
   *
   * @param enabled {@code true} (the default) to store it, {@code false} to make {@link
   *     #install()} do nothing
   * @return an integration with the same {@code OpenTelemetry} and the given setting
   */
  public DomainEventsTelemetry withTraceContextCapture(boolean enabled) {
    return enabled == captureTraceContext ? this : new DomainEventsTelemetry(openTelemetry, enabled);
  }

  /**
   * Returns the interceptor that opens one span per handler invocation. Add it to a dispatcher
   * with {@link InProcessEventDispatcher.Builder#interceptor}; see the class documentation for
   * the span's parent, links, attributes and failure handling.
   *
   * @return the interceptor; the same instance on every call
   */
  public DispatchInterceptor interceptor() {
    return interceptor;
  }

  /**
   * Starts storing the current W3C trace context in the metadata of every new event header,
   * process-wide, through {@link EventDefaults#addMetadataContributor}. Does nothing if capture
   * was turned off with {@link #withTraceContextCapture(boolean)}. Call it once at start-up;
   * each call adds one more contributor, until its registration is closed.
   *
   * @return a registration; closing it stops the capture (idempotent)
   */
  public Registration install() {
    if (!captureTraceContext) {
      return () -> {};
    }
    return EventDefaults.addMetadataContributor(TraceContextMetadata.INSTANCE);
  }

  /** Returns {@code DomainEventsTelemetry[captureTraceContext=...]}. */
  @Override
  public String toString() {
    return "DomainEventsTelemetry[captureTraceContext=" + captureTraceContext + "]";
  }
}
