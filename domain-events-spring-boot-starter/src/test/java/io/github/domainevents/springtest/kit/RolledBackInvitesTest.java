package io.github.domainevents.springtest.kit;

import static io.github.domainevents.test.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.springtest.kit.KitApp.Invites;
import io.github.domainevents.springtest.kit.KitEvents.CacheWarmed;
import io.github.domainevents.springtest.kit.KitEvents.ForInvite;
import io.github.domainevents.springtest.kit.KitEvents.InviteRolledBack;
import io.github.domainevents.springtest.kit.KitEvents.MailLogged;
import io.github.domainevents.springtest.kit.KitEvents.WelcomeMailSent;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.DomainEventsExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A rolled-back transaction: its after-rollback handler's event is captured, no after-commit
 * handler ran, and the committed invites of tests running beside it never show up here.
 */
@KitTest
class RolledBackInvitesTest {
  @Autowired Invites invites;
  @Autowired ApplicationContext context;

  @BeforeAll
  static void meet() throws InterruptedException {
    SharedRun.meetTheOtherClasses("RolledBackInvitesTest");
  }

  @RepeatedTest(10)
  void aRollbackIsCapturedWithoutTheAfterCommitCascade(CapturedEvents events) {
    SharedRun.usedContext(context);
    long mine = SharedRun.nextInviteId();

    invites.createThenRollBack(mine);

    events.awaitEvent(CacheWarmed.class);
    events.awaitQuiescence();
    assertThat(invites.exists(mine)).isFalse();
    assertThat(events)
        .hasCausalTree("""
            invite.created
              cache.warmed
              invite.rolled-back
            """)
        .doesNotContain(WelcomeMailSent.class)
        .doesNotContain(MailLogged.class);
    assertThat(events).event(InviteRolledBack.class).hasCorrelationId(DomainEventsExtension.FIRST_ID);
    assertThat(events.all())
        .allSatisfy(event -> assertThat(((ForInvite) event).inviteId()).isEqualTo(mine));
    events.assertNoEvent(WelcomeMailSent.class, Duration.ZERO);
  }
}
