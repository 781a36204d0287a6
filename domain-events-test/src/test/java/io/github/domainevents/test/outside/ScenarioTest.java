package io.github.domainevents.test.outside;

import static io.github.domainevents.test.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.EventDispatchException;
import io.github.domainevents.EventDispatcher;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.DomainEventsExtension;
import io.github.domainevents.test.EventCapture;
import io.github.domainevents.test.Scenario;
import io.github.domainevents.test.outside.Events.AuditLogged;
import io.github.domainevents.test.outside.Events.InviteCreated;
import io.github.domainevents.test.outside.Events.InviteRevoked;
import io.github.domainevents.test.outside.Events.WelcomeMailSent;
import io.github.domainevents.DomainEventHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Given / when / then for one handler and for a whole dispatcher. */
@ExtendWith(DomainEventsExtension.class)
class ScenarioTest {

  /** A handler under test: mails new invites, unless the address is blocked. */
  static final class SendWelcomeMail implements DomainEventHandler<InviteCreated> {
    private final EventDispatcher events;
    private final Set<String> blocked = new HashSet<>();

    SendWelcomeMail(EventDispatcher events) {
      this.events = events;
    }

    void block(String email) {
      blocked.add(email);
    }

    @Override
    public void handle(InviteCreated invite) throws IOException {
      if (blocked.contains(invite.email())) {
        throw new IOException("blocked address " + invite.email());
      }
      events.dispatch(new WelcomeMailSent(EventHeader.builder().metadata("template", "welcome").build(),
          invite.email()));
    }
  }

  @Test
  void oneHandlerThenTheEventsItDispatched() {
    Scenario.forDispatchingHandler(InviteCreated.class, SendWelcomeMail::new)
        .when(new InviteCreated(EventHeader.builder().metadata("tenant", "acme").build(), 42, "ada@example.com"))
        .then()
        .hasCausalTree("""
            invite.created
              welcome-mail.sent
            """)
        .containsEventLike(new WelcomeMailSent("ada@example.com"))
        .event(WelcomeMailSent.class)
        .isCausedBy(InviteCreated.class)
        .hasMetadata("template", "welcome");
  }

  @Test
  void givenStateThenTheExceptionThrown() {
    List<SendWelcomeMail> made = new ArrayList<>();
    Scenario scenario = Scenario.forDispatchingHandler(InviteCreated.class, dispatcher -> {
      SendWelcomeMail handler = new SendWelcomeMail(dispatcher);
      made.add(handler);
      return handler;
    });

    scenario.given(() -> made.get(0).block("spam@example.com"))
        .when(new InviteCreated(1, "spam@example.com"))
        .thenThrown()
        .isInstanceOf(EventDispatchException.class)
        .cause().isInstanceOf(IOException.class).hasMessage("blocked address spam@example.com");
  }

  @Test
  void givenEventsAreNotPartOfWhen(CapturedEvents test) {
    List<String> seen = new ArrayList<>();
    Scenario scenario = Scenario.forHandler(InviteCreated.class, invite -> seen.add(invite.email()));

    Scenario.Outcome outcome = scenario
        .given(new InviteCreated(1, "earlier@example.com"))
        .when(new InviteCreated(2, "now@example.com"));

    outcome.then().hasSize(1).contains(InviteCreated.class, e -> e.inviteId() == 2);
    assertThat(seen).containsExactly("earlier@example.com", "now@example.com");
    assertThat(test).as("the test's own capture sees given and when").hasExactly(2, InviteCreated.class);
  }

  @Test
  void aWholeDispatcher() {
    InProcessEventDispatcher dispatcher = EventCapture.instrument(InProcessEventDispatcher.builder()).build();
    dispatcher.register(InviteCreated.class, new SendWelcomeMail(dispatcher));
    dispatcher.register(WelcomeMailSent.class, mail -> dispatcher.dispatch(new AuditLogged("mail to " + mail.email())));

    Scenario.forDispatcher(dispatcher)
        .when(new InviteCreated(3, "bob@example.com"))
        .then()
        .hasCausalTree("""
            InviteCreated
              WelcomeMailSent
                AuditLogged
            """)
        .allShareOneCorrelation()
        .doesNotContain(InviteRevoked.class);
  }

  @Test
  void asynchronousFollowUpsCanBeAwaited() {
    InProcessEventDispatcher dispatcher = EventCapture.instrument(InProcessEventDispatcher.builder()).build();
    dispatcher.register(InviteCreated.class, invite -> dispatcher.dispatchAsync(new WelcomeMailSent(invite.email())));

    Scenario.Outcome outcome = Scenario.forDispatcher(dispatcher).when(new InviteCreated(4, "eve@example.com"));
    outcome.events().awaitQuiescence();

    outcome.then().event(WelcomeMailSent.class).isCausedBy(InviteCreated.class);
  }

  @Test
  void thenFailsWhenTheDispatchThrewAndSaysWhat() {
    Scenario.Outcome outcome = Scenario.forHandler(InviteRevoked.class, revoked -> {
      throw new IllegalStateException("already accepted");
    }).when(new InviteRevoked(5));

    assertThatThrownBy(outcome::then)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the dispatch to succeed")
        .hasMessageContaining("it threw java.lang.IllegalStateException: already accepted")
        .hasMessageContaining("invite.revoked")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void thenThrownFailsWhenNothingWasThrown() {
    Scenario.Outcome outcome = Scenario.forHandler(InviteRevoked.class, revoked -> { }).when(new InviteRevoked(6));

    assertThatThrownBy(outcome::thenThrown)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the dispatch to throw")
        .hasMessageContaining("it returned normally");
  }
}
