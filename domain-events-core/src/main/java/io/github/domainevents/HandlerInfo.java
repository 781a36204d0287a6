package io.github.domainevents;

import io.github.domainevents.internal.SafeText;

/**
 * Describes one registered handler: what it is, which event type it was registered for, its
 * priority and its {@link TransactionPhase}. Returned by {@link
 * InProcessEventDispatcher#handlersFor(Class)}, passed to
 * interceptors and error handlers, and listed in {@link DispatchReport}s.
 *
 * <p>The description is meant for people: {@code SendWelcomeMail} for a handler class, {@code
 * InviteHandlers.warmCache(InviteCreated)} for an annotated method, {@code lambda in
 * InviteDemo} for a lambda.
 *
 * <p>Instances are immutable. Equality is by identity: two registrations of the same handler
 * are two different handlers.
 *
 * @since 0.1.0
 */
public final class HandlerInfo {
  private final String description;
  private final Class<? extends DomainEvent> registeredType;
  private final int priority;
  private final TransactionPhase phase;

  HandlerInfo(String description, Class<? extends DomainEvent> registeredType, int priority) {
    this(description, registeredType, priority, TransactionPhase.IMMEDIATE);
  }

  HandlerInfo(
      String description,
      Class<? extends DomainEvent> registeredType,
      int priority,
      TransactionPhase phase) {
    this.description = description;
    this.registeredType = registeredType;
    this.priority = priority;
    this.phase = phase;
  }

  /**
   * Returns a readable description of the handler.
   *
   * @return the description, never blank
   */
  public String description() {
    return description;
  }

  /**
   * Returns the class or interface the handler was registered for; it also receives events of
   * its subtypes. (Not to be confused with {@link DomainEvent#eventType()}, the name an event is
   * known by.)
   *
   * @return the registered type
   */
  public Class<? extends DomainEvent> registeredType() {
    return registeredType;
  }

  /**
   * Returns the priority: higher runs first, equal keeps registration order.
   *
   * @return the priority; {@code 0} unless given
   */
  public int priority() {
    return priority;
  }

  /**
   * Returns when the handler runs relative to the unit of work of its event's dispatch.
   *
   * @return the phase; {@link TransactionPhase#IMMEDIATE} unless one was chosen at registration
   */
  public TransactionPhase phase() {
    return phase;
  }

  /**
   * Returns {@code description (EventType, priority N)}, or {@code description (EventType,
   * priority N, after commit)} for a handler bound to a phase.
   */
  @Override
  public String toString() {
    return SafeText.escape(description) + " (" + registeredType.getSimpleName() + ", priority "
        + priority + (phase == TransactionPhase.IMMEDIATE ? ")" : ", " + phase.words() + ")");
  }
}
