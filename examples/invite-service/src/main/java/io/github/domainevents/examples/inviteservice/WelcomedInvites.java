package io.github.domainevents.examples.inviteservice;

import io.github.domainevents.HandleEvent;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * Marks an invite as welcomed when its {@link WelcomeMailSent} arrives. That happens after the
 * invite's transaction committed, so {@link Invites#markWelcomed} writes in a transaction of its
 * own.
 */
@Component
class WelcomedInvites {
  private final Invites invites;

  WelcomedInvites(Invites invites) {
    this.invites = invites;
  }

  /**
   * Stores the time the mail went out on the invite.
   *
   * @param sent the event announcing the mail
   * @throws IllegalStateException if the invite does not exist
   */
  @HandleEvent
  public void markWelcomed(WelcomeMailSent sent) {
    if (!invites.markWelcomed(sent.inviteId(), sent.occurredAt().atOffset(ZoneOffset.UTC))) {
      throw new IllegalStateException("no invite " + sent.inviteId() + " to mark as welcomed");
    }
  }
}
