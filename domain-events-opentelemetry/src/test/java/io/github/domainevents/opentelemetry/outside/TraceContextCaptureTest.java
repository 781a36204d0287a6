package io.github.domainevents.opentelemetry.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.Registration;
import io.github.domainevents.opentelemetry.DomainEventsTelemetry;
import io.github.domainevents.opentelemetry.EventSpans;
import io.github.domainevents.opentelemetry.outside.Events.InviteCreated;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link DomainEventsTelemetry#install()}: the W3C trace context stored in new events. */
class TraceContextCaptureTest {
  private final Telemetry telemetry = new Telemetry();
  private Registration capture = () -> {};

  @AfterEach
  void tearDown() {
    capture.close();
    telemetry.close();
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void newEventsCarryTheTraceparentOfTheCurrentSpan() {
    capture = DomainEventsTelemetry.create(telemetry.sdk).install();
    Span request = telemetry.testTracer().spanBuilder("POST /invites").startSpan();
    InviteCreated event;
    try (Scope scope = request.makeCurrent()) {
      event = new InviteCreated("ada@example.com");
    } finally {
      request.end();
    }

    SpanContext span = request.getSpanContext();
    assertThat(event.metadata())
        .containsExactly(
            org.assertj.core.api.Assertions.entry(
                EventSpans.TRACEPARENT,
                "00-"
                    + span.getTraceId()
                    + "-"
                    + span.getSpanId()
                    + "-"
                    + span.getTraceFlags().asHex()));
    assertThat(span.getTraceFlags().isSampled()).isTrue();
  }

  @Test
  void tracestateIsStoredWhenNotEmpty() {
    capture = DomainEventsTelemetry.create(telemetry.sdk).install();
    SpanContext remote =
        SpanContext.createFromRemoteParent(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            TraceFlags.getSampled(),
            TraceState.builder().put("vendor", "value").build());
    Span request =
        telemetry
            .testTracer()
            .spanBuilder("POST /invites")
            .setParent(Context.root().with(Span.wrap(remote)))
            .startSpan();
    InviteCreated event;
    try (Scope scope = request.makeCurrent()) {
      event = new InviteCreated("ada@example.com");
    } finally {
      request.end();
    }

    assertThat(event.metadata())
        .containsEntry(
            EventSpans.TRACEPARENT,
            "00-0af7651916cd43dd8448eb211c80319c-" + request.getSpanContext().getSpanId() + "-01")
        .containsEntry(EventSpans.TRACESTATE, "vendor=value");
  }

  @Test
  void nothingIsStoredWhenNoSpanIsCurrent() {
    capture = DomainEventsTelemetry.create(telemetry.sdk).install();

    assertThat(new InviteCreated("ada@example.com").metadata()).isEmpty();
  }

  @Test
  void nothingIsStoredWhenCaptureIsTurnedOff() {
    capture =
        DomainEventsTelemetry.create(telemetry.sdk).withTraceContextCapture(false).install();
    Span request = telemetry.testTracer().spanBuilder("POST /invites").startSpan();
    try (Scope scope = request.makeCurrent()) {
      assertThat(new InviteCreated("ada@example.com").metadata()).isEmpty();
    } finally {
      request.end();
    }
  }

  @Test
  void closingTheRegistrationStopsTheCaptureAndIsIdempotent() {
    Registration registration = DomainEventsTelemetry.create(telemetry.sdk).install();
    registration.close();
    registration.close();
    Span request = telemetry.testTracer().spanBuilder("POST /invites").startSpan();
    try (Scope scope = request.makeCurrent()) {
      assertThat(new InviteCreated("ada@example.com").metadata()).isEmpty();
    } finally {
      request.end();
    }
  }

  @Test
  void withTraceContextCaptureReturnsAnImmutableCopy() {
    DomainEventsTelemetry on = DomainEventsTelemetry.create(telemetry.sdk);
    DomainEventsTelemetry off = on.withTraceContextCapture(false);

    assertThat(on).hasToString("DomainEventsTelemetry[captureTraceContext=true]");
    assertThat(off).hasToString("DomainEventsTelemetry[captureTraceContext=false]");
    assertThat(on.withTraceContextCapture(true)).isSameAs(on);
    assertThat(on.interceptor()).isSameAs(on.interceptor());
  }
}
