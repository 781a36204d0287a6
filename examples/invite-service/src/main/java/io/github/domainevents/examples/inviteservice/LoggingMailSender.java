package io.github.domainevents.examples.inviteservice;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stands in for a mail server: logs each mail and remembers the last 100. Safe for concurrent
 * use.
 */
@Component
class LoggingMailSender {
  private static final Logger log = LoggerFactory.getLogger(LoggingMailSender.class);
  private static final int KEPT = 100;

  /** A mail as handed to the sender. */
  record Mail(String to, String subject, String body) {}

  private final Deque<Mail> sent = new ArrayDeque<>();

  /**
   * "Sends" a mail: logs it at INFO.
   *
   * @param mail the mail
   */
  public void send(Mail mail) {
    log.info("mail to {}: {}", mail.to(), mail.subject());
    synchronized (sent) {
      sent.addLast(mail);
      if (sent.size() > KEPT) {
        sent.removeFirst();
      }
    }
  }

  /**
   * Returns the last 100 mails sent, oldest first.
   *
   * @return a snapshot
   */
  public List<Mail> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }
}
