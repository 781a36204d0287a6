package io.github.domainevents.springtest.kit;

import static io.github.domainevents.test.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.springtest.kit.KitApp.Invites;
import io.github.domainevents.springtest.kit.KitApp.Threads;
import io.github.domainevents.springtest.kit.KitEvents.CacheWarmed;
import io.github.domainevents.springtest.kit.KitEvents.ForInvite;
import io.github.domainevents.springtest.kit.KitEvents.InviteCreated;
import io.github.domainevents.springtest.kit.KitEvents.MailLogged;
import io.github.domainevents.springtest.kit.KitEvents.NobodyListens;
import io.github.domainevents.springtest.kit.KitEvents.WelcomeMailSent;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.annotation.Transactional;

/**
 * The other ways events reach the Spring dispatcher: Spring's ApplicationEventPublisher, {@code
 * dispatchAsync} from the test on Boot's task executor, an event nobody handles, and {@link
 * Scenario} on the application's dispatcher.
 */
@KitTest
class SpringPathsTest {
  @Autowired Invites invites;
  @Autowired Threads threads;
  @Autowired InProcessEventDispatcher dispatcher;
  @Autowired ApplicationContext context;

  @BeforeAll
  static void meet() throws InterruptedException {
    SharedRun.meetTheOtherClasses("SpringPathsTest");
  }

  @BeforeEach
  void recordContext() {
    SharedRun.usedContext(context);
  }

  @RepeatedTest(5)
  void anEventPublishedThroughSpringIsCapturedWithItsCascade(CapturedEvents events) {
    long mine = SharedRun.nextInviteId();

    invites.createThroughSpring(mine);

    events.awaitEvent(MailLogged.class);
    events.awaitQuiescence();
    assertThat(events)
        .hasCausalTree("""
            invite.created
              cache.warmed
              welcome-mail.sent
                mail.logged
            """)
        .hasExactly(1, InviteCreated.class, created -> created.inviteId() == mine);
    assertThat(events.ofType(ForInvite.class)).extracting(ForInvite::inviteId).containsOnly(mine);
  }

  @RepeatedTest(5)
  void anAsyncDispatchFromTheTestRunsOnTheApplicationsExecutorAndIsAwaited(CapturedEvents events) {
    long mine = SharedRun.nextInviteId();

    dispatcher.dispatchAsync(new CacheWarmed(mine));

    CacheWarmed warmed = events.awaitEvent(CacheWarmed.class, e -> e.inviteId() == mine);
    events.awaitQuiescence();
    assertThat(threads.of(warmed)).hasValueSatisfying(name -> assertThat(name).startsWith("task-"));
    assertThat(events).hasSize(1);
  }

  @Test
  void anEventWithoutHandlersIsCaptured(CapturedEvents events) {
    long mine = SharedRun.nextInviteId();

    dispatcher.dispatch(new NobodyListens(mine));

    assertThat(events).hasExactly(1, NobodyListens.class, e -> e.inviteId() == mine).hasSize(1);
  }

  @Test
  void aScenarioOnTheApplicationsDispatcherCapturesTheCascade() {
    long mine = SharedRun.nextInviteId();

    Scenario.Outcome outcome =
        Scenario.forDispatcher(dispatcher).when(new WelcomeMailSent(mine));

    outcome.events().awaitEvent(MailLogged.class);
    outcome.events().awaitQuiescence();
    outcome.then()
        .hasCausalTree("""
            welcome-mail.sent
              mail.logged
            """)
        .event(MailLogged.class)
        .isCausedBy(WelcomeMailSent.class);
  }

  @Test
  @Transactional // Spring's test-managed transaction: rolled back after the test
  void inATestManagedTransactionNoAfterCommitHandlerRuns(CapturedEvents events) {
    long mine = SharedRun.nextInviteId();

    dispatcher.dispatch(new InviteCreated(mine));

    events.awaitEvent(CacheWarmed.class);
    events.awaitQuiescence();
    assertThat(events)
        .hasCausalTree("""
            invite.created
              cache.warmed
            """)
        .doesNotContain(WelcomeMailSent.class);
  }

  @Test
  void aScenarioOutsideATransactionShowsTheNoUnitOfWorkPolicy(CapturedEvents events) {
    long mine = SharedRun.nextInviteId();

    Scenario.forDispatcher(dispatcher)
        .when(new InviteCreated(mine))
        .thenThrown()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("invite.created");
    assertThat(events).hasSize(1).doesNotContain(CacheWarmed.class);
  }
}
