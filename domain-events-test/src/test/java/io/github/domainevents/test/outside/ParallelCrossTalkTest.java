package io.github.domainevents.test.outside;

import static io.github.domainevents.test.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.DomainEventsExtension;
import io.github.domainevents.test.EventCapture;
import io.github.domainevents.test.TestClock;
import io.github.domainevents.test.outside.Events.AuditLogged;
import io.github.domainevents.test.outside.Events.CacheWarmed;
import io.github.domainevents.test.outside.Events.InviteCreated;
import io.github.domainevents.test.outside.Events.WelcomeMailSent;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * 60 tests run in parallel (junit-platform.properties: 4 threads) against one shared dispatcher,
 * each dispatching synchronously and asynchronously: each sees exactly its own events, its own
 * id sequence and its own clock. A capture keyed by thread, or a global recorder, fails this.
 */
@ExtendWith(DomainEventsExtension.class)
@Execution(ExecutionMode.CONCURRENT)
@Timeout(60)
class ParallelCrossTalkTest {
  private static final InProcessEventDispatcher SHARED = EventCapture.instrument(InProcessEventDispatcher.builder()).build();

  static {
    SHARED.register(InviteCreated.class, invite -> SHARED.dispatch(new WelcomeMailSent(invite.email())));
    SHARED.register(InviteCreated.class, invite -> SHARED.dispatchAsync(new CacheWarmed(invite.inviteId())));
    SHARED.register(CacheWarmed.class, warmed -> SHARED.dispatchAsync(new AuditLogged("warmed " + warmed.inviteId())));
  }

  @RepeatedTest(60)
  void eachTestSeesOnlyItsOwnEvents(RepetitionInfo repetition, CapturedEvents events, TestClock clock) {
    long mine = repetition.getCurrentRepetition();
    clock.advance(Duration.ofSeconds(mine));

    for (int i = 0; i < 3; i++) {
      SHARED.dispatch(new InviteCreated(mine, "user" + mine + "@example.com"));
    }
    events.awaitEvent(AuditLogged.class);
    events.awaitQuiescence();

    assertThat(events)
        .hasSize(12)
        .hasExactly(3, InviteCreated.class, e -> e.inviteId() == mine)
        .hasExactly(3, WelcomeMailSent.class, e -> e.email().equals("user" + mine + "@example.com"))
        .hasExactly(3, CacheWarmed.class, e -> e.inviteId() == mine)
        .hasExactly(3, AuditLogged.class, e -> e.what().equals("warmed " + mine))
        .hasCausalTree(String.join("", java.util.Collections.nCopies(3, """
            invite.created
              welcome-mail.sent
              cache.warmed
                audit.logged
            """)));
    assertThat(events.all()).extracting(DomainEvent::eventId)
        .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 12)
            .mapToObj(n -> new UUID(0, n)).toList());
    assertThat(events.all()).extracting(DomainEvent::occurredAt)
        .containsOnly(TestClock.DEFAULT_START.plusSeconds(mine));
  }
}
