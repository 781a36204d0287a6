package io.github.domainevents.examples.inviteservice;

import io.github.domainevents.HandleEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The mails sent, as {@code GET /mails} shows them: a read model built from {@link
 * WelcomeMailSent} events, keeping the last 100, with the ids that tie each mail to the invite
 * event that caused it. Safe for concurrent use.
 */
@Component
class SentMails {
  private static final int KEPT = 100;

  /**
   * One sent mail.
   *
   * @param inviteId the invite it welcomes
   * @param to the recipient
   * @param sentAt when it went out
   * @param eventId the id of its {@link WelcomeMailSent} event
   * @param causationId the id of the event that caused it: the invite's {@link InviteCreated}
   * @param correlationId the correlation id of the request that created the invite
   */
  record SentMail(
      long inviteId,
      String to,
      Instant sentAt,
      UUID eventId,
      @Nullable UUID causationId,
      @Nullable UUID correlationId) {}

  private final Deque<SentMail> mails = new ArrayDeque<>();

  /**
   * Records a mail.
   *
   * @param sent the event announcing it
   */
  @HandleEvent
  public void record(WelcomeMailSent sent) {
    SentMail mail =
        new SentMail(
            sent.inviteId(),
            sent.email(),
            sent.occurredAt(),
            sent.eventId(),
            sent.causationId().orElse(null),
            sent.correlationId().orElse(null));
    synchronized (mails) {
      mails.addLast(mail);
      if (mails.size() > KEPT) {
        mails.removeFirst();
      }
    }
  }

  /**
   * Returns the last 100 mails, oldest first.
   *
   * @return a snapshot
   */
  public List<SentMail> all() {
    synchronized (mails) {
      return List.copyOf(mails);
    }
  }
}
