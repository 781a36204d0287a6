package io.github.domainevents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.EventHeader;
import io.github.domainevents.test.DomainEventsExtension;
import io.github.domainevents.test.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's handlers one by one, given / when / then, with the test kit. {@link InviteDemoTest}
 * checks the whole story through its printed output; these say what each handler does.
 */
@ExtendWith(DomainEventsExtension.class)
class InviteHandlersTest {
  private final List<String> outbox = new ArrayList<>();

  @Test
  void sendWelcomeMailMailsTheInviteeAndRaisesTheMailEventCausedByTheInvite() {
    Scenario.forDispatchingHandler(
            InviteCreated.class, dispatcher -> new InviteHandlers.SendWelcomeMail(dispatcher, outbox))
        .when(new InviteCreated(
            EventHeader.builder().metadata("tenant", "acme").build(), 42, "tok_1", "grace@example.com"))
        .then()
        .hasCausalTree("""
            invite.created
              email.sent
            """)
        .containsEventLike(new WelcomeMailSent(42, "grace@example.com"))
        .event(InviteCreated.class)
        .hasMetadata("tenant", "acme");
    assertThat(outbox).containsExactly("to grace@example.com: you are invited, use tok_1");
  }

  @Test
  void warmInviteCacheFailsWhileTheCacheIsDown() {
    Scenario.forHandler(InviteCreated.class, new InviteHandlers.WarmInviteCache())
        .when(new InviteCreated(43, "tok_2", "heidi@example.com"))
        .thenThrown()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cache down");
  }

  @Test
  void activityAuditsSentMail() {
    InviteHandlers.Activity activity = new InviteHandlers.Activity();

    Scenario.forHandler(WelcomeMailSent.class, activity::audit)
        .when(new WelcomeMailSent(42, "grace@example.com"))
        .then()
        .hasSize(1);
    assertThat(activity.log()).containsExactly("audit: welcome mail to grace@example.com");
  }
}
