package io.github.domainevents.springtest.kit;

import static io.github.domainevents.test.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.springtest.kit.KitApp.Invites;
import io.github.domainevents.springtest.kit.KitApp.Threads;
import io.github.domainevents.springtest.kit.KitEvents.CacheWarmed;
import io.github.domainevents.springtest.kit.KitEvents.ForInvite;
import io.github.domainevents.springtest.kit.KitEvents.InviteCreated;
import io.github.domainevents.springtest.kit.KitEvents.InviteRolledBack;
import io.github.domainevents.springtest.kit.KitEvents.MailLogged;
import io.github.domainevents.springtest.kit.KitEvents.WelcomeMailSent;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.TestClock;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A committed transaction: the event dispatched in it, what its after-commit handler dispatches
 * on the committing thread, and what runs asynchronously on Boot's task executor are all
 * captured by the test that committed, with the test's clock and id sequence, and nothing of
 * the other tests sharing the context (also when they run at the same time, see {@link
 * ParallelSpringTestsTest}).
 */
@KitTest
class CommittedInvitesTest {
  @Autowired Invites invites;
  @Autowired Threads threads;
  @Autowired ApplicationContext context;

  @BeforeAll
  static void meet() throws InterruptedException {
    SharedRun.meetTheOtherClasses("CommittedInvitesTest");
  }

  @RepeatedTest(10)
  void theCommittingTestCapturesTheWholeCascade(
      RepetitionInfo repetition, CapturedEvents events, TestClock clock) {
    SharedRun.usedContext(context);
    long mine = SharedRun.nextInviteId();
    clock.advance(Duration.ofMinutes(repetition.getCurrentRepetition()));

    invites.create(mine);

    MailLogged logged = events.awaitEvent(MailLogged.class);
    events.awaitQuiescence();
    assertThat(invites.exists(mine)).isTrue();
    assertThat(events)
        .hasCausalTree("""
            invite.created
              cache.warmed
              welcome-mail.sent
                mail.logged
            """)
        .doesNotContain(InviteRolledBack.class)
        .allShareOneCorrelation();
    assertThat(events).event(WelcomeMailSent.class).isCausedBy(InviteCreated.class);
    assertThat(events).event(MailLogged.class).isCausedTransitivelyBy(InviteCreated.class);
    assertThat(events.all())
        .allSatisfy(event -> assertThat(((ForInvite) event).inviteId()).isEqualTo(mine))
        .extracting(DomainEvent::eventId)
        .containsExactlyInAnyOrderElementsOf(
            LongStream.rangeClosed(1, 4).mapToObj(n -> new UUID(0, n)).toList());
    assertThat(events.all())
        .extracting(DomainEvent::occurredAt)
        .containsOnly(TestClock.DEFAULT_START.plus(Duration.ofMinutes(repetition.getCurrentRepetition())));
    assertThat(threads.of(logged)).hasValueSatisfying(name -> assertThat(name).startsWith("task-"));
    assertThat(threads.of(events.ofType(CacheWarmed.class).get(0)))
        .hasValueSatisfying(name -> assertThat(name).startsWith("task-"));
  }
}
