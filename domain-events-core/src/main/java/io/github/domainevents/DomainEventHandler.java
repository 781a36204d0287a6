package io.github.domainevents;

/**
 * Reacts to one kind of domain event: sends the e-mail, updates the cache, logs the activity.
 *
 * <pre>{@code
 * final class SendWelcomeMail implements DomainEventHandler<InviteCreated> {
 *   @Override
 *   public void handle(InviteCreated event) {
 *     mailer.send(event.email(), "Welcome!");
 *   }
 * }
 * }</pre>
 *
 * <p>A handler runs on the thread that dispatches the event (or the dispatcher's executor for
 * asynchronous dispatch). It may throw; what happens then is the dispatcher's error policy.
 * Events it creates while running are caused by the event it handles (see {@link
 * EventHeader}).
 *
 * @param <E> the type of event handled
 * @since 0.1.0
 */
@FunctionalInterface
public interface DomainEventHandler<E extends DomainEvent> {

  /**
   * Handles one event.
   *
   * @param event the event, never null
   * @throws Exception if handling fails; the dispatcher reports it according to its error
   *     policy and never drops it silently
   */
  void handle(E event) throws Exception;
}
