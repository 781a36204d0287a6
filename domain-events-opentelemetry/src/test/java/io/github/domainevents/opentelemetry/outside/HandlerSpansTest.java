package io.github.domainevents.opentelemetry.outside;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.opentelemetry.DomainEventsTelemetry;
import io.github.domainevents.opentelemetry.EventSpans;
import io.github.domainevents.opentelemetry.outside.Events.EmailSent;
import io.github.domainevents.opentelemetry.outside.Events.InviteCreated;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spans of synchronous dispatches: names, kind, attributes, tree shape, failures, context. */
class HandlerSpansTest {
  private static final UUID CORRELATION = UUID.fromString("0190f3a0-0000-7000-8000-000000000001");
  private static final UUID CAUSE = UUID.fromString("0190f3a0-0000-7000-8000-000000000002");

  private final Telemetry telemetry = new Telemetry();
  private final InProcessEventDispatcher dispatcher =
      InProcessEventDispatcher.builder()
          .interceptor(DomainEventsTelemetry.create(telemetry.sdk).interceptor())
          .build();

  @AfterEach
  void tearDown() {
    dispatcher.close();
    telemetry.close();
    Assertions.assertThat(Context.current()).isSameAs(Context.root());
  }

  static final class SendWelcomeMail implements DomainEventHandler<InviteCreated> {
    @Override
    public void handle(InviteCreated event) {}
  }

  static final class WarmCache implements DomainEventHandler<InviteCreated> {
    @Override
    public void handle(InviteCreated event) {
      throw new IllegalStateException("cache down");
    }
  }

  @Test
  void oneInternalSpanPerHandlerInvocationWithTheEventsAttributes() {
    dispatcher.register(InviteCreated.class, new SendWelcomeMail());
    InviteCreated event =
        new InviteCreated(
            EventHeader.builder().correlationId(CORRELATION).causationId(CAUSE).build(),
            "ada@example.com");

    dispatcher.dispatch(event);

    Assertions.assertThat(telemetry.spans()).hasSize(1);
    assertThat(telemetry.spans().get(0))
        .hasName("invite.created HandlerSpansTest.SendWelcomeMail")
        .hasKind(SpanKind.INTERNAL)
        .hasNoParent()
        .hasInstrumentationScopeInfo(
            InstrumentationScopeInfo.create(
                EventSpans.INSTRUMENTATION_SCOPE))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(EventSpans.EVENT_ID, event.eventId().toString()),
            equalTo(EventSpans.EVENT_TYPE, "invite.created"),
            equalTo(EventSpans.CORRELATION_ID, CORRELATION.toString()),
            equalTo(EventSpans.CAUSATION_ID, CAUSE.toString()),
            equalTo(EventSpans.HANDLER, "HandlerSpansTest.SendWelcomeMail"));
  }

  @Test
  void correlationAndCausationAttributesAreAbsentWhenTheEventHasNone() {
    dispatcher.register(InviteCreated.class, new SendWelcomeMail());

    dispatcher.dispatch(new InviteCreated("ada@example.com"));

    Assertions.assertThat(telemetry.spans().get(0).getAttributes().asMap())
        .containsOnlyKeys(EventSpans.EVENT_ID, EventSpans.EVENT_TYPE, EventSpans.HANDLER);
  }

  @Test
  void handlerSpansAreChildrenOfTheSpanCurrentAtDispatch() {
    dispatcher.register(InviteCreated.class, new SendWelcomeMail());
    dispatcher.register(InviteCreated.class, event -> {});
    Span request = telemetry.testTracer().spanBuilder("POST /invites").startSpan();
    try (Scope scope = request.makeCurrent()) {
      dispatcher.dispatch(new InviteCreated("ada@example.com"));
    } finally {
      request.end();
    }

    SpanData requestSpan = telemetry.span("POST /invites");
    Assertions.assertThat(telemetry.spans()).hasSize(3);
    assertThat(telemetry.span("invite.created HandlerSpansTest.SendWelcomeMail"))
        .hasParent(requestSpan)
        .hasTotalRecordedLinks(0);
    assertThat(telemetry.span("invite.created lambda in HandlerSpansTest"))
        .hasParent(requestSpan)
        .hasTotalRecordedLinks(0);
  }

  @Test
  void theHandlerSpanIsCurrentWhileTheHandlerRuns() {
    SpanContext[] seen = new SpanContext[1];
    dispatcher.register(InviteCreated.class, event -> seen[0] = Span.current().getSpanContext());

    dispatcher.dispatch(new InviteCreated("ada@example.com"));

    Assertions.assertThat(seen[0]).isEqualTo(telemetry.spans().get(0).getSpanContext());
    Assertions.assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  @Test
  void nestedDispatchNestsTheSpans() {
    dispatcher.register(
        InviteCreated.class, event -> dispatcher.dispatch(new EmailSent(event.email())));
    dispatcher.register(EmailSent.class, event -> {});

    dispatcher.dispatch(new InviteCreated("ada@example.com"));

    SpanData outer = telemetry.span("invite.created lambda in HandlerSpansTest");
    SpanData inner = telemetry.span("email.sent lambda in HandlerSpansTest");
    assertThat(outer).hasNoParent();
    assertThat(inner).hasParent(outer).hasTotalRecordedLinks(0);
    Assertions.assertThat(inner.getAttributes().get(EventSpans.CAUSATION_ID))
        .isEqualTo(outer.getAttributes().get(EventSpans.EVENT_ID));
  }

  @Test
  void aFailingHandlerRecordsTheExceptionAndErrorStatusAndTheExceptionPropagatesUnchanged() {
    dispatcher.register(InviteCreated.class, new WarmCache());

    assertThatThrownBy(() -> dispatcher.dispatch(new InviteCreated("ada@example.com")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cache down");

    assertThat(telemetry.spans().get(0))
        .hasName("invite.created HandlerSpansTest.WarmCache")
        .hasStatus(StatusData.error())
        .hasAttribute(EventSpans.ERROR_TYPE, IllegalStateException.class.getName())
        .hasException(new IllegalStateException("cache down"))
        .hasEnded();
    Assertions.assertThat(telemetry.spans().get(0).getStatus().getStatusCode())
        .isEqualTo(StatusCode.ERROR);
    Assertions.assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  @Test
  void underRunAllEveryHandlerGetsItsSpanAndOnlyTheFailingOneIsAnError() {
    InProcessEventDispatcher runAll =
        InProcessEventDispatcher.builder()
            .errorPolicy(ErrorPolicy.RUN_ALL_THEN_THROW)
            .interceptor(DomainEventsTelemetry.create(telemetry.sdk).interceptor())
            .build();
    runAll.register(InviteCreated.class, new WarmCache());
    runAll.register(InviteCreated.class, new SendWelcomeMail());

    assertThatThrownBy(() -> runAll.dispatch(new InviteCreated("ada@example.com")))
        .isInstanceOf(RuntimeException.class);

    assertThat(telemetry.span("invite.created HandlerSpansTest.WarmCache"))
        .hasStatus(StatusData.error());
    assertThat(telemetry.span("invite.created HandlerSpansTest.SendWelcomeMail"))
        .hasStatus(StatusData.unset());
  }

  @Test
  void aCheckedExceptionIsRecordedWithItsOwnType() {
    dispatcher.register(
        InviteCreated.class,
        event -> {
          throw new IOException("disk full");
        });

    assertThatThrownBy(() -> dispatcher.dispatch(new InviteCreated("ada@example.com")))
        .hasCauseInstanceOf(IOException.class);

    assertThat(telemetry.spans().get(0))
        .hasAttribute(EventSpans.ERROR_TYPE, IOException.class.getName())
        .hasException(new IOException("disk full"));
  }

  @Test
  void withANoopOpenTelemetryHandlersRunAndNothingIsRecorded() {
    InProcessEventDispatcher noop =
        InProcessEventDispatcher.builder()
            .interceptor(DomainEventsTelemetry.create(OpenTelemetry.noop()).interceptor())
            .build();
    boolean[] ran = new boolean[1];
    noop.register(InviteCreated.class, event -> ran[0] = true);

    noop.dispatch(new InviteCreated("ada@example.com"));

    Assertions.assertThat(ran[0]).isTrue();
    Assertions.assertThat(telemetry.spans()).isEmpty();
  }

  @Test
  void spanNameIsEventTypeThenHandlerDescription() {
    dispatcher.register(InviteCreated.class, new SendWelcomeMail());
    InviteCreated event = new InviteCreated("ada@example.com");

    Assertions.assertThat(
            EventSpans.spanName(event, dispatcher.handlersFor(InviteCreated.class).get(0)))
        .isEqualTo("invite.created HandlerSpansTest.SendWelcomeMail");
  }

  @Test
  void createRejectsNull() {
    assertThatThrownBy(() -> DomainEventsTelemetry.create(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("openTelemetry must not be null");
  }
}
