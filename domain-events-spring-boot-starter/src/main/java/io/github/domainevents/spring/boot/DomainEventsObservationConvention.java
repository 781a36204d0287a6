package io.github.domainevents.spring.boot;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of the handler observations. Define a bean of this type to replace {@link
 * DefaultDomainEventsObservationConvention}, typically by extending it:
 *
 * <pre>{@code
 * @Bean
 * DomainEventsObservationConvention tenantTagged() {
 *   return new DefaultDomainEventsObservationConvention() {
 *     @Override
 *     public KeyValues getLowCardinalityKeyValues(HandlerObservationContext context) {
 *       return super.getLowCardinalityKeyValues(context)
 *           .and("tenant", String.valueOf(context.getEvent().metadata().getOrDefault("tenant", "none")));
 *     }
 *   };
 * }
 * }</pre>
 *
 * <p>Implementations are called on the threads running handlers, concurrently, and must be safe
 * for that; what they throw fails the handler invocation.
 *
 * @since 0.1.0
 */
public interface DomainEventsObservationConvention
    extends ObservationConvention<HandlerObservationContext> {

  /**
   * Supports the {@link HandlerObservationContext} only.
   *
   * @param context the context of an observation
   * @return whether it is a handler observation's context
   */
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof HandlerObservationContext;
  }
}
