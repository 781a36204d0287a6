package io.github.domainevents.test.outside;

import static io.github.domainevents.test.EventAssertions.assertThat;

import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.DomainEventsExtension;
import io.github.domainevents.test.EventCapture;
import io.github.domainevents.test.outside.Events.AuditLogged;
import io.github.domainevents.test.outside.Events.InviteCreated;
import io.github.domainevents.test.outside.Events.WelcomeMailSent;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An asynchronous fan-out (1 → 5 async → 5 async each), 40 times, in parallel with the other
 * tests: awaiting an event, quiescence and the absence of an event hold every time.
 */
@ExtendWith(DomainEventsExtension.class)
@Timeout(60)
class AsyncRepeatedTest {

  @RepeatedTest(40)
  void fanOutIsFullyCapturedAndAwaited(CapturedEvents events) {
    InProcessEventDispatcher dispatcher = EventCapture.instrument(InProcessEventDispatcher.builder()).build();
    dispatcher.register(InviteCreated.class, invite -> {
      for (int i = 0; i < 5; i++) {
        dispatcher.dispatchAsync(new WelcomeMailSent(i + "@example.com"));
      }
    });
    dispatcher.register(WelcomeMailSent.class, mail -> {
      for (int i = 0; i < 5; i++) {
        dispatcher.dispatchAsync(new AuditLogged(mail.email() + "#" + i));
      }
    });

    dispatcher.dispatchAsync(new InviteCreated(1, "ada@example.com"));

    events.awaitEvent(AuditLogged.class, audit -> audit.what().equals("4@example.com#4"));
    events.awaitQuiescence();
    events.assertNoEvent(InviteCreated.class, invite -> invite.inviteId() != 1, Duration.ZERO);
    assertThat(events)
        .hasSize(31)
        .hasExactly(5, WelcomeMailSent.class)
        .hasExactly(25, AuditLogged.class)
        .allShareOneCorrelation()
        .event(AuditLogged.class, audit -> audit.what().equals("2@example.com#3"))
        .isCausedBy(WelcomeMailSent.class)
        .isCausedTransitivelyBy(InviteCreated.class);
  }
}
