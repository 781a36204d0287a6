package io.github.domainevents.benchmarks;

/**
 * The contenders, selected with JMH's {@code -p contender=...}: each makes a fresh {@link Bus}.
 */
public enum Contender {
  /** The floor: the publisher calls the handlers through an interface, no bus. */
  DIRECT,
  /**
   * The reference floor for a dispatcher ({@link ReferenceDispatcher}): class to handler array
   * in a {@code ClassValue}, a plain loop, no causal context, no policies.
   */
  REFERENCE,
  /**
   * This library, {@code InProcessEventDispatcher.dispatch}, dead events ignored ({@code
   * DeadEventHandler.ignore()}).
   */
  DOMAIN_EVENTS,
  /**
   * This library as {@code new InProcessEventDispatcher()} comes: default dead-event and error
   * handlers, {@code java.util.logging} at its default level (output formatted, then dropped).
   */
  DOMAIN_EVENTS_DEFAULTS,
  /** The same default dispatcher with the library's logger switched off. */
  DOMAIN_EVENTS_DEFAULTS_LOGGING_OFF,
  /** This library, {@code dispatchAsync(..).join()} on a same-thread executor. */
  DOMAIN_EVENTS_ASYNC,
  /** Spring Framework 7, {@code publishEvent(Object)} to {@code @EventListener} methods. */
  SPRING_PAYLOAD,
  /** Spring Framework 7, {@code publishEvent(ApplicationEvent)} to {@code ApplicationListener}s. */
  SPRING_APPLICATION_EVENT,
  /** Guava 33 {@code EventBus}. */
  GUAVA,
  /** greenrobot {@code eventbus-java} 3.3.1, {@code ThreadMode.POSTING}. */
  GREENROBOT,
  /** MBassador 1.3.2, synchronous publish. */
  MBASSADOR,
  /** Axon Framework 4.13 {@code SimpleEventBus} with a subscribing processor. */
  AXON;

  Bus create() {
    return switch (this) {
      case DIRECT -> new DirectBus();
      case REFERENCE -> new ReferenceBus();
      case DOMAIN_EVENTS -> new DomainEventsBus(DomainEventsBus.Setup.IGNORED_DEAD_EVENTS);
      case DOMAIN_EVENTS_DEFAULTS -> new DomainEventsBus(DomainEventsBus.Setup.DEFAULTS);
      case DOMAIN_EVENTS_DEFAULTS_LOGGING_OFF ->
          new DomainEventsBus(DomainEventsBus.Setup.DEFAULTS_LOGGING_OFF);
      case DOMAIN_EVENTS_ASYNC -> new DomainEventsBus(DomainEventsBus.Setup.ASYNC);
      case SPRING_PAYLOAD -> new SpringPayloadBus();
      case SPRING_APPLICATION_EVENT -> new SpringApplicationEventBus();
      case GUAVA -> new GuavaBus();
      case GREENROBOT -> new GreenrobotBus();
      case MBASSADOR -> new MBassadorBus();
      case AXON -> new AxonBus();
    };
  }
}
