package io.github.domainevents.examples.inviteservice;

import io.github.domainevents.HandleEvent;
import io.github.domainevents.TransactionPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Logs invites whose transaction rolled back: they get no welcome mail. */
@Component
class RolledBackInvites {
  private static final Logger log = LoggerFactory.getLogger(RolledBackInvites.class);

  /**
   * Logs the rollback at INFO.
   *
   * @param invite the invite that was rolled back
   */
  @HandleEvent(phase = TransactionPhase.AFTER_ROLLBACK)
  public void record(InviteCreated invite) {
    log.info("invite {} to {} rolled back: no welcome mail", invite.inviteId(), invite.email());
  }
}
