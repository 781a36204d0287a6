package io.github.domainevents.test;

import io.github.domainevents.DomainEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.AbstractMapAssert;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ assertions on one captured event: its causes, its correlation and its metadata.
 * Obtained from {@link CapturedEventsAssert#event(Class)}; causes are looked up among the events
 * of the same capture. A failure shows the captured causal trees.
 *
 * @param <E> the type the event was selected by
 * @since 0.1.0
 */
public final class CapturedEventAssert<E> extends AbstractObjectAssert<CapturedEventAssert<E>, E> {
  private final DomainEvent event;
  private final CapturedEvents captured;

  CapturedEventAssert(E actual, CapturedEvents captured) {
    super(actual, CapturedEventAssert.class);
    this.event = (DomainEvent) actual;
    this.captured = captured;
  }

  /**
   * Verifies that the event's direct cause is a captured event of {@code causeType}.
   *
   * @param causeType the class or interface of the cause
   * @return this
   * @throws AssertionError if it is not; the message names the actual cause
   */
  public CapturedEventAssert<E> isCausedBy(Class<?> causeType) {
    Objects.requireNonNull(causeType, "causeType must not be null");
    DomainEvent cause = causeOf(event, byId());
    if (!causeType.isInstance(cause)) {
      fail(describe(event) + " to be caused directly by an event of type " + causeType.getSimpleName(),
          "its cause is " + describeCause(event, cause));
    }
    return this;
  }

  /**
   * Verifies that the event's direct cause is {@code cause}.
   *
   * @param cause the expected cause
   * @return this
   * @throws AssertionError if it is not
   */
  public CapturedEventAssert<E> isCausedBy(DomainEvent cause) {
    Objects.requireNonNull(cause, "cause must not be null");
    if (!event.causationId().map(cause.eventId()::equals).orElse(false)) {
      fail(describe(event) + " to be caused directly by " + describe(cause),
          "its cause is " + describeCause(event, causeOf(event, byId())));
    }
    return this;
  }

  /**
   * Verifies that a captured event of {@code ancestorType} is among the event's causes, directly
   * or through other captured events.
   *
   * @param ancestorType the class or interface of the ancestor
   * @return this
   * @throws AssertionError if none is; the message shows the chain of causes
   */
  public CapturedEventAssert<E> isCausedTransitivelyBy(Class<?> ancestorType) {
    Objects.requireNonNull(ancestorType, "ancestorType must not be null");
    Map<UUID, DomainEvent> byId = byId();
    StringBuilder chain = new StringBuilder(describe(event));
    Set<UUID> seen = new HashSet<>();
    for (@Nullable DomainEvent cause = causeOf(event, byId);
        cause != null && seen.add(cause.eventId());
        cause = causeOf(cause, byId)) {
      if (ancestorType.isInstance(cause)) {
        return this;
      }
      chain.append(" ← ").append(describe(cause));
    }
    fail(describe(event) + " to be caused, directly or not, by an event of type "
            + ancestorType.getSimpleName(),
        "its chain of captured causes is " + chain);
    return this;
  }

  /**
   * Verifies that {@code ancestor} is among the event's causes, directly or through other
   * captured events.
   *
   * @param ancestor the expected ancestor
   * @return this
   * @throws AssertionError if it is not
   */
  public CapturedEventAssert<E> isCausedTransitivelyBy(DomainEvent ancestor) {
    Objects.requireNonNull(ancestor, "ancestor must not be null");
    Map<UUID, DomainEvent> byId = byId();
    Set<UUID> seen = new HashSet<>();
    UUID causeId = event.causationId().orElse(null);
    while (causeId != null && seen.add(causeId)) {
      if (causeId.equals(ancestor.eventId())) {
        return this;
      }
      DomainEvent cause = byId.get(causeId);
      causeId = cause == null ? null : cause.causationId().orElse(null);
    }
    fail(describe(event) + " to be caused, directly or not, by " + describe(ancestor),
        "it is not among its captured causes");
    return this;
  }

  /**
   * Verifies that the event has no cause: it was dispatched outside any handler.
   *
   * @return this
   * @throws AssertionError if it has one
   */
  public CapturedEventAssert<E> isRoot() {
    if (event.causationId().isPresent()) {
      fail(describe(event) + " to have no cause",
          "its cause is " + describeCause(event, causeOf(event, byId())));
    }
    return this;
  }

  /**
   * Verifies the event's correlation id (for a root without one, its own id counts).
   *
   * @param correlationId the expected correlation id
   * @return this
   * @throws AssertionError if it differs
   */
  public CapturedEventAssert<E> hasCorrelationId(UUID correlationId) {
    Objects.requireNonNull(correlationId, "correlationId must not be null");
    UUID found = correlationOf(event);
    if (!found.equals(correlationId)) {
      fail(describe(event) + " to have correlation id " + correlationId, "it has " + found);
    }
    return this;
  }

  /**
   * Verifies that the event and {@code other} belong to one correlation.
   *
   * @param other the other event
   * @return this
   * @throws AssertionError if their correlation ids differ
   */
  public CapturedEventAssert<E> sharesCorrelationWith(DomainEvent other) {
    Objects.requireNonNull(other, "other must not be null");
    if (!correlationOf(event).equals(correlationOf(other))) {
      fail(describe(event) + " to share the correlation of " + describe(other),
          "its correlation is " + correlationOf(event) + ", the other's "
              + correlationOf(other));
    }
    return this;
  }

  /**
   * Verifies that the event's metadata has {@code key} with a value equal to {@code value}.
   *
   * @param key the metadata key
   * @param value the expected value
   * @return this
   * @throws AssertionError if the key is missing or has another value; the message shows the
   *     metadata
   * @throws NullPointerException if an argument is null
   */
  public CapturedEventAssert<E> hasMetadata(String key, Object value) {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(value, "value must not be null (metadata values never are)");
    Map<String, Object> metadata = event.metadata();
    if (!metadata.containsKey(key) || !Objects.equals(metadata.get(key), value)) {
      fail(describe(event) + " to have metadata " + key + "=" + value,
          "its metadata is " + metadata);
    }
    return this;
  }

  /**
   * Verifies that the event's metadata has no entry for {@code key}.
   *
   * @param key the metadata key
   * @return this
   * @throws AssertionError if it has one
   */
  public CapturedEventAssert<E> hasNoMetadata(String key) {
    Objects.requireNonNull(key, "key must not be null");
    if (event.metadata().containsKey(key)) {
      fail(describe(event) + " to have no metadata " + key, "its metadata is " + event.metadata());
    }
    return this;
  }

  /**
   * Verifies when the event occurred.
   *
   * @param expected the expected instant
   * @return this
   * @throws AssertionError if it differs
   */
  public CapturedEventAssert<E> occurredAt(Instant expected) {
    Objects.requireNonNull(expected, "expected must not be null");
    if (!event.occurredAt().equals(expected)) {
      fail(describe(event) + " to have occurred at " + expected,
          "it occurred at " + event.occurredAt());
    }
    return this;
  }

  /**
   * Returns AssertJ's map assertions on the event's metadata, for everything {@link
   * #hasMetadata} does not cover.
   *
   * @return assertions on the metadata map
   */
  public AbstractMapAssert<?, ?, String, Object> metadata() {
    return Assertions.assertThat(event.metadata())
        .as("metadata of %s", describe(event));
  }

  static UUID correlationOf(DomainEvent event) {
    return event.correlationId().orElse(event.eventId());
  }

  private Map<UUID, DomainEvent> byId() {
    Map<UUID, DomainEvent> byId = new HashMap<>();
    for (DomainEvent each : captured.all()) {
      byId.put(each.eventId(), each);
    }
    return byId;
  }

  private static @Nullable DomainEvent causeOf(DomainEvent event, Map<UUID, DomainEvent> byId) {
    UUID causeId = event.causationId().orElse(null);
    return causeId == null ? null : byId.get(causeId);
  }

  private static String describeCause(DomainEvent event, @Nullable DomainEvent cause) {
    if (cause != null) {
      return describe(cause);
    }
    return event.causationId()
        .map(id -> "event " + id + ", which was not captured")
        .orElse("none (it is a root)");
  }

  static String describe(DomainEvent event) {
    return event.eventType() + " " + event.eventId();
  }

  private void fail(String expectation, String found) {
    failWithMessage("%s", Failures.message(expectation, found, captured));
  }
}
