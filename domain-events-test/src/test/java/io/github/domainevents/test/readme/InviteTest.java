package io.github.domainevents.test.readme;

import static io.github.domainevents.test.EventAssertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.DomainEventsExtension;
import io.github.domainevents.test.EventCapture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's "Testing" examples; {@link ReadmeTestingTest} checks the README shows this code. */
// tag::unit[]
@ExtendWith(DomainEventsExtension.class)
class InviteTest {
  InProcessEventDispatcher dispatcher =
      EventCapture.instrument(InProcessEventDispatcher.builder()).build();

  @Test
  void invitingSendsTheWelcomeMail(CapturedEvents events) {
    dispatcher.register(InviteCreated.class,
        invite -> dispatcher.dispatch(new EmailSent(invite.email())));

    dispatcher.dispatch(new InviteCreated(42, "ada@example.com"));

    assertThat(events)
        .hasExactly(1, EmailSent.class)
        .event(EmailSent.class).isCausedBy(InviteCreated.class);
  }
  // end::unit[]

  // tag::async[]
  @Test
  void theCacheIsWarmedInTheBackground(CapturedEvents events) {
    dispatcher.register(InviteCreated.class,
        invite -> dispatcher.dispatchAsync(new CacheWarmed(invite.inviteId())));

    dispatcher.dispatchAsync(new InviteCreated(42, "ada@example.com"));

    events.awaitEvent(CacheWarmed.class, warmed -> warmed.inviteId() == 42);
    events.assertNoEvent(EmailSent.class, Duration.ofMillis(100));
    events.awaitQuiescence();
  }
  // end::async[]

  @EventType("invite.created")
  record InviteCreated(EventHeader header, long inviteId, String email) implements DomainEvent {
    InviteCreated(long inviteId, String email) {
      this(EventHeader.create(), inviteId, email);
    }
  }

  @EventType("email.sent")
  record EmailSent(EventHeader header, String to) implements DomainEvent {
    EmailSent(String to) {
      this(EventHeader.create(), to);
    }
  }

  @EventType("cache.warmed")
  record CacheWarmed(EventHeader header, long inviteId) implements DomainEvent {
    CacheWarmed(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }
}
