package io.github.domainevents.kafka;

import io.github.domainevents.DomainEvent;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * A record the consumer could not deliver, with why: what a {@link DeadLetterHandler} receives.
 * Immutable; the value and headers are copies of the record's.
 *
 * @since 0.1.0
 */
public final class DeadLetter {
  /**
   * Why a record was not delivered.
   *
   * @since 0.1.0
   */
  public enum Reason {
    /** Its CloudEvents type is not in the consumer's {@code EventTypeRegistry}. */
    UNKNOWN_TYPE,
    /** It is not a CloudEvent this library can read (format, attribute or field errors). */
    UNREADABLE,
    /** Its event was read, but dispatching it failed on every attempt. */
    HANDLER_FAILED
  }

  private final Reason reason;
  private final String topic;
  private final int partition;
  private final long offset;
  private final byte @Nullable [] key;
  private final byte @Nullable [] value;
  private final Headers headers;
  private final @Nullable String eventType;
  private final @Nullable DomainEvent event;
  private final Throwable failure;
  private final int attempts;

  DeadLetter(
      Reason reason,
      String topic,
      int partition,
      long offset,
      byte @Nullable [] key,
      byte @Nullable [] value,
      Headers headers,
      @Nullable String eventType,
      @Nullable DomainEvent event,
      Throwable failure,
      int attempts) {
    this.reason = reason;
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.key = key == null ? null : key.clone();
    this.value = value == null ? null : value.clone();
    this.headers = new RecordHeaders(headers.toArray());
    ((RecordHeaders) this.headers).setReadOnly();
    this.eventType = eventType;
    this.event = event;
    this.failure = failure;
    this.attempts = attempts;
  }

  /**
   * Returns why the record was not delivered.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the topic the record was read from.
   *
   * @return the topic
   */
  public String topic() {
    return topic;
  }

  /**
   * Returns the partition the record was read from.
   *
   * @return the partition
   */
  public int partition() {
    return partition;
  }

  /**
   * Returns the record's offset.
   *
   * @return the offset
   */
  public long offset() {
    return offset;
  }

  /**
   * Returns a copy of the record's key.
   *
   * @return the key bytes, or empty if the record had none
   */
  public Optional<byte[]> key() {
    return Optional.ofNullable(key).map(byte[]::clone);
  }

  /**
   * Returns a copy of the record's value.
   *
   * @return the value bytes, or empty if the record had none
   */
  public Optional<byte[]> value() {
    return Optional.ofNullable(value).map(byte[]::clone);
  }

  /**
   * Returns the record's headers.
   *
   * @return read-only headers
   */
  public Headers headers() {
    return headers;
  }

  /**
   * Returns the CloudEvents type of the record, when it could be read.
   *
   * @return the type name, or empty for a record too malformed to name one
   */
  public Optional<String> eventType() {
    return Optional.ofNullable(eventType);
  }

  /**
   * Returns the event, for {@link Reason#HANDLER_FAILED}.
   *
   * @return the event whose dispatch failed, or empty for the other reasons
   */
  public Optional<DomainEvent> event() {
    return Optional.ofNullable(event);
  }

  /**
   * Returns the failure: the reading error, the {@code UnknownEventTypeException}, or the
   * dispatch's exception from the last attempt.
   *
   * @return the failure
   */
  public Throwable failure() {
    return failure;
  }

  /**
   * Returns how many times the event was dispatched: 0 unless the reason is {@link
   * Reason#HANDLER_FAILED}.
   *
   * @return the number of attempts
   */
  public int attempts() {
    return attempts;
  }

  /** Names the record, the reason and the failure. */
  @Override
  public String toString() {
    return "DeadLetter{" + reason + " " + topic + "-" + partition + "@" + offset
        + (eventType == null ? "" : " type=" + eventType)
        + (event == null ? "" : " event=" + event.eventId())
        + ", failure=" + failure + "}";
  }
}
