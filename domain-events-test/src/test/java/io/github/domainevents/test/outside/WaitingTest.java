package io.github.domainevents.test.outside;

import static io.github.domainevents.test.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.DomainEventsExtension;
import io.github.domainevents.test.EventCapture;
import io.github.domainevents.test.outside.Events.AuditLogged;
import io.github.domainevents.test.outside.Events.InviteCreated;
import io.github.domainevents.test.outside.Events.InviteRevoked;
import io.github.domainevents.test.outside.Events.WelcomeMailSent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Waiting for events, for their absence and for quiescence, without sleeping. */
@ExtendWith(DomainEventsExtension.class)
@Timeout(30)
class WaitingTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private InProcessEventDispatcher dispatcher;

  @BeforeEach
  void dispatcher() {
    dispatcher = EventCapture.instrument(InProcessEventDispatcher.builder()).build();
    dispatcher.register(InviteCreated.class, e -> dispatcher.dispatchAsync(new WelcomeMailSent(e.email())));
    dispatcher.register(AuditLogged.class, e -> release.await(30, TimeUnit.SECONDS));
  }

  @Test
  void awaitEventReturnsAnAlreadyCapturedEvent(CapturedEvents events) {
    InviteCreated invite = new InviteCreated(1, "ada@example.com");
    dispatcher.dispatch(invite);

    assertThat(events.awaitEvent(InviteCreated.class)).isSameAs(invite);
    events.awaitQuiescence();
  }

  @Test
  void awaitEventWaitsForASecondaryAsyncEventMatchingAPredicate(CapturedEvents events) {
    dispatcher.dispatchAsync(new InviteCreated(1, "ada@example.com"));
    dispatcher.dispatchAsync(new InviteCreated(2, "bob@example.com"));

    WelcomeMailSent mail = events.awaitEvent(WelcomeMailSent.class, m -> m.email().startsWith("bob"));

    assertThat(mail.email()).isEqualTo("bob@example.com");
    events.awaitQuiescence();
  }

  @Test
  void awaitEventFailsWithWhatWasCapturedInstead(CapturedEvents events) {
    dispatcher.dispatch(new InviteCreated(1, "ada@example.com"));
    events.awaitEvent(WelcomeMailSent.class);
    events.awaitQuiescence();

    assertThatThrownBy(() -> events.awaitEvent(WelcomeMailSent.class, m -> m.email().startsWith("bob"), Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("an event of type WelcomeMailSent matching the condition within 0.02s")
        .hasMessageContaining("1 event(s) of that type were captured, none matching")
        .hasMessageContaining("ada@example.com")
        .hasMessageContaining("invite.created")
        .hasMessageContaining("└─");
    assertThatThrownBy(() -> events.awaitEvent(InviteRevoked.class, e -> true, Duration.ZERO))
        .hasMessageContaining("no event of that type was captured");
  }

  @Test
  void assertNoEventPassesWhenNothingArrivesInTheWindow(CapturedEvents events) {
    dispatcher.dispatch(new InviteCreated(1, "ada@example.com"));

    events.assertNoEvent(InviteRevoked.class, Duration.ofMillis(50));
    events.assertNoEvent(WelcomeMailSent.class, m -> m.email().startsWith("bob"), Duration.ofMillis(50));
    events.awaitQuiescence();
  }

  @Test
  void assertNoEventFailsAsSoonAsTheEventArrives(CapturedEvents events) {
    dispatcher.dispatchAsync(new InviteCreated(1, "ada@example.com"));

    // The window is longer than the class's @Timeout: only failing on arrival ends it in time.
    assertThatThrownBy(() -> events.assertNoEvent(WelcomeMailSent.class, Duration.ofMinutes(5)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no event of type WelcomeMailSent matching the condition within 5m")
        .hasMessageContaining("this one arrived: WelcomeMailSent[")
        .hasMessageContaining("ada@example.com");
    events.awaitQuiescence();
  }

  @Test
  void assertNoEventCountsEventsCapturedBeforeTheCall(CapturedEvents events) {
    dispatcher.dispatch(new InviteCreated(1, "ada@example.com"));

    assertThatThrownBy(() -> events.assertNoEvent(InviteCreated.class, Duration.ZERO))
        .hasMessageContaining("this one arrived: InviteCreated[");
    events.awaitQuiescence();
  }

  @Test
  void awaitQuiescenceWaitsForBlockedHandlersAndSaysHowManyAreBusy(CapturedEvents events) {
    dispatcher.dispatchAsync(new AuditLogged("blocked until released"));
    events.awaitEvent(AuditLogged.class);

    assertThatThrownBy(() -> events.awaitQuiescence(Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("every asynchronous dispatch to finish within 0.02s")
        .hasMessageContaining("1 asynchronous dispatch(es) were still queued or running")
        .hasMessageContaining("1 handler run(s) had not finished");
    assertThat(events.isQuiescent()).isFalse();

    release.countDown();
    events.awaitQuiescence();
    assertThat(events.isQuiescent()).isTrue();
  }

  @Test
  void awaitQuiescenceCoversTheApplicationsOwnTrackedExecutor(CapturedEvents events) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Executor tracked = EventCapture.executor(task -> new Thread(task).start());
    tracked.execute(() -> {
      started.countDown();
      dispatcher.dispatch(new InviteRevoked(9));
    });

    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    events.awaitQuiescence();
    assertThat(events).contains(InviteRevoked.class);
  }

  @Test
  void aWaitOnAnInterruptedThreadFailsAndKeepsTheFlag(CapturedEvents events) {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> events.awaitEvent(InviteRevoked.class))
          .hasMessageContaining("interrupted while waiting for an event of type InviteRevoked");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
