package io.github.domainevents.test.outside;

import static io.github.domainevents.test.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.EventCapture;
import io.github.domainevents.test.outside.Events.AuditLogged;
import io.github.domainevents.test.outside.Events.CacheWarmed;
import io.github.domainevents.test.outside.Events.InviteCreated;
import io.github.domainevents.test.outside.Events.InviteRevoked;
import io.github.domainevents.test.outside.Events.WelcomeMailSent;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every assertion passes on the events that did happen, and its failure message names what was
 * expected, what was found, and shows the captured causal tree.
 */
class AssertionMessagesTest {
  private static final String TREE_HEADING = "as causal trees:";

  private CapturedEvents events;
  private InviteCreated invite;

  /** Captures invite.created → welcome-mail.sent (tenant=acme) → audit.logged, and cache.warmed. */
  @BeforeEach
  void dispatchAnInvite() {
    InProcessEventDispatcher dispatcher = EventCapture.instrument(InProcessEventDispatcher.builder()).build();
    dispatcher.register(InviteCreated.class, e -> dispatcher.dispatch(
        new WelcomeMailSent(EventHeader.builder().metadata("tenant", "acme").build(), e.email())));
    dispatcher.register(InviteCreated.class, e -> dispatcher.dispatch(new CacheWarmed(e.inviteId())));
    dispatcher.register(WelcomeMailSent.class, e -> dispatcher.dispatch(new AuditLogged("mail")));
    events = EventCapture.open();
    invite = new InviteCreated(42, "ada@example.com");
    dispatcher.dispatch(invite);
  }

  @AfterEach
  void close() {
    events.close();
  }

  @Test
  void contains() {
    assertThat(events).contains(WelcomeMailSent.class).contains(InviteCreated.class, e -> e.inviteId() == 42);

    assertThatThrownBy(() -> assertThat(events).contains(InviteRevoked.class))
        .hasMessageContaining("an event of type InviteRevoked")
        .hasMessageContaining("no event of that type was captured")
        .hasMessageContaining(TREE_HEADING)
        .hasMessageContaining("invite.created")
        .hasMessageContaining("welcome-mail.sent");
    assertThatThrownBy(() -> assertThat(events).contains(InviteCreated.class, e -> e.inviteId() == 7))
        .hasMessageContaining("none of the 1 event(s) of that type matched")
        .hasMessageContaining("inviteId=42");
  }

  @Test
  void containsEventLike() {
    assertThat(events).containsEventLike(new WelcomeMailSent("ada@example.com"));

    assertThatThrownBy(() -> assertThat(events).containsEventLike(new WelcomeMailSent("bob@example.com")))
        .hasMessageContaining("equal, apart from its header")
        .hasMessageContaining("bob@example.com")
        .hasMessageContaining("the 1 event(s) of that class differ")
        .hasMessageContaining("ada@example.com")
        .hasMessageContaining(TREE_HEADING);
  }

  @Test
  void hasExactly() {
    assertThat(events).hasExactly(1, InviteCreated.class).hasExactly(0, InviteRevoked.class).hasSize(4);

    assertThatThrownBy(() -> assertThat(events).hasExactly(2, WelcomeMailSent.class))
        .hasMessageContaining("exactly 2 event(s) of type WelcomeMailSent")
        .hasMessageContaining("1 were captured")
        .hasMessageContaining("ada@example.com")
        .hasMessageContaining(TREE_HEADING);
    assertThatThrownBy(() -> assertThat(events).hasSize(3))
        .hasMessageContaining("3 captured event(s)")
        .hasMessageContaining("4 were captured");
  }

  @Test
  void doesNotContain() {
    assertThat(events).doesNotContain(InviteRevoked.class).doesNotContain(InviteCreated.class, e -> e.inviteId() == 7);

    assertThatThrownBy(() -> assertThat(events).doesNotContain(CacheWarmed.class))
        .hasMessageContaining("no event of type CacheWarmed")
        .hasMessageContaining("1 were captured")
        .hasMessageContaining("inviteId=42")
        .hasMessageContaining(TREE_HEADING);
  }

  @Test
  void containsInOrder() {
    assertThat(events).containsInOrder(InviteCreated.class, WelcomeMailSent.class, AuditLogged.class);

    assertThatThrownBy(() -> assertThat(events).containsInOrder(AuditLogged.class, InviteCreated.class))
        .hasMessageContaining("events in the order AuditLogged → InviteCreated")
        .hasMessageContaining("no InviteCreated came after the earlier ones")
        .hasMessageContaining("captured order: InviteCreated → WelcomeMailSent → AuditLogged → CacheWarmed");
  }

  @Test
  void causedByDirectlyAndTransitively() {
    assertThat(events).event(AuditLogged.class)
        .isCausedBy(WelcomeMailSent.class)
        .isCausedTransitivelyBy(InviteCreated.class)
        .isCausedTransitivelyBy(invite);
    assertThat(events).event(WelcomeMailSent.class).isCausedBy(invite);
    assertThat(events).event(InviteCreated.class).isRoot();

    assertThatThrownBy(() -> assertThat(events).event(AuditLogged.class).isCausedBy(InviteCreated.class))
        .hasMessageContaining("to be caused directly by an event of type InviteCreated")
        .hasMessageContaining("its cause is welcome-mail.sent")
        .hasMessageContaining(TREE_HEADING);
    assertThatThrownBy(() -> assertThat(events).event(AuditLogged.class).isCausedTransitivelyBy(CacheWarmed.class))
        .hasMessageContaining("directly or not, by an event of type CacheWarmed")
        .hasMessageContaining("audit.logged")
        .hasMessageContaining("← welcome-mail.sent")
        .hasMessageContaining("← invite.created");
    assertThatThrownBy(() -> assertThat(events).event(WelcomeMailSent.class).isRoot())
        .hasMessageContaining("to have no cause")
        .hasMessageContaining("its cause is invite.created " + invite.eventId());
    assertThatThrownBy(() -> assertThat(events).event(CacheWarmed.class).isCausedTransitivelyBy(new AuditLogged("x")))
        .hasMessageContaining("it is not among its captured causes");
  }

  @Test
  void correlation() {
    assertThat(events).allShareOneCorrelation();
    assertThat(events).event(AuditLogged.class).hasCorrelationId(invite.eventId()).sharesCorrelationWith(invite);

    UUID other = new UUID(9, 9);
    assertThatThrownBy(() -> assertThat(events).event(AuditLogged.class).hasCorrelationId(other))
        .hasMessageContaining("to have correlation id " + other)
        .hasMessageContaining("it has " + invite.eventId());
    InviteCreated unrelated = new InviteCreated(1, "x");
    assertThatThrownBy(() -> assertThat(events).event(AuditLogged.class).sharesCorrelationWith(unrelated))
        .hasMessageContaining("to share the correlation of invite.created " + unrelated.eventId());
  }

  @Test
  void severalCorrelationsAreListed() {
    try (CapturedEvents two = EventCapture.open()) {
      EventCapture.recording(e -> { }).dispatch(new AuditLogged("one"));
      EventCapture.recording(e -> { }).dispatch(new AuditLogged("two"));

      assertThatThrownBy(() -> assertThat(two).allShareOneCorrelation())
          .hasMessageContaining("every captured event to share one correlation id")
          .hasMessageContaining("they have 2:");
    }
  }

  @Test
  void metadataIsFirstClass() {
    assertThat(events).event(WelcomeMailSent.class)
        .hasMetadata("tenant", "acme")
        .hasNoMetadata("user")
        .metadata().containsOnlyKeys("tenant");

    assertThatThrownBy(() -> assertThat(events).event(WelcomeMailSent.class).hasMetadata("tenant", "globex"))
        .hasMessageContaining("to have metadata tenant=globex")
        .hasMessageContaining("its metadata is {tenant=acme}")
        .hasMessageContaining(TREE_HEADING);
    assertThatThrownBy(() -> assertThat(events).event(WelcomeMailSent.class).hasNoMetadata("tenant"))
        .hasMessageContaining("to have no metadata tenant");
    assertThatThrownBy(() -> assertThat(events).event(WelcomeMailSent.class).metadata().containsKey("user"))
        .hasMessageContaining("metadata of welcome-mail.sent");
  }

  @Test
  void occurredAt() {
    Instant when = events.ofType(AuditLogged.class).get(0).occurredAt();
    assertThat(events).event(AuditLogged.class).occurredAt(when);

    assertThatThrownBy(() -> assertThat(events).event(AuditLogged.class).occurredAt(Instant.EPOCH))
        .hasMessageContaining("to have occurred at 1970-01-01T00:00:00Z")
        .hasMessageContaining("it occurred at " + when);
  }

  @Test
  void causalTreeShape() {
    assertThat(events).hasCausalTree("""
        invite.created
          cache.warmed
          welcome-mail.sent
            audit.logged
        """);
    assertThat(events).hasCausalTree("""
        InviteCreated
          WelcomeMailSent
            AuditLogged
          CacheWarmed
        """);

    assertThatThrownBy(() -> assertThat(events).hasCausalTree("""
        invite.created
          welcome-mail.sent
          audit.logged
        """))
        .hasMessageContaining("causal trees of this shape")
        .hasMessageContaining("they have this shape:\n    invite.created\n      cache.warmed\n"
            + "      welcome-mail.sent\n        audit.logged")
        .hasMessageContaining(TREE_HEADING)
        .hasMessageContaining("✓");
  }

  @Test
  void eventSelectsExactlyOne() {
    assertThatThrownBy(() -> assertThat(events).event(InviteRevoked.class))
        .hasMessageContaining("exactly one event of type InviteRevoked")
        .hasMessageContaining("0 were captured");
  }

  @Test
  void theTreeShowsHandlersAndTheirFailures() {
    InProcessEventDispatcher failing = EventCapture.instrument(InProcessEventDispatcher.builder()).build();
    failing.register(InviteRevoked.class, e -> {
      throw new IllegalStateException("already accepted");
    });
    try (CapturedEvents revoke = EventCapture.open()) {
      assertThatThrownBy(() -> failing.dispatch(new InviteRevoked(42))).isInstanceOf(IllegalStateException.class);

      assertThatThrownBy(() -> assertThat(revoke).contains(AuditLogged.class))
          .hasMessageContaining("invite.revoked")
          .hasMessageContaining("✗")
          .hasMessageContaining("IllegalStateException: already accepted");
    }
  }

  @Test
  void anEmptyCaptureSaysSo() {
    try (CapturedEvents none = EventCapture.open()) {
      assertThatThrownBy(() -> assertThat(none).contains(AuditLogged.class))
          .hasMessageContaining("(no events captured)");
      assertThat(none.renderTree()).isEqualTo("(no events captured)\n");
    }
  }
}
