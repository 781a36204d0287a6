package io.github.domainevents.aggregate;

import io.github.domainevents.DomainEvent;
import java.util.List;

/**
 * A base class for aggregate roots that raise domain events.
 *
 * <pre>{@code
 * public final class Invite extends AggregateRoot {
 *   public static Invite create(long id, String email) {
 *     Invite invite = new Invite(id, email);
 *     invite.recordEvent(new InviteCreated(id, email));
 *     return invite;
 *   }
 * }
 *
 * // in the application service, after saving:
 * dispatcher.dispatchAll(invite.pullEvents());
 * }</pre>
 *
 * <p>Events are kept in the order recorded and handed over exactly once by {@link
 * #pullEvents()}. The bookkeeping is safe for concurrent use; the aggregate's own state is as
 * thread-safe as the subclass makes it.
 *
 * @since 0.1.0
 */
public abstract class AggregateRoot {
  private final EventRecorder events = new EventRecorder();

  /** Creates an aggregate root with no recorded events. */
  protected AggregateRoot() {}

  /**
   * Records an event this aggregate raised, to be pulled and dispatched after saving.
   *
   * @param event the event
   * @param <E> the event's type
   * @return {@code event}, for chaining
   * @throws NullPointerException if {@code event} is null
   */
  protected final <E extends DomainEvent> E recordEvent(E event) {
    return events.record(event);
  }

  /**
   * Returns the events recorded and not yet pulled, without taking them.
   *
   * @return an unmodifiable snapshot, in the order recorded
   */
  public final List<DomainEvent> recordedEvents() {
    return events.peek();
  }

  /**
   * Takes over the recorded events: returns them in the order recorded and forgets them.
   *
   * @return an unmodifiable list; empty if nothing was recorded since the last pull
   */
  public final List<DomainEvent> pullEvents() {
    return events.pull();
  }
}
