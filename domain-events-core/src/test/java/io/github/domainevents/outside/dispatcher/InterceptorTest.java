package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.domainevents.DispatchInterceptor;
import io.github.domainevents.DispatchReport;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.EventHeader;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link DispatchInterceptor}: around-advice for every handler invocation. */
class InterceptorTest {
  private final Journal journal = new Journal();

  private DispatchInterceptor named(String name) {
    return (event, handler, next) -> {
      journal.add(name + " before");
      try {
        next.proceed(event);
      } finally {
        journal.add(name + " after");
      }
    };
  }

  @Test
  void interceptors_wrapEachHandler_firstAddedOutermost() {
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .interceptor(named("outer"))
        .interceptor(named("inner"))
        .build();
    dispatcher.register(InviteCreated.class, event -> journal.add("h1"));
    dispatcher.register(InviteCreated.class, event -> journal.add("h2"));

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(journal.entries()).containsExactly(
        "outer before", "inner before", "h1", "inner after", "outer after",
        "outer before", "inner before", "h2", "inner after", "outer after");
  }

  @Test
  void interceptor_seesTheEventAndTheHandlerInfo() {
    List<DomainEvent> events = new ArrayList<>();
    List<HandlerInfo> handlers = new ArrayList<>();
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .interceptor((event, handler, next) -> {
          events.add(event);
          handlers.add(handler);
          next.proceed(event);
        })
        .build();
    dispatcher.register(InviteCreated.class, 4, event -> {});
    dispatcher.register(new RegistrationTest.SendWelcomeMail(journal));
    InviteCreated event = new InviteCreated(1);

    dispatcher.dispatch(event);

    assertThat(events).containsExactly(event, event);
    assertThat(handlers).containsExactlyElementsOf(dispatcher.handlersFor(InviteCreated.class));
    assertThat(handlers).extracting(HandlerInfo::description)
        .containsExactly("lambda in InterceptorTest", "RegistrationTest.SendWelcomeMail");
  }

  @Test
  void interceptor_observesAFailure_whichStillPropagatesUnchanged() {
    List<Throwable> observed = new ArrayList<>();
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .interceptor((event, handler, next) -> {
          try {
            next.proceed(event);
          } catch (Exception failure) {
            observed.add(failure);
            throw failure;
          }
        })
        .build();
    IllegalStateException boom = new IllegalStateException("boom");
    dispatcher.register(InviteCreated.class, event -> {
      throw boom;
    });

    assertThat(catchThrowable(() -> dispatcher.dispatch(new InviteCreated(1)))).isSameAs(boom);
    assertThat(observed).containsExactly(boom);
  }

  @Test
  void interceptor_canSkipTheHandler_whichThenCountsAsSucceeded() {
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .interceptor((event, handler, next) -> {
          if (handler.priority() >= 0) {
            next.proceed(event);
          }
        })
        .build();
    dispatcher.register(InviteCreated.class, journal.handler("runs"));
    dispatcher.register(InviteCreated.class, -1, journal.handler("skipped"));

    DispatchReport report = dispatcher.dispatchAndReport(new InviteCreated(1));

    assertThat(journal.entries()).containsExactly("runs:invite.created1");
    assertThat(report.outcomes()).extracting(DispatchReport.Outcome::status)
        .containsOnly(DispatchReport.Status.SUCCEEDED);
  }

  @Test
  void interceptorsOwnFailure_isTheHandlersFailure_underThePolicy() {
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .errorPolicy(ErrorPolicy.RUN_ALL_THEN_THROW)
        .interceptor((event, handler, next) -> {
          next.proceed(event);
          if (handler.priority() == 1) {
            throw new IOException("metrics store down");
          }
        })
        .build();
    dispatcher.register(InviteCreated.class, 1, journal.handler("first"));
    dispatcher.register(InviteCreated.class, journal.handler("second"));

    EventDispatchException thrown = (EventDispatchException)
        catchThrowable(() -> dispatcher.dispatch(new InviteCreated(1)));

    assertThat(thrown.getSuppressed()).singleElement()
        .satisfies(failure -> assertThat(failure).hasMessage("metrics store down"));
    assertThat(journal.entries()).containsExactly("first:invite.created1", "second:invite.created1");
  }

  @Test
  void interceptor_runsInTheHandlersCausalContext_andMayDispatch_depthFirst() {
    AtomicReference<InProcessEventDispatcher> self = new AtomicReference<>();
    List<DomainEvent> audits = new ArrayList<>();
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .interceptor((event, handler, next) -> {
          journal.add("intercept " + DispatcherFixtures.label(event));
          if (event instanceof InviteCreated created) {
            self.get().dispatch(new Ping((int) created.inviteId())); // an audit event
          }
          next.proceed(event);
        })
        .build();
    self.set(dispatcher);
    dispatcher.register(InviteCreated.class, journal.handler("handler"));
    dispatcher.register(Ping.class, event -> {
      audits.add(event);
      journal.add("audit " + event.n());
    });
    InviteCreated root = new InviteCreated(5);

    dispatcher.dispatch(root);

    assertThat(journal.entries()).containsExactly(
        "intercept invite.created5", "intercept Ping5", "audit 5", "handler:invite.created5");
    assertThat(audits).singleElement()
        .satisfies(audit -> assertThat(audit.causationId()).contains(root.eventId()));
  }

  @Test
  void eventCreatedInAnInterceptor_isCausedByTheHandledEvent() {
    AtomicReference<EventHeader> created = new AtomicReference<>();
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .interceptor((event, handler, next) -> {
          created.set(EventHeader.create());
          next.proceed(event);
        })
        .build();
    dispatcher.register(InviteCreated.class, event -> {});
    InviteCreated root = new InviteCreated(1);

    dispatcher.dispatch(root);

    assertThat(created.get().causationId()).contains(root.eventId());
  }

  @Test
  void nullInterceptor_isRejected() {
    assertThatThrownBy(() -> InProcessEventDispatcher.builder().interceptor(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("interceptor");
  }
}
