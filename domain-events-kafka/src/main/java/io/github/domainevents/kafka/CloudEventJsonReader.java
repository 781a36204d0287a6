package io.github.domainevents.kafka;

import io.github.domainevents.DomainEvent;

/**
 * Reads one CloudEvents structured-mode JSON document into an event: the JSON codec the consumer
 * uses, so that the application picks Jackson 3 or Jackson 2. Pass the codec module's method:
 *
 * <pre>{@code
 * EventJson json = EventJson.create(registry);   // domain-events-jackson or -jackson2
 * CloudEventJsonReader reader = json::fromCloudEvent;
 * }</pre>
 *
 * <p>The consumer hands over every record as such a document, whichever mode it was written in.
 * Build the codec with the same {@code EventTypeRegistry} the consumer gets.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface CloudEventJsonReader {

  /**
   * Reads the document.
   *
   * @param json a CloudEvents 1.0 structured-mode JSON document
   * @return the event, of a registered class; never null
   * @throws io.github.domainevents.wire.UnknownEventTypeException if the type is not registered
   *     (the record goes to the dead letters as {@link DeadLetter.Reason#UNKNOWN_TYPE})
   * @throws RuntimeException if the document cannot be read (the record goes to the dead letters
   *     as {@link DeadLetter.Reason#UNREADABLE})
   */
  DomainEvent fromCloudEvent(String json);
}
