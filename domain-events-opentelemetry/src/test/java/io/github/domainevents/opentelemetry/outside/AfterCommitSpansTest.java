package io.github.domainevents.opentelemetry.outside;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.opentelemetry.DomainEventsTelemetry;
import io.github.domainevents.opentelemetry.outside.Events.EmailSent;
import io.github.domainevents.opentelemetry.outside.Events.InviteCreated;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A handler bound to the after-commit phase of a unit of work keeps the trace of the request
 * that dispatched its event, even when the commit happens after that request's span ended, and
 * the events it raises continue the same trace.
 */
@Timeout(30)
class AfterCommitSpansTest {
  private final Telemetry telemetry = new Telemetry();
  private final DomainEventsTelemetry domainEventsTelemetry =
      DomainEventsTelemetry.create(telemetry.sdk);
  private final Registration capture = domainEventsTelemetry.install();

  @AfterEach
  void tearDown() {
    capture.close();
    telemetry.close();
    Assertions.assertThat(Context.current()).isSameAs(Context.root());
    Assertions.assertThat(UnitOfWork.isActive()).isFalse();
  }

  @Test
  void afterCommitHandlerSpan_isInTheDispatchingRequestsTrace_andItsFollowUpToo() {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(domainEventsTelemetry.interceptor()).build();
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT,
        invite -> dispatcher.dispatch(new EmailSent(invite.email())));
    dispatcher.register(EmailSent.class, sent -> {});

    UnitOfWork unit = UnitOfWork.begin();
    Span request = telemetry.testTracer().spanBuilder("POST /invites").startSpan();
    try (Scope scope = request.makeCurrent()) {
      dispatcher.dispatch(new InviteCreated("ada@example.com"));
    } finally {
      request.end();
    }
    Assertions.assertThat(telemetry.spans()).extracting(SpanData::getName)
        .containsExactly("POST /invites"); // nothing ran before the commit
    unit.commit(); // outside the request's span

    SpanData afterCommit = telemetry.span("invite.created lambda in AfterCommitSpansTest");
    SpanData followUp = telemetry.span("email.sent lambda in AfterCommitSpansTest");
    assertThat(afterCommit).hasParent(telemetry.span("POST /invites"));
    assertThat(followUp)
        .hasTraceId(telemetry.span("POST /invites").getTraceId())
        .hasParent(afterCommit);
  }
}
