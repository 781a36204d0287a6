package io.github.domainevents.test.outside;

import static io.github.domainevents.test.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventDispatcher;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.EventCapture;
import io.github.domainevents.test.outside.Events.AuditLogged;
import io.github.domainevents.test.outside.Events.CacheWarmed;
import io.github.domainevents.test.outside.Events.InviteCreated;
import io.github.domainevents.test.outside.Events.WelcomeMailSent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A capture records what its scope dispatches, wherever it runs, and nothing else. */
@Timeout(60)
class CaptureScopeTest {

  private static InProcessEventDispatcher instrumented() {
    return EventCapture.instrument(InProcessEventDispatcher.builder()).build();
  }

  @Test
  void capturesTheTestThreadsDispatchesAndNestedOnes() {
    InProcessEventDispatcher dispatcher = instrumented();
    dispatcher.register(InviteCreated.class, e -> dispatcher.dispatch(new WelcomeMailSent(e.email())));
    dispatcher.register(WelcomeMailSent.class, e -> dispatcher.dispatch(new AuditLogged("mail")));

    try (CapturedEvents events = EventCapture.open()) {
      dispatcher.dispatch(new InviteCreated(1, "ada@example.com"));

      assertThat(events.all())
          .extracting(DomainEvent::eventType)
          .containsExactly("invite.created", "welcome-mail.sent", "audit.logged");
      assertThat(events.ofType(WelcomeMailSent.class)).singleElement()
          .extracting(WelcomeMailSent::email).isEqualTo("ada@example.com");
    }
  }

  @Test
  void capturesAsyncDispatchesAndTheirFollowUps() {
    InProcessEventDispatcher dispatcher = instrumented();
    dispatcher.register(InviteCreated.class, e -> dispatcher.dispatchAsync(new CacheWarmed(e.inviteId())));

    try (CapturedEvents events = EventCapture.open()) {
      dispatcher.dispatchAsync(new InviteCreated(7, "ada@example.com"));

      CacheWarmed warmed = events.awaitEvent(CacheWarmed.class);
      events.awaitQuiescence();
      assertThat(warmed.inviteId()).isEqualTo(7);
      assertThat(events).event(CacheWarmed.class).isCausedBy(InviteCreated.class);
      assertThat(events.isQuiescent()).isTrue();
    }
  }

  @Test
  void capturesDispatchesFromWrappedExecutorThreads() throws Exception {
    InProcessEventDispatcher dispatcher = instrumented();
    dispatcher.register(AuditLogged.class, e -> { });
    ExecutorService pool = EventContext.wrap(Executors.newSingleThreadExecutor());
    try (CapturedEvents events = EventCapture.open()) {
      pool.submit(() -> dispatcher.dispatch(new AuditLogged("from the pool"))).get(30, TimeUnit.SECONDS);

      assertThat(events).contains(AuditLogged.class, e -> e.what().equals("from the pool"));
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void capturesEventsWithoutHandlers() {
    InProcessEventDispatcher dispatcher = instrumented();
    try (CapturedEvents events = EventCapture.open()) {
      dispatcher.dispatch(new AuditLogged("nobody listens"));

      assertThat(events).hasExactly(1, AuditLogged.class);
    }
  }

  @Test
  void aRecordingWrapperCapturesForAnyDispatcher() {
    List<DomainEvent> delivered = new ArrayList<>();
    EventDispatcher userWritten = delivered::add;
    EventDispatcher recording = EventCapture.recording(userWritten);

    try (CapturedEvents events = EventCapture.open()) {
      recording.dispatch(new AuditLogged("hand-made dispatcher"));

      assertThat(events).hasSize(1).contains(AuditLogged.class);
      assertThat(delivered).hasSize(1);
    }
  }

  @Test
  void anInterceptorAloneConnectsADispatcherTheUserBuilt() {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(EventCapture.interceptor()).build();
    dispatcher.register(InviteCreated.class, e -> { });
    try (CapturedEvents events = EventCapture.open()) {
      dispatcher.dispatch(new InviteCreated(3, "bob@example.com"));

      assertThat(events).hasExactly(1, InviteCreated.class);
    }
  }

  @Test
  void nothingIsCapturedOutsideTheScope() {
    InProcessEventDispatcher dispatcher = instrumented();
    dispatcher.register(AuditLogged.class, e -> { });
    CapturedEvents events = EventCapture.open();
    events.close();

    dispatcher.dispatch(new AuditLogged("after close"));

    assertThat(events).isEmpty();
    assertThat(EventCapture.current()).isEmpty();
  }

  @Test
  void anEventHandledTwiceIsCapturedOnce() {
    InProcessEventDispatcher dispatcher = instrumented();
    dispatcher.register(AuditLogged.class, e -> { });
    dispatcher.register(AuditLogged.class, e -> { });
    try (CapturedEvents events = EventCapture.open()) {
      AuditLogged once = new AuditLogged("twice handled");
      dispatcher.dispatch(once);
      dispatcher.dispatch(once);

      assertThat(events).hasSize(1);
    }
  }

  @Test
  void nestedCapturesReportToTheEnclosingOneToo() {
    InProcessEventDispatcher dispatcher = instrumented();
    dispatcher.register(AuditLogged.class, e -> { });
    try (CapturedEvents outer = EventCapture.open()) {
      dispatcher.dispatch(new AuditLogged("outer only"));
      try (CapturedEvents inner = EventCapture.open()) {
        dispatcher.dispatch(new AuditLogged("both"));
        assertThat(EventCapture.current()).containsSame(inner);
        assertThat(inner).hasSize(1).contains(AuditLogged.class, e -> e.what().equals("both"));
      }
      assertThat(outer).hasSize(2);
    }
  }

  @Test
  void twoCapturesOnTwoThreadsSharingOneDispatcherSeeOnlyTheirOwnEvents() throws Exception {
    InProcessEventDispatcher dispatcher = instrumented();
    dispatcher.register(InviteCreated.class, e -> dispatcher.dispatchAsync(new WelcomeMailSent(e.email())));
    CountDownLatch bothOpen = new CountDownLatch(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<List<String>>> results = new ArrayList<>();
      for (String who : List.of("ada", "bob")) {
        results.add(CompletableFuture.supplyAsync(() -> {
          try (CapturedEvents events = EventCapture.open()) {
            bothOpen.countDown();
            await(bothOpen);
            for (int i = 0; i < 20; i++) {
              dispatcher.dispatch(new InviteCreated(i, who + i + "@example.com"));
            }
            events.awaitQuiescence();
            return events.ofType(WelcomeMailSent.class).stream().map(WelcomeMailSent::email).toList();
          }
        }, threads));
      }

      assertThat(results.get(0).get(30, TimeUnit.SECONDS)).hasSize(20).allMatch(m -> m.startsWith("ada"));
      assertThat(results.get(1).get(30, TimeUnit.SECONDS)).hasSize(20).allMatch(m -> m.startsWith("bob"));
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void deadEventsOutsideACaptureGoToTheFallback() {
    List<DomainEvent> fallback = new ArrayList<>();
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .deadEventHandler(EventCapture.deadEvents(fallback::add)).build();

    dispatcher.dispatch(new AuditLogged("outside"));
    try (CapturedEvents events = EventCapture.open()) {
      dispatcher.dispatch(new AuditLogged("inside"));
      assertThat(events).hasSize(1).contains(AuditLogged.class, e -> e.what().equals("inside"));
    }

    assertThat(fallback).singleElement().extracting(e -> ((AuditLogged) e).what()).isEqualTo("outside");
  }

  @Test
  void aTaskTheExecutorRejectsIsNotLeftPending() {
    Executor refusing = EventCapture.executor(task -> {
      throw new RejectedExecutionException("full");
    });
    try (CapturedEvents events = EventCapture.open()) {
      assertThatThrownBy(() -> refusing.execute(() -> { }))
          .isInstanceOf(RejectedExecutionException.class);

      assertThat(events.isQuiescent()).isTrue();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
