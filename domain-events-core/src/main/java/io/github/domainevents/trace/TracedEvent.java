package io.github.domainevents.trace;

import io.github.domainevents.internal.SafeText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recorded event and the handlers that ran for it: an immutable snapshot taken when the
 * {@link EventTrace} was queried.
 *
 * @param eventId the event's id
 * @param eventType the event's type name
 * @param correlationId the event's correlation id, or its own id when it has none (a root)
 * @param causationId the id of the event that caused it, or null for a root
 * @param occurredAt when the event occurred
 * @param handlerRuns the handler runs recorded for it, in the order they started
 * @since 0.1.0
 */
public record TracedEvent(
    UUID eventId,
    String eventType,
    UUID correlationId,
    @Nullable UUID causationId,
    Instant occurredAt,
    List<HandlerRun> handlerRuns) {

  /**
   * Copies {@code handlerRuns}.
   *
   * @param eventId the event's id
   * @param eventType the event's type name
   * @param correlationId the event's correlation id, or its own id
   * @param causationId the causing event's id, or null
   * @param occurredAt when the event occurred
   * @param handlerRuns the handler runs recorded for it
   * @throws NullPointerException if a non-nullable component is null
   */
  public TracedEvent {
    handlerRuns = List.copyOf(handlerRuns);
  }

  /**
   * Returns the causation id.
   *
   * @return the id of the causing event, or empty for a root
   */
  public Optional<UUID> cause() {
    return Optional.ofNullable(causationId);
  }

  /**
   * Tells whether any handler of this event failed.
   *
   * @return true if a run has {@link HandlerRun#failed()}
   */
  public boolean anyHandlerFailed() {
    return handlerRuns.stream().anyMatch(HandlerRun::failed);
  }

  /**
   * Returns the components as a record does, on one line: control characters in the event type
   * and in the handler runs are escaped.
   */
  @Override
  public String toString() {
    return SafeText.escape("TracedEvent[eventId=" + eventId + ", eventType=" + eventType
        + ", correlationId=" + correlationId + ", causationId=" + causationId + ", occurredAt="
        + occurredAt + ", handlerRuns=" + handlerRuns + "]");
  }
}
