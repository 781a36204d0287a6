package io.github.domainevents;

import io.github.domainevents.internal.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Something that happened in the domain, recorded as an immutable fact: {@code InviteCreated},
 * {@code EmailSent}.
 *
 * <p>An event is its {@link #header() header} (the standard fields: id, time, correlation,
 * causation, metadata) plus its own payload. Two styles are equally supported:
 *
 * <pre>{@code
 * @EventType("invite.created")
 * public record InviteCreated(EventHeader header, long inviteId, String email)
 *     implements DomainEvent {
 *   public InviteCreated(long inviteId, String email) {
 *     this(EventHeader.create(), inviteId, email);
 *   }
 * }
 * }</pre>
 *
 * <p>or a class extending {@link BaseDomainEvent}. Implementations must be immutable and must
 * return the same non-null header on every call to {@link #header()}; everything else here is
 * derived from it.
 *
 * <p><b>Equality.</b> One rule holds for every event: events with different {@link #eventId()
 * ids} are never equal. Beyond it the two styles differ, each in the way its kind of Java type
 * does: a record compares all its components, so the header (id, time, correlation, causation,
 * metadata) and the payload; a {@link BaseDomainEvent} is an entity, equal to another of the same
 * class with the same id, whatever its payload. Either way, to recognise the same event
 * delivered twice, compare {@link #eventId()}.
 *
 * @since 0.1.0
 */
public interface DomainEvent {

  /**
   * Returns the standard fields of this event.
   *
   * @return the header; never null, the same on every call
   */
  EventHeader header();

  /**
   * Returns the event's unique id.
   *
   * @return the id from {@link #header()}
   */
  default UUID eventId() {
    return header().eventId();
  }

  /**
   * Returns when the event occurred.
   *
   * @return the UTC instant from {@link #header()}
   */
  default Instant occurredAt() {
    return header().occurredAt();
  }

  /**
   * Returns the id shared by all events of one causal chain.
   *
   * @return the correlation id from {@link #header()}, or empty
   */
  default Optional<UUID> correlationId() {
    return header().correlationId();
  }

  /**
   * Returns the id of the event that directly caused this one.
   *
   * @return the causation id from {@link #header()}, or empty
   */
  default Optional<UUID> causationId() {
    return header().causationId();
  }

  /**
   * Returns the event's metadata.
   *
   * @return the unmodifiable metadata from {@link #header()}; never null
   */
  default Map<String, Object> metadata() {
    return header().metadata();
  }

  /**
   * Returns the event's type name: the {@link EventType} value of its class, else the class's
   * simple name. Resolved once per class and cached.
   *
   * @return the type name
   * @throws IllegalArgumentException if the class's {@link EventType} value is blank or contains
   *     white space
   */
  default String eventType() {
    return EventTypes.nameOf(getClass());
  }

  /**
   * Returns the type name events of {@code type} have, without an instance: the {@link
   * EventType} value of the class, else its simple name; the same as {@link #eventType()} of its
   * events. For configuration by type name (an allow-list, a topic per type). Resolved once per
   * class and cached; safe to call from any thread.
   *
   * @param type an event class
   * @return the type name
   * @throws NullPointerException if {@code type} is null
   * @throws IllegalArgumentException if the class's {@link EventType} value is blank or contains
   *     white space
   * @since 0.1.0
   */
  static String eventTypeOf(Class<? extends DomainEvent> type) {
    return EventTypes.nameOf(Checks.requireNonNull(type, "type"));
  }
}
