package io.github.domainevents.examples;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.EventDispatcher;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The demo's side effects, one handler each, written in the three registration styles. */
final class InviteHandlers {
  private InviteHandlers() {}

  /** A handler class: its event type comes from its generic signature. */
  static final class SendWelcomeMail implements DomainEventHandler<InviteCreated> {
    private final EventDispatcher dispatcher;
    private final List<String> outbox;

    SendWelcomeMail(EventDispatcher dispatcher, List<String> outbox) {
      this.dispatcher = dispatcher;
      this.outbox = outbox;
    }

    @Override
    public void handle(InviteCreated event) {
      outbox.add("to " + event.email() + ": you are invited, use " + event.token());
      // Raised while handling InviteCreated, so it is caused by it, automatically.
      dispatcher.dispatch(new WelcomeMailSent(event.inviteId(), event.email()));
    }
  }

  /** Warms a cache that happens to be down: the demo's failing handler. */
  static final class WarmInviteCache implements DomainEventHandler<InviteCreated> {
    @Override
    public void handle(InviteCreated event) {
      throw new IllegalStateException("cache down");
    }
  }

  /** A listener with annotated methods, registered with {@code registerAll}. */
  public static final class Activity {
    private final List<String> log = new CopyOnWriteArrayList<>();

    /**
     * Logs every event: registered for {@link DomainEvent}, it sees them all.
     *
     * @param event any event
     */
    @HandleEvent(priority = 10)
    public void record(DomainEvent event) {
      log.add(event.eventType() + " " + event.eventId());
    }

    /**
     * Audits sent mail.
     *
     * @param event the mail that went out
     */
    @HandleEvent
    public void audit(WelcomeMailSent event) {
      log.add("audit: welcome mail to " + event.email());
    }

    List<String> log() {
      return log;
    }
  }

  /** Records invites whose unit of work rolled back: bound to the after-rollback phase. */
  public static final class AbandonedInvites {
    private final List<Long> abandoned = new CopyOnWriteArrayList<>();

    /**
     * Runs only if the invite's unit of work rolled back.
     *
     * @param event the invite that was never saved
     */
    @HandleEvent(phase = TransactionPhase.AFTER_ROLLBACK)
    public void record(InviteCreated event) {
      abandoned.add(event.inviteId());
    }

    List<Long> abandoned() {
      return abandoned;
    }
  }
}
