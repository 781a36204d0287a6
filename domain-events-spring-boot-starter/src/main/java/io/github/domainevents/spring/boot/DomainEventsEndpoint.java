package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.trace.EventTrace;
import io.github.domainevents.trace.HandlerRun;
import io.github.domainevents.trace.TracedEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code domainevents} actuator endpoint ({@code GET /actuator/domainevents} once exposed with
 * {@code management.endpoints.web.exposure.include=domainevents}): per event class the exact
 * handler plan the dispatcher would run, in order, with priorities and phases; the effective
 * configuration; and, when the dispatcher is traced ({@code domain-events.trace.enabled=true} or
 * an {@link EventTrace} bean), the {@value #RECENT_TREES} most recent event trees.
 *
 * <p>The event classes listed are the concrete {@link DomainEvent} classes in the application's
 * packages (those of the {@code @SpringBootApplication} class), scanned once on the first read,
 * plus those of the {@code EventTypeRegistry} bean, if any. The plans are read from the dispatcher
 * on every request ({@link InProcessEventDispatcher#handlersFor}), so they show registrations
 * made since startup.
 *
 * <p>Safe for concurrent use. Read-only: it changes nothing.
 *
 * @since 0.1.0
 */
@Endpoint(id = "domainevents")
public final class DomainEventsEndpoint {
  /** How many of the most recent event trees a read returns. */
  public static final int RECENT_TREES = 20;

  private final InProcessEventDispatcher dispatcher;
  private final DomainEventsProperties properties;
  private final Supplier<List<Class<? extends DomainEvent>>> eventClasses;
  private final @Nullable EventTrace trace;
  private volatile @Nullable List<Class<? extends DomainEvent>> scanned;

  DomainEventsEndpoint(
      InProcessEventDispatcher dispatcher,
      DomainEventsProperties properties,
      Supplier<List<Class<? extends DomainEvent>>> eventClasses,
      @Nullable EventTrace trace) {
    this.dispatcher = dispatcher;
    this.properties = properties;
    this.eventClasses = eventClasses;
    this.trace = trace;
  }

  /**
   * Returns the handler plans, the configuration and the recent event trees.
   *
   * @return the description; serialized as JSON by the actuator
   */
  @ReadOperation
  public DomainEventsDescriptor describe() {
    List<EventPlan> plans = new ArrayList<>();
    for (Class<? extends DomainEvent> type : classes()) {
      List<HandlerDescriptor> handlers = new ArrayList<>();
      for (HandlerInfo info : dispatcher.handlersFor(type)) {
        handlers.add(
            new HandlerDescriptor(
                info.description(),
                info.registeredType().getName(),
                info.priority(),
                DomainEventsObservation.phaseValue(info.phase())));
      }
      plans.add(new EventPlan(eventTypeOf(type), type.getName(), handlers));
    }
    plans.sort(Comparator.comparing(EventPlan::eventType).thenComparing(EventPlan::eventClass));
    return new DomainEventsDescriptor(plans, configuration(), traceDescriptor());
  }

  private List<Class<? extends DomainEvent>> classes() {
    List<Class<? extends DomainEvent>> classes = scanned;
    if (classes == null) {
      Set<Class<? extends DomainEvent>> unique = new LinkedHashSet<>(eventClasses.get());
      classes = List.copyOf(unique);
      scanned = classes;
    }
    return classes;
  }

  private static String eventTypeOf(Class<? extends DomainEvent> type) {
    io.github.domainevents.EventType annotation =
        type.getAnnotation(io.github.domainevents.EventType.class);
    return annotation != null ? annotation.value() : type.getSimpleName();
  }

  private Map<String, Object> configuration() {
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("dispatcher", dispatcher.toString());
    configuration.put("error-policy", properties.getErrorPolicy().name());
    configuration.put("max-depth", properties.getMaxDepth());
    configuration.put("no-unit-of-work-policy", properties.getNoUnitOfWorkPolicy().name());
    configuration.put("close-timeout", properties.getCloseTimeout().toString());
    configuration.put("async-executor", properties.getAsyncExecutor().name());
    configuration.put("spring-events", properties.isSpringEvents());
    configuration.put("observations.enabled", properties.getObservations().isEnabled());
    configuration.put("metrics.enabled", properties.getMetrics().isEnabled());
    configuration.put("trace.enabled", trace != null);
    configuration.put("trace.capacity", properties.getTrace().getCapacity());
    return configuration;
  }

  private @Nullable TraceDescriptor traceDescriptor() {
    EventTrace current = trace;
    if (current == null) {
      return null;
    }
    List<TracedEvent> events = current.events();
    Map<UUID, List<TracedEvent>> children = new HashMap<>();
    Set<UUID> recorded = new HashSet<>();
    for (TracedEvent event : events) {
      recorded.add(event.eventId());
    }
    List<TracedEvent> roots = new ArrayList<>();
    for (TracedEvent event : events) {
      UUID cause = event.causationId();
      if (cause == null || !recorded.contains(cause)) {
        roots.add(event);
      } else {
        children.computeIfAbsent(cause, id -> new ArrayList<>()).add(event);
      }
    }
    List<EventTree> trees = new ArrayList<>();
    for (TracedEvent root : roots.subList(Math.max(0, roots.size() - RECENT_TREES), roots.size())) {
      trees.add(tree(root, children));
    }
    return new TraceDescriptor(events.size(), trees);
  }

  private static EventTree tree(TracedEvent event, Map<UUID, List<TracedEvent>> children) {
    List<EventTree> caused = new ArrayList<>();
    for (TracedEvent child : children.getOrDefault(event.eventId(), List.of())) {
      caused.add(tree(child, children));
    }
    List<RunDescriptor> runs = new ArrayList<>();
    for (HandlerRun run : event.handlerRuns()) {
      runs.add(
          new RunDescriptor(
              run.handler(),
              DomainEventsObservation.phaseValue(run.phase()),
              run.duration().toNanos() / 1_000,
              run.running(),
              run.failure()));
    }
    return new EventTree(
        event.eventId().toString(),
        event.eventType(),
        event.correlationId().toString(),
        event.occurredAt().toString(),
        runs,
        caused);
  }

  /**
   * What the endpoint returns.
   *
   * @param eventTypes the handler plan of each event class, sorted by event type
   * @param configuration the effective configuration: the dispatcher and the {@code
   *     domain-events.*} properties
   * @param trace the recent event trees; null when the dispatcher is not traced
   * @since 0.1.0
   */
  public record DomainEventsDescriptor(
      List<EventPlan> eventTypes, Map<String, Object> configuration, @Nullable TraceDescriptor trace) {}

  /**
   * The handlers a dispatch of one event class runs, in order.
   *
   * @param eventType the event's type name
   * @param eventClass the event's class
   * @param handlers the handlers, in the order they run
   * @since 0.1.0
   */
  public record EventPlan(String eventType, String eventClass, List<HandlerDescriptor> handlers) {}

  /**
   * One handler of a plan.
   *
   * @param handler its description
   * @param registeredType the class or interface it was registered for
   * @param priority its priority; higher runs first
   * @param phase its phase, as the {@code phase} tag reports it ({@code immediate}, {@code
   *     after_commit}, ...)
   * @since 0.1.0
   */
  public record HandlerDescriptor(
      String handler, String registeredType, int priority, String phase) {}

  /**
   * The recent event trees of the trace.
   *
   * @param recordedEvents how many events the trace holds
   * @param recentTrees the most recent root events with everything they caused, oldest first
   * @since 0.1.0
   */
  public record TraceDescriptor(int recordedEvents, List<EventTree> recentTrees) {}

  /**
   * One recorded event and the events it caused.
   *
   * @param eventId its id
   * @param eventType its type name
   * @param correlationId its correlation id
   * @param occurredAt when it occurred, ISO-8601
   * @param handlerRuns the handler runs recorded for it
   * @param caused the events it caused
   * @since 0.1.0
   */
  public record EventTree(
      String eventId,
      String eventType,
      String correlationId,
      String occurredAt,
      List<RunDescriptor> handlerRuns,
      List<EventTree> caused) {}

  /**
   * One recorded handler run.
   *
   * @param handler the handler's description
   * @param phase its phase
   * @param durationMicros how long it ran, in microseconds
   * @param running whether it was still running
   * @param failure what it threw, as {@code SimpleName: message}, or null
   * @since 0.1.0
   */
  public record RunDescriptor(
      String handler, String phase, long durationMicros, boolean running, @Nullable String failure) {}
}
