package io.github.domainevents.examples.readme;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.domainevents.BaseDomainEvent;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.aggregate.AggregateRoot;
import java.io.IOException;

/**
 * The types the README's code fragments use without declaring them: its example events,
 * handlers, aggregate, and stand-ins for the servlet API. An interface, so that fragments that
 * declare types can be nested in one (see {@link ReadmeJavaBlocksTest}) and stay static.
 */
public interface ReadmeTypes {
  /** The README's example event, as in its "Events" section. */
  @EventType("invite.created")
  record InviteCreated(EventHeader header, long inviteId, String email)
      implements DomainEvent {
    public InviteCreated(long inviteId, String email) {
      this(EventHeader.create(), inviteId, email);
    }
  }

  /** The README's class-style event, with the constructor JSON reading uses. */
  @EventType("invite.accepted")
  final class InviteAccepted extends BaseDomainEvent {
    private final long inviteId;

    public InviteAccepted(long inviteId) {
      this.inviteId = inviteId;
    }

    @JsonCreator
    public InviteAccepted(EventHeader header, long inviteId) {
      super(header);
      this.inviteId = inviteId;
    }

    public long getInviteId() {
      return inviteId;
    }
  }

  /** The quick start's second event. */
  @EventType("email.sent")
  record EmailSent(EventHeader header, String to) implements DomainEvent {
    public EmailSent(String to) {
      this(EventHeader.create(), to);
    }
  }

  /** An event a background handler raises. */
  @EventType("cache.warmed")
  record CacheWarmed(EventHeader header, long inviteId) implements DomainEvent {
    public CacheWarmed(long inviteId) {
      this(EventHeader.create(), inviteId);
    }
  }

  /** A third event type for the registry examples. */
  @EventType("invite.expired")
  record InviteExpired(EventHeader header, long inviteId) implements DomainEvent {}

  /** A handler class whose event type comes from its generic signature. */
  final class SendWelcomeMail implements DomainEventHandler<InviteCreated> {
    @Override
    public void handle(InviteCreated event) {}
  }

  /** A listener with annotated handler methods. */
  final class ActivityLog {
    @HandleEvent(priority = 5)
    public void record(DomainEvent event) {}
  }

  /** The aggregate the README saves and dispatches. */
  final class Invite extends AggregateRoot {
    public static Invite create(long id, String email) {
      return new Invite();
    }
  }

  /** A repository of invites. */
  interface Invites {
    void save(Invite invite);
  }

  /** A metrics registry. */
  /** Sends mail; the README's after-commit handler calls it. */
  interface Mailer {
    void sendWelcome(String email);
  }

  interface Metrics {
    void increment(String name);
  }

  /** A cache. */
  interface Cache {
    void warm(long inviteId);
  }

  /** A logger with SLF4J's formatting methods. */
  interface Log {
    void info(String format, Object... arguments);
  }

  /** Stand-in for {@code jakarta.servlet.ServletRequest}. */
  interface ServletRequest {}

  /** Stand-in for {@code jakarta.servlet.http.HttpServletRequest}. */
  interface HttpServletRequest extends ServletRequest {}

  /** Stand-in for {@code jakarta.servlet.ServletResponse}. */
  interface ServletResponse {}

  /** Stand-in for {@code jakarta.servlet.ServletException}. */
  class ServletException extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /** Stand-in for {@code jakarta.servlet.FilterChain}. */
  interface FilterChain {
    void doFilter(ServletRequest request, ServletResponse response)
        throws IOException, ServletException;
  }

}
