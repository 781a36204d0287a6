package io.github.domainevents.opentelemetry.outside;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import io.github.domainevents.DispatchReport;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import io.github.domainevents.opentelemetry.DomainEventsTelemetry;
import io.github.domainevents.opentelemetry.EventSpans;
import io.github.domainevents.opentelemetry.outside.Events.EmailSent;
import io.github.domainevents.opentelemetry.outside.Events.InviteCreated;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where a handler span goes when the event carries a producer trace context: parent when no span
 * is current (async on a plain pool), link when a different span is current.
 */
@Timeout(30)
class ParentOrLinkTest {
  private final Telemetry telemetry = new Telemetry();
  private final DomainEventsTelemetry domainEventsTelemetry =
      DomainEventsTelemetry.create(telemetry.sdk);
  private final Registration capture = domainEventsTelemetry.install();
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void tearDown() throws Exception {
    capture.close();
    Assertions.assertThat(pool.submit(Context::current).get(10, TimeUnit.SECONDS))
        .as("context left on the pooled thread")
        .isSameAs(Context.root());
    pool.shutdownNow();
    Assertions.assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    telemetry.close();
    Assertions.assertThat(Context.current()).isSameAs(Context.root());
  }

  private InProcessEventDispatcher dispatcherOn(Executor executor) {
    return InProcessEventDispatcher.builder()
        .interceptor(domainEventsTelemetry.interceptor())
        .executor(executor)
        .build();
  }

  @Test
  void asyncHandlerOnAPlainPoolIsAChildOfTheSpanThatCreatedTheEvent() throws Exception {
    InProcessEventDispatcher dispatcher = dispatcherOn(pool);
    dispatcher.register(InviteCreated.class, event -> {});
    Span request = telemetry.testTracer().spanBuilder("POST /invites").startSpan();
    CompletableFuture<DispatchReport> done;
    try (Scope scope = request.makeCurrent()) {
      done = dispatcher.dispatchAsync(new InviteCreated("ada@example.com"));
    } finally {
      request.end();
    }
    done.get(10, TimeUnit.SECONDS);

    SpanData handler = telemetry.span("invite.created lambda in ParentOrLinkTest");
    assertThat(handler)
        .hasParent(telemetry.span("POST /invites"))
        .hasTotalRecordedLinks(0);
    Assertions.assertThat(handler.getParentSpanContext().isRemote()).isTrue();
    dispatcher.close();
  }

  @Test
  void asyncFailureOnAPlainPoolIsRecordedAndLeavesThePooledThreadClean() throws Exception {
    InProcessEventDispatcher dispatcher = dispatcherOn(pool);
    dispatcher.register(
        InviteCreated.class,
        event -> {
          throw new IllegalStateException("cache down");
        });
    Span request = telemetry.testTracer().spanBuilder("POST /invites").startSpan();
    CompletableFuture<DispatchReport> done;
    try (Scope scope = request.makeCurrent()) {
      done = dispatcher.dispatchAsync(new InviteCreated("ada@example.com"));
    } finally {
      request.end();
    }

    Assertions.assertThat(done).failsWithin(10, TimeUnit.SECONDS);
    assertThat(telemetry.span("invite.created lambda in ParentOrLinkTest"))
        .hasParent(telemetry.span("POST /invites"))
        .hasStatus(StatusData.error());
    dispatcher.close();
  }

  @Test
  void asyncOnAContextPropagatingExecutorIsAChildWithoutALink() throws Exception {
    InProcessEventDispatcher dispatcher = dispatcherOn(Context.taskWrapping(pool));
    dispatcher.register(InviteCreated.class, event -> {});
    Span request = telemetry.testTracer().spanBuilder("POST /invites").startSpan();
    CompletableFuture<DispatchReport> done;
    try (Scope scope = request.makeCurrent()) {
      done = dispatcher.dispatchAsync(new InviteCreated("ada@example.com"));
    } finally {
      request.end();
    }
    done.get(10, TimeUnit.SECONDS);

    SpanData handler = telemetry.span("invite.created lambda in ParentOrLinkTest");
    assertThat(handler).hasParent(telemetry.span("POST /invites")).hasTotalRecordedLinks(0);
    Assertions.assertThat(handler.getParentSpanContext().isRemote()).isFalse();
    dispatcher.close();
  }

  @Test
  void nestedDispatchInsideAnAsyncHandlerNestsUnderIt() throws Exception {
    InProcessEventDispatcher dispatcher = dispatcherOn(pool);
    dispatcher.register(
        InviteCreated.class, event -> dispatcher.dispatch(new EmailSent(event.email())));
    dispatcher.register(EmailSent.class, event -> {});
    Span request = telemetry.testTracer().spanBuilder("POST /invites").startSpan();
    CompletableFuture<DispatchReport> done;
    try (Scope scope = request.makeCurrent()) {
      done = dispatcher.dispatchAsync(new InviteCreated("ada@example.com"));
    } finally {
      request.end();
    }
    done.get(10, TimeUnit.SECONDS);

    SpanData outer = telemetry.span("invite.created lambda in ParentOrLinkTest");
    assertThat(outer).hasParent(telemetry.span("POST /invites"));
    assertThat(telemetry.span("email.sent lambda in ParentOrLinkTest"))
        .hasParent(outer)
        .hasTotalRecordedLinks(0);
    dispatcher.close();
  }

  @Test
  void handledInADifferentSpanTheHandlerIsItsChildAndLinksToTheProducer() {
    InProcessEventDispatcher dispatcher = dispatcherOn(pool);
    dispatcher.register(InviteCreated.class, event -> {});
    Span request = telemetry.testTracer().spanBuilder("POST /invites").startSpan();
    InviteCreated event;
    try (Scope scope = request.makeCurrent()) {
      event = new InviteCreated("ada@example.com");
    } finally {
      request.end();
    }
    Span job = telemetry.testTracer().spanBuilder("outbox relay").setNoParent().startSpan();
    try (Scope scope = job.makeCurrent()) {
      dispatcher.dispatch(event);
    } finally {
      job.end();
    }

    SpanData producer = telemetry.span("POST /invites");
    SpanData handler = telemetry.span("invite.created lambda in ParentOrLinkTest");
    assertThat(handler)
        .hasParent(telemetry.span("outbox relay"))
        .hasLinksSatisfying(
            links -> {
              Assertions.assertThat(links).hasSize(1);
              Assertions.assertThat(links.get(0).getSpanContext().getTraceId())
                  .isEqualTo(producer.getTraceId());
              Assertions.assertThat(links.get(0).getSpanContext().getSpanId())
                  .isEqualTo(producer.getSpanId());
            });
    Assertions.assertThat(handler.getTraceId()).isNotEqualTo(producer.getTraceId());
    dispatcher.close();
  }

  @Test
  void eventCreatedWithoutASpanDispatchedAsyncStartsANewTrace() throws Exception {
    InProcessEventDispatcher dispatcher = dispatcherOn(pool);
    dispatcher.register(InviteCreated.class, event -> {});

    dispatcher.dispatchAsync(new InviteCreated("ada@example.com")).get(10, TimeUnit.SECONDS);

    assertThat(telemetry.span("invite.created lambda in ParentOrLinkTest"))
        .hasNoParent()
        .hasTotalRecordedLinks(0);
    dispatcher.close();
  }

  @Test
  void traceparentReadBackFromAnotherServiceBecomesTheParentWhenNoSpanIsCurrent() {
    InProcessEventDispatcher dispatcher = dispatcherOn(pool);
    dispatcher.register(InviteCreated.class, event -> {});
    InviteCreated received =
        new InviteCreated(
            EventHeader.builder()
                .metadata(
                    EventSpans.TRACEPARENT,
                    "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .build(),
            "ada@example.com");

    dispatcher.dispatch(received);

    SpanData handler = telemetry.span("invite.created lambda in ParentOrLinkTest");
    Assertions.assertThat(handler.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    Assertions.assertThat(handler.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    dispatcher.close();
  }

  @Test
  void malformedOrNonTextTraceparentIsIgnored() {
    InProcessEventDispatcher dispatcher = dispatcherOn(pool);
    dispatcher.register(InviteCreated.class, event -> {});

    dispatcher.dispatch(
        new InviteCreated(
            EventHeader.builder().metadata(EventSpans.TRACEPARENT, "not-a-traceparent").build(),
            "ada@example.com"));
    dispatcher.dispatch(
        new InviteCreated(
            EventHeader.builder().metadata(EventSpans.TRACEPARENT, 42).build(),
            "bob@example.com"));

    Assertions.assertThat(telemetry.spans()).hasSize(2);
    Assertions.assertThat(telemetry.spans())
        .allSatisfy(span -> assertThat(span).hasNoParent().hasTotalRecordedLinks(0));
    dispatcher.close();
  }
}
