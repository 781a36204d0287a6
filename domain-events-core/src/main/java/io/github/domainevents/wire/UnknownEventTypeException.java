package io.github.domainevents.wire;

import io.github.domainevents.internal.SafeText;

/**
 * Thrown when an event type name is not in an {@link EventTypeRegistry}: typically a payload's
 * {@code event_type} naming a type this application does not know (or a class name someone hoped
 * would be loaded; it is not).
 *
 * <p>Only the library creates it.
 *
 * @since 0.1.0
 */
public final class UnknownEventTypeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String eventType;

  UnknownEventTypeException(String eventType) {
    super(
        "unknown event_type '" + SafeText.escape(eventType)
            + "': no event class is registered under this name");
    this.eventType = eventType;
  }

  /**
   * Returns the name that was not found.
   *
   * @return the unknown event type name
   */
  public String eventType() {
    return eventType;
  }
}
