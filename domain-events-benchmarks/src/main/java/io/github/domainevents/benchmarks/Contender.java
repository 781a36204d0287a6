package io.github.domainevents.benchmarks;

/**
 * The contenders, selected with JMH's {@code -p contender=...}: each makes a fresh {@link Bus}.
 */
public enum Contender {
  /** The floor: the publisher calls the handlers through an interface, no bus. */
  DIRECT,
  /** This library, {@code InProcessEventDispatcher.dispatch}. */
  DOMAIN_EVENTS,
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
      case DOMAIN_EVENTS -> new DomainEventsBus(false);
      case DOMAIN_EVENTS_ASYNC -> new DomainEventsBus(true);
      case SPRING_PAYLOAD -> new SpringPayloadBus();
      case SPRING_APPLICATION_EVENT -> new SpringApplicationEventBus();
      case GUAVA -> new GuavaBus();
      case GREENROBOT -> new GreenrobotBus();
      case MBASSADOR -> new MBassadorBus();
      case AXON -> new AxonBus();
    };
  }
}
