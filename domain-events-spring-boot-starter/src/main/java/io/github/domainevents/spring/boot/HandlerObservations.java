package io.github.domainevents.spring.boot;

import io.github.domainevents.DispatchInterceptor;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DispatchInterceptor} that makes each handler invocation a Micrometer {@link
 * Observation} ({@link DomainEventsObservation#HANDLE}): a timer through Micrometer's meter
 * handler, a span through Micrometer Tracing's handler, whatever handlers the registry has. The
 * starter adds it to the auto-configured dispatcher when the application has an {@code
 * ObservationRegistry} bean and sets {@code domain-events.observations.enabled=true} (off by
 * default: see {@link DomainEventsProperties.Observations} for the cost); this factory is for
 * dispatchers built by hand.
 *
 * <pre>{@code
 * InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
 *     .interceptor(HandlerObservations.interceptor(observationRegistry))
 *     .build();
 * }</pre>
 *
 * <p>The observation is current (its scope open) while the handler runs, so the handler's own
 * observations, and those of nested dispatches, are its children. A handler's exception is set as
 * the observation's error and then propagates unchanged to the dispatcher's error policy. With a
 * no-op registry ({@code ObservationRegistry.NOOP}, or one without handlers) no context is
 * created.
 *
 * @since 0.1.0
 */
public final class HandlerObservations {
  private HandlerObservations() {}

  /**
   * Returns an interceptor observing handler invocations with the default convention.
   *
   * @param registry the registry
   * @return the interceptor; safe for concurrent use by any number of dispatchers
   * @throws NullPointerException if {@code registry} is null
   */
  public static DispatchInterceptor interceptor(ObservationRegistry registry) {
    return interceptor(registry, null);
  }

  /**
   * Returns an interceptor observing handler invocations with {@code convention}.
   *
   * @param registry the registry
   * @param convention the convention replacing {@link DefaultDomainEventsObservationConvention},
   *     or null for the default (a {@code GlobalObservationConvention} registered on the registry
   *     still wins over the default)
   * @return the interceptor; safe for concurrent use by any number of dispatchers
   * @throws NullPointerException if {@code registry} is null
   * @see InProcessEventDispatcher.Builder#interceptor(DispatchInterceptor)
   */
  public static DispatchInterceptor interceptor(
      ObservationRegistry registry, @Nullable DomainEventsObservationConvention convention) {
    return new Observing(Objects.requireNonNull(registry, "registry must not be null"), convention);
  }

  /** The interceptor. */
  private static final class Observing implements DispatchInterceptor {
    private static final DomainEventsObservationConvention DEFAULT =
        new DefaultDomainEventsObservationConvention();

    private final ObservationRegistry registry;
    private final @Nullable DomainEventsObservationConvention convention;

    Observing(ObservationRegistry registry, @Nullable DomainEventsObservationConvention convention) {
      this.registry = registry;
      this.convention = convention;
    }

    @Override
    public void intercept(DomainEvent event, HandlerInfo handler, Next next) throws Exception {
      Observation observation =
          DomainEventsObservation.HANDLE.observation(
              convention, DEFAULT, () -> new HandlerObservationContext(event, handler), registry);
      observation.observeChecked(() -> next.proceed(event));
    }

    @Override
    public String toString() {
      return "HandlerObservations.interceptor(" + (convention == null ? "default convention" : convention) + ")";
    }
  }
}
