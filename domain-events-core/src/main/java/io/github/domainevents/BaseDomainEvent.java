package io.github.domainevents;

import io.github.domainevents.internal.Checks;
import io.github.domainevents.internal.SafeText;
import org.jspecify.annotations.Nullable;

/**
 * A convenient base class for events written as classes rather than records.
 *
 * <pre>{@code
 * @EventType("invite.created")
 * public final class InviteCreatedEvent extends BaseDomainEvent {
 *   private final long inviteId;
 *
 *   public InviteCreatedEvent(long inviteId) {
 *     this.inviteId = inviteId; // header from EventHeader.create()
 *   }
 *
 *   public long inviteId() {
 *     return inviteId;
 *   }
 * }
 * }</pre>
 *
 * <p>Subclasses must be immutable. Two events are equal when they are of the same class and
 * have the same {@link #eventId() id} (an event is an entity identified by its id, not a
 * value); subclasses may override {@link #equals} and {@link #hashCode} together to compare
 * more. {@link #toString()} shows the class, type, id, correlation and causation.
 *
 * @since 0.1.0
 */
public abstract class BaseDomainEvent implements DomainEvent {
  private final EventHeader header;

  /**
   * Creates an event with a header from {@link EventHeader#create()}: a fresh id, the current
   * time, and the ambient correlation and causation.
   *
   * @throws IllegalStateException if the current id generator cannot make another id
   */
  protected BaseDomainEvent() {
    this(EventHeader.create());
  }

  /**
   * Creates an event with the given header, for example one built with {@link
   * EventHeader#builder()} or read from JSON.
   *
   * @param header the header
   * @throws NullPointerException if {@code header} is null
   */
  protected BaseDomainEvent(EventHeader header) {
    this.header = Checks.requireNonNull(header, "header");
  }

  @Override
  public final EventHeader header() {
    return header;
  }

  /**
   * Equal to another event of the same class with the same id. The class must match exactly
   * (not {@code instanceof}) so that equality stays symmetric across an event hierarchy.
   */
  @SuppressWarnings("EqualsGetClass")
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    return other != null
        && other.getClass() == getClass()
        && header.eventId().equals(((BaseDomainEvent) other).header.eventId());
  }

  @Override
  public int hashCode() {
    return header.eventId().hashCode();
  }

  /**
   * Returns a short description: {@code InviteCreatedEvent[type=invite.created, id=...,
   * correlation=..., causation=...]}; absent ids are left out. Never throws: an invalid {@link
   * EventType} shows as {@code type=<invalid @EventType>}, so that logging the event cannot hide
   * the error being logged.
   */
  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder(160)
            .append(getClass().getSimpleName())
            .append("[type=")
            .append(SafeText.escape(typeForToString()))
            .append(", id=")
            .append(header.eventId());
    if (header.correlationIdOrNull() != null) {
      text.append(", correlation=").append(header.correlationIdOrNull());
    }
    if (header.causationIdOrNull() != null) {
      text.append(", causation=").append(header.causationIdOrNull());
    }
    return text.append(']').toString();
  }

  private String typeForToString() {
    try {
      return eventType();
    } catch (IllegalArgumentException invalidType) {
      return "<invalid @EventType>";
    }
  }
}
