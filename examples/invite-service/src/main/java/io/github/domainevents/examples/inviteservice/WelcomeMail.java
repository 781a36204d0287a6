package io.github.domainevents.examples.inviteservice;

import io.github.domainevents.EventDispatcher;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.TransactionPhase;
import org.springframework.stereotype.Component;

/**
 * Sends the welcome mail once the invite's transaction has committed, never for one that rolled
 * back, then announces it with {@link WelcomeMailSent}, which the dispatcher marks as caused by
 * the invite's {@link InviteCreated}.
 */
@Component
class WelcomeMail {
  private final LoggingMailSender mailSender;
  private final EventDispatcher events;

  WelcomeMail(LoggingMailSender mailSender, EventDispatcher events) {
    this.mailSender = mailSender;
    this.events = events;
  }

  /**
   * Sends the mail and dispatches {@link WelcomeMailSent}.
   *
   * @param invite the committed invite
   */
  @HandleEvent(phase = TransactionPhase.AFTER_COMMIT)
  public void send(InviteCreated invite) {
    mailSender.send(
        new LoggingMailSender.Mail(
            invite.email(),
            "You are invited",
            "Welcome! Your invite number is " + invite.inviteId() + "."));
    events.dispatch(new WelcomeMailSent(invite.inviteId(), invite.email()));
  }
}
