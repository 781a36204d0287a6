package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.spring.boot.DomainEventsObservation.HighCardinalityKeys;
import io.github.domainevents.spring.boot.DomainEventsObservation.LowCardinalityKeys;
import io.micrometer.common.KeyValues;
import java.util.Objects;

/**
 * The default names and key values of the handler observations, as documented by {@link
 * DomainEventsObservation#HANDLE}: name {@code domain.events.handle}, contextual (span) name
 * {@code handle <event type>}, low-cardinality keys {@code event.type}, {@code handler}, {@code
 * phase} and {@code outcome}, high-cardinality keys {@code event.id}, {@code correlation.id} and
 * {@code causation.id}.
 *
 * <p>Stateless and safe for concurrent use; extend it to add or change key values.
 *
 * @since 0.1.0
 */
public class DefaultDomainEventsObservationConvention implements DomainEventsObservationConvention {

  /**
   * Creates the convention.
   *
   * @since 0.1.0
   */
  public DefaultDomainEventsObservationConvention() {}

  /**
   * Returns {@code domain.events.handle}, the name of the timer.
   *
   * @return the observation's name
   */
  @Override
  public String getName() {
    return Objects.requireNonNull(DomainEventsObservation.HANDLE.getName());
  }

  /**
   * Returns {@code handle <event type>}, the name of the span.
   *
   * @param context the invocation's context
   * @return the contextual name
   */
  @Override
  public String getContextualName(HandlerObservationContext context) {
    return "handle " + context.getEvent().eventType();
  }

  /**
   * Returns the event type, handler, phase and outcome; bounded by the application's code.
   *
   * @param context the invocation's context
   * @return the key values
   */
  @Override
  public KeyValues getLowCardinalityKeyValues(HandlerObservationContext context) {
    return KeyValues.of(
        LowCardinalityKeys.EVENT_TYPE.withValue(context.getEvent().eventType()),
        LowCardinalityKeys.HANDLER.withValue(context.getHandler().description()),
        LowCardinalityKeys.PHASE.withValue(
            DomainEventsObservation.phaseValue(context.getHandler().phase())),
        LowCardinalityKeys.OUTCOME.withValue(context.getError() == null ? "success" : "failure"));
  }

  /**
   * Returns the event's id, correlation id and causation id ({@code none} where absent); one
   * value per event, so for spans, never for metrics.
   *
   * @param context the invocation's context
   * @return the key values
   */
  @Override
  public KeyValues getHighCardinalityKeyValues(HandlerObservationContext context) {
    DomainEvent event = context.getEvent();
    return KeyValues.of(
        HighCardinalityKeys.EVENT_ID.withValue(event.eventId().toString()),
        HighCardinalityKeys.CORRELATION_ID.withValue(
            event.correlationId().map(Object::toString).orElse("none")),
        HighCardinalityKeys.CAUSATION_ID.withValue(
            event.causationId().map(Object::toString).orElse("none")));
  }
}
