package io.github.domainevents.examples;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.InProcessEventDispatcher;

/** Two events, two handlers, and the second event knows the first caused it. */
public final class QuickStart {
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

  /**
   * Runs the quick start.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var dispatcher = new InProcessEventDispatcher();

    dispatcher.register(InviteCreated.class, invite -> {
      System.out.println("mailing " + invite.email());
      dispatcher.dispatch(new EmailSent(invite.email())); // caused by the invite
    });
    dispatcher.register(EmailSent.class, sent ->
        System.out.println("sent " + sent.eventId() + ", caused by " + sent.causationId().orElseThrow()));

    var invite = new InviteCreated(42, "ada@example.com");
    System.out.println("invite " + invite.eventId() + " (" + invite.eventType() + ")");
    dispatcher.dispatch(invite);
  }

  private QuickStart() {}
}
