package io.github.domainevents;

import io.github.domainevents.internal.Checks;
import io.github.domainevents.internal.SafeText;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The standard fields every domain event carries: id, time, correlation, causation and
 * metadata.
 *
 * <p>A header is an immutable value: two headers are equal when all their fields are equal.
 * It is validated when built: a null id or time, a null or blank metadata key, a metadata key
 * holding a line break or another control character (C0 and C1 controls, DEL, U+2028, U+2029),
 * a null metadata value or an array in the metadata fails at once with a message naming the
 * entry. Metadata is deep-copied on the way in (nested maps, lists and sets included, insertion
 * order kept), and the map handed back cannot be modified.
 *
 * <p><b>Metadata limits.</b> Whether built with {@link #create()}, {@link #builder()} or {@link
 * #of}, and so also when read back from JSON, metadata holds at most:
 *
 * <ul>
 *   <li>16 levels of nested maps and collections (a map directly under a key is level 1; the
 *       same as the JSON modules' default {@code maxMetadataDepth});
 *   <li>1,000 entries in total: map entries plus list and set elements, over all levels;
 *   <li>256 characters in each key, at any level;
 *   <li>65,536 characters in all keys and string values together, over all levels.
 * </ul>
 *
 * <p>A header over a limit is not built: an {@link IllegalArgumentException} names the limit
 * and, where one entry is at fault, its path, e.g. {@code metadata has more than 1000 entries}
 * or {@code metadata['trace'] is nested deeper than 16 levels}. Metadata is for context that
 * travels with an event (ids, tenant, trace context), not for payload.
 *
 * <p>{@link #toString()} escapes control characters in metadata keys and values ({@code \n},
 * {@code \}{@code u2028}, ...), so logging a header or an event always writes one line.
 *
 * <p>{@link #create()} fills the header from the current context: a new id from {@link
 * EventDefaults#idGenerator()}, the time from {@link EventDefaults#clock()}, and, while a
 * handler is running, the causation and correlation of the event being handled:
 *
 * <ul>
 *   <li>{@code causationId} = the handled event's id;
 *   <li>{@code correlationId} = the handled event's correlation id, or its own id if it has
 *       none.
 * </ul>
 *
 * <p>Values set explicitly on a {@link Builder} always win over the context.
 *
 * <p>Instances are safe to share between threads.
 *
 * @since 0.1.0
 */
public final class EventHeader {
  private final UUID eventId;
  private final Instant occurredAt;
  private final @Nullable UUID correlationId;
  private final @Nullable UUID causationId;
  private final Map<String, Object> metadata;

  private EventHeader(
      UUID eventId,
      Instant occurredAt,
      @Nullable UUID correlationId,
      @Nullable UUID causationId,
      Map<String, Object> metadata) {
    this.eventId = eventId;
    this.occurredAt = occurredAt;
    this.correlationId = correlationId;
    this.causationId = causationId;
    this.metadata = metadata;
  }

  /**
   * Returns a new header with a fresh id, the current time, the ambient correlation and
   * causation (see the class description), and the metadata of the installed {@link
   * MetadataContributor}s (none by default).
   *
   * @return the new header
   * @throws IllegalStateException if the current id generator cannot make another id
   * @throws RuntimeException what a metadata contributor threw, or its invalid metadata
   */
  public static EventHeader create() {
    AmbientContext context = AmbientContext.current();
    Clock clock = EventDefaults.clockFor(context);
    Instant now = newTime(clock);
    EventHeader cause = (EventHeader) context.causeHeader();
    return new EventHeader(
        newId(context, clock, now),
        now,
        correlationIdFor(context.scopedCorrelationId(), cause),
        cause == null ? null : cause.eventId,
        EventDefaults.contributedMetadata());
  }

  /**
   * Returns a header with exactly the given values, ignoring the current context: for headers
   * read back from storage or the wire, where nothing may be filled in implicitly.
   *
   * @param eventId the event id
   * @param occurredAt when the event occurred
   * @param correlationId the correlation id, or null for none
   * @param causationId the causation id, or null for none
   * @param metadata the metadata, deep-copied
   * @return the header
   * @throws NullPointerException if {@code eventId}, {@code occurredAt}, {@code metadata}, a
   *     metadata key or a metadata value is null
   * @throws IllegalArgumentException if a metadata key is blank, holds a control character or is
   *     too long, a value is an array, or the metadata exceeds a limit (see the class description)
   */
  public static EventHeader of(
      UUID eventId,
      Instant occurredAt,
      @Nullable UUID correlationId,
      @Nullable UUID causationId,
      Map<String, ?> metadata) {
    return new EventHeader(
        Checks.requireNonNull(eventId, "eventId"),
        Checks.requireNonNull(occurredAt, "occurredAt"),
        correlationId,
        causationId,
        Metadata.copyOf(Checks.requireNonNull(metadata, "metadata")));
  }

  /**
   * Returns a builder that starts from the values {@link #create()} would return; its setters
   * override them.
   *
   * @return a new builder
   * @throws IllegalStateException if the current id generator cannot make another id
   */
  public static Builder builder() {
    return new Builder(create());
  }

  /**
   * Returns a builder that starts from this header's values, to derive a changed copy.
   *
   * @return a new builder holding this header's values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns the event's unique id.
   *
   * @return the id, never null
   */
  public UUID eventId() {
    return eventId;
  }

  /**
   * Returns when the event occurred.
   *
   * @return the instant (UTC), never null
   */
  public Instant occurredAt() {
    return occurredAt;
  }

  /**
   * Returns the id shared by every event of one causal chain (one request, one job).
   *
   * @return the correlation id, or empty if the event belongs to no chain
   */
  public Optional<UUID> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /**
   * Returns the id of the event that directly caused this one.
   *
   * @return the causation id, or empty if the event started its chain
   */
  public Optional<UUID> causationId() {
    return Optional.ofNullable(causationId);
  }

  /**
   * Returns the metadata, in insertion order.
   *
   * @return an unmodifiable map, never null; empty when there is none
   */
  public Map<String, Object> metadata() {
    return metadata;
  }

  @Nullable UUID correlationIdOrNull() {
    return correlationId;
  }

  @Nullable UUID causationIdOrNull() {
    return causationId;
  }

  /**
   * The correlation id an event created now in {@code context} receives: the open scope's, else
   * the cause's correlation id, else the cause's own id; null when there is neither scope nor
   * cause.
   */
  static @Nullable UUID ambientCorrelationId(AmbientContext context) {
    return correlationIdFor(context.scopedCorrelationId(), (EventHeader) context.causeHeader());
  }

  private static @Nullable UUID correlationIdFor(
      @Nullable UUID scoped, @Nullable EventHeader cause) {
    if (scoped != null) {
      return scoped;
    }
    if (cause == null) {
      return null;
    }
    UUID causeCorrelation = cause.correlationId;
    return causeCorrelation != null ? causeCorrelation : cause.eventId;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof EventHeader that)) {
      return false;
    }
    return eventId.equals(that.eventId)
        && occurredAt.equals(that.occurredAt)
        && Objects.equals(correlationId, that.correlationId)
        && Objects.equals(causationId, that.causationId)
        && metadata.equals(that.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventId, occurredAt, correlationId, causationId, metadata);
  }

  /**
   * Returns {@code EventHeader[id=.., occurredAt=.., correlation=.., causation=.., metadata=..]}
   * on one line: absent ids and empty metadata are left out, and control characters in metadata
   * are escaped.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(160).append("EventHeader[id=").append(eventId);
    text.append(", occurredAt=").append(occurredAt);
    if (correlationId != null) {
      text.append(", correlation=").append(correlationId);
    }
    if (causationId != null) {
      text.append(", causation=").append(causationId);
    }
    if (!metadata.isEmpty()) {
      text.append(", metadata=").append(SafeText.of(metadata));
    }
    return text.append(']').toString();
  }

  private static UUID newId(AmbientContext context, Clock clock, Instant now) {
    EventIdGenerator generator = EventDefaults.idGeneratorFor(context);
    if (generator instanceof TimeOrderedIdGenerator ordered && ordered.readsTimeFrom(clock)) {
      // The default case (system clock, time-ordered ids), and any generator made with
      // timeOrdered(clock) for the clock in use: reuse the instant instead of reading it again.
      return ordered.nextId(now.toEpochMilli());
    }
    UUID id = generator.nextId();
    if (id == null) {
      throw new IllegalStateException("EventIdGenerator " + generator + " returned a null id");
    }
    return id;
  }

  private static Instant newTime(Clock clock) {
    Instant now = clock.instant();
    if (now == null) {
      throw new IllegalStateException("Clock " + clock + " returned a null instant");
    }
    return now;
  }

  /**
   * Builds a header field by field. Setters validate at once and throw with the field's name.
   *
   * <p>A builder is not safe for concurrent use; the headers it builds are.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private UUID eventId;
    private Instant occurredAt;
    private @Nullable UUID correlationId;
    private @Nullable UUID causationId;
    private Map<String, Object> metadata;
    private boolean metadataShared = true;

    private Builder(EventHeader start) {
      this.eventId = start.eventId;
      this.occurredAt = start.occurredAt;
      this.correlationId = start.correlationId;
      this.causationId = start.causationId;
      this.metadata = start.metadata;
    }

    /**
     * Sets the event id.
     *
     * @param eventId the id
     * @return this builder
     * @throws NullPointerException if {@code eventId} is null
     */
    public Builder eventId(UUID eventId) {
      this.eventId = Checks.requireNonNull(eventId, "eventId");
      return this;
    }

    /**
     * Sets when the event occurred.
     *
     * @param occurredAt the instant
     * @return this builder
     * @throws NullPointerException if {@code occurredAt} is null
     */
    public Builder occurredAt(Instant occurredAt) {
      this.occurredAt = Checks.requireNonNull(occurredAt, "occurredAt");
      return this;
    }

    /**
     * Sets the correlation id; {@code null} removes it, even inside a handler.
     *
     * @param correlationId the correlation id, or null for none
     * @return this builder
     */
    public Builder correlationId(@Nullable UUID correlationId) {
      this.correlationId = correlationId;
      return this;
    }

    /**
     * Sets the causation id; {@code null} removes it, even inside a handler.
     *
     * @param causationId the causation id, or null for none
     * @return this builder
     */
    public Builder causationId(@Nullable UUID causationId) {
      this.causationId = causationId;
      return this;
    }

    /**
     * Replaces all metadata with a deep copy of {@code metadata}.
     *
     * @param metadata the entries, in the order to keep
     * @return this builder
     * @throws NullPointerException if the map, a key or a value is null
     * @throws IllegalArgumentException if a key is blank, holds a control character or is too
     *     long, a value is an array, or the metadata exceeds a limit (see the class description)
     */
    public Builder metadata(Map<String, ?> metadata) {
      Checks.requireNonNull(metadata, "metadata");
      this.metadata = Metadata.copyOf(metadata);
      this.metadataShared = true;
      return this;
    }

    /**
     * Adds one metadata entry, replacing any entry with the same key (which keeps its place).
     *
     * @param key the non-blank key
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code key} or {@code value} is null
     * @throws IllegalArgumentException if {@code key} is blank, holds a control character or is
     *     too long, or {@code value} is an array or exceeds a limit on its own (the totals are
     *     checked by {@link #build()})
     */
    public Builder metadata(String key, Object value) {
      Object frozen = Metadata.freeze(value, Metadata.checkKey(key));
      if (metadataShared) {
        metadata = new LinkedHashMap<>(metadata);
        metadataShared = false;
      }
      metadata.put(key, frozen);
      return this;
    }

    /**
     * Returns the header.
     *
     * @return a new immutable header
     * @throws IllegalArgumentException if the metadata added entry by entry exceeds a limit (see
     *     the class description)
     */
    public EventHeader build() {
      Map<String, Object> entries = metadataShared ? metadata : Metadata.copyOf(metadata);
      return new EventHeader(eventId, occurredAt, correlationId, causationId, entries);
    }
  }
}
