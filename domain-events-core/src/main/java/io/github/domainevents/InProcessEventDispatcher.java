package io.github.domainevents;

import io.github.domainevents.internal.Checks;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Delivers events to handlers in the same JVM: synchronously on the dispatching thread, or
 * asynchronously on an executor.
 *
 * <pre>{@code
 * InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
 * dispatcher.register(InviteCreated.class, event -> mailer.sendWelcome(event.email()));
 * dispatcher.dispatch(new InviteCreated(42, "ada@example.com"));
 * }</pre>
 *
 * <h2>Routing and order</h2>
 *
 * A handler registered for a type receives events of that type and of its subtypes, classes
 * and interfaces alike: a handler for {@link DomainEvent} sees everything. Handlers run in
 * registration order, unless a priority says otherwise (higher first; equal priorities keep
 * registration order). {@link #handlersFor(Class)} lists the exact order for an event class.
 *
 * <h2>Causation</h2>
 *
 * While a handler runs, the event it handles is the ambient cause on that thread: an event
 * created there ({@link EventHeader#create()}, {@code new BaseDomainEvent()}) gets the handled
 * event's id as causation id and its correlation id (or, if it has none, its id). The context is
 * restored exactly after every handler, whether it returned or threw.
 *
 * <h2>Nesting</h2>
 *
 * A handler may dispatch: the nested dispatch runs at once, depth-first, on the same thread,
 * and returns before the outer dispatch goes on to its next handler. Nesting deeper than {@link
 * Builder#maxDepth(int)} (64 by default) throws a {@link DispatchDepthExceededException} that
 * names the chain of event types, instead of overflowing the stack. A dead-event handler that
 * dispatches counts as nesting too.
 *
 * <h2>Failures</h2>
 *
 * See {@link ErrorPolicy}. By default the first failing handler stops the dispatch and its
 * exception propagates (checked ones wrapped in {@link EventDispatchException}), carrying a
 * {@link HandlerFailedException} that names the event and the handler. An event with no
 * handler is logged as a warning through {@link System.Logger}, or handed to the configured
 * {@link DeadEventHandler}. Nothing is dropped silently.
 *
 * <h2>Units of work</h2>
 *
 * A handler may be bound to a {@link TransactionPhase} of the unit of work (transaction) in
 * which its event is dispatched: {@link #register(Class, TransactionPhase, DomainEventHandler)},
 * {@link #register(TransactionPhase, DomainEventHandler)}, {@link HandleEvent#phase()}. Inside a
 * unit of work ({@link UnitOfWork}, or a framework's through {@link
 * Builder#unitOfWorkSupport}), the immediate handlers run at once and the others are held, with
 * the causal context of the moment of dispatch, until the unit reaches their phase. Outside
 * one, {@link Builder#noUnitOfWorkPolicy} decides; by default the dispatch fails. Events
 * without phase-bound handlers never look for a unit of work.
 *
 * <h2>Threading</h2>
 *
 * This class is safe for concurrent use. Registering, closing registrations, clearing and
 * dispatching may happen on any threads at once. Each dispatch works on one consistent snapshot
 * of the handlers, taken when it starts: a handler registered or closed during a dispatch (even
 * by one of its handlers) takes effect from the next dispatch. A synchronous dispatch to already
 * routed handlers takes no lock and, under {@link ErrorPolicy#FAIL_FAST} and {@link
 * ErrorPolicy#REPORT_AND_CONTINUE}, allocates nothing; it uses no {@code synchronized}, so
 * virtual threads are not pinned.
 *
 * <h2 id="cost">Cost</h2>
 *
 * Handlers are kept per registered type; for each event class the dispatcher caches the
 * ordered array of handlers a dispatch runs (its route), built when first needed. With {@code
 * k} the handlers a dispatch of the event class runs (those registered for the class or one of
 * its supertypes):
 *
 * <ul>
 *   <li><b>dispatch</b>, route cached: finding the handlers takes constant time (a field read or
 *       a hash look-up), no lock and no allocation; then the {@code k} handlers run. The first
 *       dispatch of an event class, and the first after a handler for one of its supertypes was
 *       registered or closed, builds the route under the registry's lock: O(k) when the
 *       handlers' priorities are equal, O(k log k) at worst. The number of handlers registered
 *       for unrelated types does not matter.
 *   <li><b>register</b>: amortised constant time, plus dropping the cached routes of event
 *       classes that received events through the handler's type since it last changed (at most
 *       the number of event classes dispatched; a burst of registrations for one type drops them
 *       once). Registering {@code n} handlers, of one type or of many, costs O(n) in total.
 *   <li><b>{@link #registerAll}</b>: O(m) for a listener with {@code m} handler methods (plus
 *       reading its methods by reflection once), with the methods added at once.
 *   <li><b>{@link Registration#close()}</b>: amortised constant time, plus dropping routes as for
 *       registering; closing {@code n} registrations, in any order, costs O(n) in total.
 *   <li><b>{@link #handlersFor}</b>: the route, as for dispatch, plus O(k) to copy it.
 *   <li><b>{@link #clear()}</b>: linear in the number of handlers registered.
 * </ul>
 *
 * <h2>Asynchronous dispatch and closing</h2>
 *
 * {@link #dispatchAsync} runs the same handlers with the same policies on the configured
 * executor (by default a pool of daemon threads the dispatcher creates on first use), carrying
 * the caller's causal context. {@link #close(Duration)} stops accepting asynchronous work, waits
 * for what is in flight and reports what did not finish; it shuts down only an executor the
 * dispatcher created. Synchronous dispatch keeps working after {@code close}.
 *
 * @since 0.1.0
 */
public final class InProcessEventDispatcher implements EventDispatcher, AutoCloseable {
  /*
   * Implementation notes.
   *
   * The hot path is dispatch() -> route() -> runHandlers(). route() reads the registry's last
   * resolved route (one volatile read) or looks the event class up in its ConcurrentHashMap of
   * resolved routes (see HandlerRegistry's notes);
   * runHandlers() begins and ends the dispatch on the thread's AmbientContext, whose pooled
   * frames save and restore the context, so the common case allocates nothing and takes no lock.
   * Everything that needs to record something (reports, run-all, async) goes through
   * runReporting(), which allocates a DispatchReport. A route whose handlers include phase-bound
   * ones carries a PhasePlan (null otherwise): only then does UnitOfWorkDispatch look for a unit
   * of work.
   *
   * The ambient context is reset before *every* handler rather than once per dispatch, so a
   * handler that leaves a scope open cannot change what the next handler sees.
   */
  private static final System.Logger LOG =
      System.getLogger(InProcessEventDispatcher.class.getName());
  private static final int DEFAULT_MAX_DEPTH = 64;
  private static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

  static {
    // The dispatcher is the only code that puts events on the thread context's chain, so the
    // context can read their headers (for the causation of events created in a handler) once
    // this class is initialized.
    AmbientContext.readHeadersWith(event -> ((DomainEvent) event).header());
  }

  private final HandlerRegistry registry = new HandlerRegistry();
  private final ErrorPolicy errorPolicy;
  private final ErrorHandler errorHandler;
  private final DeadEventHandler deadEventHandler;
  private final List<DispatchInterceptor> interceptors;
  private final int maxDepth;
  private final Duration closeTimeout;
  private final AsyncDispatches async;
  private final UnitOfWorkDispatch units;

  /**
   * Creates a dispatcher with the defaults: {@link ErrorPolicy#FAIL_FAST}, dead events logged as
   * warnings, no interceptors, a nesting limit of 64, and a dispatcher-owned pool for
   * asynchronous dispatch.
   */
  public InProcessEventDispatcher() {
    this(new Builder());
  }

  private InProcessEventDispatcher(Builder builder) {
    this.errorPolicy = builder.errorPolicy;
    this.errorHandler = builder.errorHandler != null ? builder.errorHandler : LoggingHandlers.ERRORS;
    this.deadEventHandler =
        builder.deadEventHandler != null ? builder.deadEventHandler : LoggingHandlers.DEAD_EVENTS;
    this.interceptors = List.copyOf(builder.interceptors);
    this.maxDepth = builder.maxDepth;
    this.closeTimeout = builder.closeTimeout;
    this.async = new AsyncDispatches(builder.executor);
    this.units = new UnitOfWorkDispatch(
        new HeldPhases(), builder.unitOfWorkSupport, builder.noUnitOfWorkPolicy, errorPolicy);
  }

  /**
   * Returns a builder for a dispatcher with other policies, interceptors, executor or limits.
   *
   * @return a new builder with the defaults of {@link #InProcessEventDispatcher()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers {@code handler} for events of {@code type} and its subtypes, with priority 0.
   *
   * <p>Each call makes a new, independent registration: registering the same handler instance
   * twice gives two registrations, and the handler runs twice per event until one is closed.
   *
   * <p>Cost: amortised constant time, whatever the number of handlers already registered (see
   * <a href="#cost">Cost</a>); closing the registration likewise.
   *
   * @param type the event class or interface to receive
   * @param handler the handler
   * @param <E> the event type
   * @return the registration; close it to unsubscribe
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code type} is not a {@link DomainEvent} type or has an
   *     invalid {@link EventType}
   */
  public <E extends DomainEvent> Registration register(
      Class<E> type, DomainEventHandler<? super E> handler) {
    return register(type, 0, handler);
  }

  /**
   * Registers {@code handler} for events of {@code type} and its subtypes, with a priority:
   * higher priorities run first, equal priorities in registration order. As with every {@code
   * register} method, the same handler registered twice runs twice: each call is its own
   * registration. Cost: amortised constant time, as for {@link #register(Class,
   * DomainEventHandler)}; the priority costs nothing until a route is built.
   *
   * @param type the event class or interface to receive
   * @param priority the priority; 0 is the default
   * @param handler the handler
   * @param <E> the event type
   * @return the registration; close it to unsubscribe
   * @throws NullPointerException if {@code type} or {@code handler} is null
   * @throws IllegalArgumentException if {@code type} is not a {@link DomainEvent} type or has an
   *     invalid {@link EventType}
   */
  public <E extends DomainEvent> Registration register(
      Class<E> type, int priority, DomainEventHandler<? super E> handler) {
    Checks.requireNonNull(type, "type");
    Checks.requireNonNull(handler, "handler");
    return add(type, priority, HandlerDescriptions.describe(handler), handler);
  }

  /**
   * Registers {@code handler} for events of {@code type} and its subtypes, with priority 0,
   * bound to a phase of the unit of work in which the event is dispatched; see {@link
   * TransactionPhase} and {@link UnitOfWork}. Cost: amortised constant time, as for {@link
   * #register(Class, DomainEventHandler)}.
   *
   * <pre>{@code
   * dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT,
   *     invite -> mailer.sendWelcome(invite.email()));
   * }</pre>
   *
   * @param type the event class or interface to receive
   * @param phase when the handler runs; {@link TransactionPhase#IMMEDIATE} is plain {@link
   *     #register(Class, DomainEventHandler)}
   * @param handler the handler
   * @param <E> the event type
   * @return the registration; close it to unsubscribe
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code type} is not a {@link DomainEvent} type or has an
   *     invalid {@link EventType}
   * @since 0.1.0
   */
  public <E extends DomainEvent> Registration register(
      Class<E> type, TransactionPhase phase, DomainEventHandler<? super E> handler) {
    Checks.requireNonNull(type, "type");
    Checks.requireNonNull(phase, "phase");
    Checks.requireNonNull(handler, "handler");
    return add(type, 0, phase, HandlerDescriptions.describe(handler), handler);
  }

  /**
   * Registers a handler whose class names its event type, as {@link
   * #register(DomainEventHandler)} does, bound to a phase of the unit of work; see {@link
   * TransactionPhase}. Cost: as {@link #register(DomainEventHandler)}.
   *
   * @param phase when the handler runs
   * @param handler the handler
   * @param <E> the event type
   * @return the registration; close it to unsubscribe
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the event type cannot be read from the handler's class,
   *     as for {@link #register(DomainEventHandler)}
   * @since 0.1.0
   */
  public <E extends DomainEvent> Registration register(
      TransactionPhase phase, DomainEventHandler<E> handler) {
    Checks.requireNonNull(phase, "phase");
    Checks.requireNonNull(handler, "handler");
    return add(typeOf(handler), 0, phase, HandlerDescriptions.describe(handler), handler);
  }

  /**
   * Registers a handler whose class names its event type, as in {@code class SendWelcomeMail
   * implements DomainEventHandler<InviteCreated>}, with priority 0. The same instance registered
   * twice runs twice: each call is its own registration.
   *
   * <p>Cost: reading the type argument walks the handler class's generic supertypes (a few
   * reflective calls), then amortised constant time, as for {@link #register(Class,
   * DomainEventHandler)}.
   *
   * @param handler the handler
   * @param <E> the event type
   * @return the registration; close it to unsubscribe
   * @throws NullPointerException if {@code handler} is null
   * @throws IllegalArgumentException if the event type cannot be read from the handler's class
   *     (a lambda, a method reference, a raw or generic handler class): use {@link
   *     #register(Class, DomainEventHandler)} then
   */
  public <E extends DomainEvent> Registration register(DomainEventHandler<E> handler) {
    Checks.requireNonNull(handler, "handler");
    Class<? extends DomainEvent> type = HandlerDescriptions.declaredEventType(handler.getClass());
    String description = HandlerDescriptions.describe(handler);
    if (type == null) {
      throw new IllegalArgumentException(
          "cannot tell which event type " + description + " handles: its type argument is not"
              + " visible at run time (lambdas, method references, raw and generic handler"
              + " classes); use register(EventClass.class, handler)");
    }
    return add(type, 0, description, handler);
  }

  /** The event type a handler class declares, as {@link #register(DomainEventHandler)} reads it. */
  private static Class<? extends DomainEvent> typeOf(DomainEventHandler<?> handler) {
    Class<? extends DomainEvent> type = HandlerDescriptions.declaredEventType(handler.getClass());
    if (type == null) {
      throw new IllegalArgumentException(
          "cannot tell which event type " + HandlerDescriptions.describe(handler) + " handles:"
              + " its type argument is not visible at run time (lambdas, method references, raw"
              + " and generic handler classes); use register(EventClass.class, phase, handler)");
    }
    return type;
  }

  /**
   * Registers every public method of {@code listener} annotated with {@link HandleEvent}.
   *
   * <p>The methods are registered at once, and closing the registration removes them all at
   * once: a dispatch running concurrently runs all the methods that apply to its event or none. Cost: reading the listener's
   * methods by reflection, then O(m) for {@code m} handler methods; closing it also O(m).
   *
   * @param listener the object whose methods to register
   * @return one registration for all of them; closing it unsubscribes them all
   * @throws NullPointerException if {@code listener} is null
   * @throws IllegalArgumentException naming the method, if an annotated method is invalid (see
   *     {@link HandleEvent}), or if there is none; nothing is registered then
   */
  public Registration registerAll(Object listener) {
    Checks.requireNonNull(listener, "listener");
    List<ListenerMethods.Found> methods = ListenerMethods.scan(listener);
    for (ListenerMethods.Found method : methods) { // all checked before the first is added
      try {
        EventTypes.nameOf(method.eventType);
      } catch (IllegalArgumentException invalid) {
        throw new IllegalArgumentException(
            "@HandleEvent method " + method.description + ": " + invalid.getMessage(), invalid);
      }
    }
    List<HandlerRegistry.EntryFactory> entries = new ArrayList<>(methods.size());
    for (ListenerMethods.Found method : methods) {
      entries.add(
          entry(method.eventType, method.priority, method.phase, method.description,
              method.handler));
    }
    return registry.addAll(entries);
  }

  /**
   * Lists the handlers a dispatch of an event of class {@code eventClass} would run, in order.
   *
   * <p>Cost: finding them as a dispatch does (constant time once the class's route is built,
   * which this call does if needed), plus O(k) to copy the {@code k} handlers into the list.
   *
   * @param eventClass the event class
   * @return the handlers, in the order they would run; empty if none
   * @throws NullPointerException if {@code eventClass} is null
   * @throws IllegalArgumentException if {@code eventClass} has an invalid {@link EventType}
   */
  public List<HandlerInfo> handlersFor(Class<? extends DomainEvent> eventClass) {
    Checks.requireNonNull(eventClass, "eventClass");
    HandlerEntry[] entries = registry.handlersFor(eventClass);
    List<HandlerInfo> infos = new ArrayList<>(entries.length);
    for (HandlerEntry entry : entries) {
      infos.add(entry.info);
    }
    return List.copyOf(infos);
  }

  /**
   * Delivers {@code event} to its handlers on this thread, following the error policy.
   *
   * @param event the event
   * @throws NullPointerException if {@code event} or its header is null; no handler runs
   * @throws IllegalArgumentException if the event's class has an invalid {@link EventType}; no
   *     handler runs
   * @throws DispatchDepthExceededException if this dispatch is nested deeper than the limit
   * @throws EventDispatchException if a handler threw a checked exception (fail-fast), or any
   *     handler failed (run-all)
   * @throws IllegalStateException if the event has phase-bound handlers, no unit of work is
   *     active and the {@link NoUnitOfWorkPolicy} is {@link NoUnitOfWorkPolicy#FAIL}; no handler
   *     runs
   * @throws RuntimeException what the first failing handler threw, unchanged (fail-fast), with a
   *     {@link HandlerFailedException} attached as suppressed that names the event and handler
   */
  @Override
  public void dispatch(DomainEvent event) {
    HandlerRegistry.Route route = route(event);
    HandlerEntry[] handlers = route.handlers;
    if (route.phases != null) {
      handlers = units.handlersToRunNow(event, route.phases, false);
    }
    if (route.handlers.length == 0) {
      handleDead(event);
    } else if (errorPolicy == ErrorPolicy.RUN_ALL_THEN_THROW) {
      runReporting(event, handlers, false);
    } else {
      runHandlers(event, handlers);
    }
  }

  /**
   * Delivers each event in order. The events are read, and checked for nulls, before the first
   * is dispatched. If a dispatch throws, the later events are not dispatched, and the exception
   * propagates as {@link #dispatch} threw it, with an {@link UndispatchedEventsException}
   * attached as suppressed that names the failed event and lists the events not dispatched.
   *
   * @param events the events, in order
   * @throws NullPointerException if {@code events} or an element is null; nothing is dispatched
   */
  public void dispatchAll(Iterable<? extends DomainEvent> events) {
    Checks.requireNonNull(events, "events");
    List<DomainEvent> batch = new ArrayList<>();
    for (DomainEvent event : events) {
      if (event == null) {
        throw new NullPointerException(
            "events[" + batch.size() + "] is null; nothing was dispatched");
      }
      batch.add(event);
    }
    for (int i = 0; i < batch.size(); i++) {
      DomainEvent event = batch.get(i);
      try {
        dispatch(event);
      } catch (RuntimeException | Error failure) {
        failure.addSuppressed(
            new UndispatchedEventsException(i, event, batch.subList(i + 1, batch.size())));
        throw failure;
      }
    }
  }

  /**
   * Delivers {@code event} on this thread like {@link #dispatch} and reports what each handler
   * did. Under {@link ErrorPolicy#FAIL_FAST} a failure propagates as from {@code dispatch}.
   *
   * @param event the event
   * @return the report; for a dead event, one with no outcomes (the dead-event handler ran)
   * @throws NullPointerException if {@code event} or its header is null
   * @throws EventDispatchException as {@link #dispatch} does
   * @throws RuntimeException as {@link #dispatch} does
   */
  public DispatchReport dispatchAndReport(DomainEvent event) {
    return dispatchReporting(event, false);
  }

  /**
   * Dispatches with a report. With {@code wrapFailure} (asynchronous dispatch) a fail-fast
   * failure, checked or not, is wrapped in an {@link EventDispatchException} naming the event and
   * handler: on another thread, a bare exception would not say which dispatch it came from.
   */
  private DispatchReport dispatchReporting(DomainEvent event, boolean wrapFailure) {
    HandlerRegistry.Route route = route(event);
    if (route.handlers.length == 0) {
      handleDead(event);
      return new DispatchReport(event, List.of());
    }
    if (route.phases != null) {
      return runNowOrHeld(
          event, route, units.handlersToRunNow(event, route.phases, false), wrapFailure);
    }
    return runReporting(event, route.handlers, wrapFailure);
  }

  /** Runs what a phase-aware route runs now; the report lists held handlers as deferred. */
  private DispatchReport runNowOrHeld(
      DomainEvent event, HandlerRegistry.Route route, HandlerEntry[] runNow, boolean wrapFailure) {
    DispatchReport report = runReporting(event, runNow, wrapFailure);
    PhasePlan phases = route.phases;
    return phases != null && UnitOfWorkDispatch.held(runNow, phases)
        ? UnitOfWorkDispatch.withDeferred(report, route.handlers)
        : report;
  }

  /**
   * Delivers {@code event} on the executor, with the same handlers and policies as {@link
   * #dispatch}, in the caller's causal context (the ambient cause, correlation, clock and id
   * generator follow the event to the executor thread).
   *
   * <p>The future completes with the {@link DispatchReport}, or exceptionally: under {@link
   * ErrorPolicy#FAIL_FAST} with an {@link EventDispatchException} that names the event type, id
   * and failed handler, whose cause is what the handler threw, and which carries the report;
   * otherwise with what {@link #dispatchAndReport} would have thrown; or with a {@link
   * java.util.concurrent.RejectedExecutionException} if the executor refused the work (whatever
   * it threw is the cause).
   *
   * <p>Inside a unit of work, the event's phase-bound handlers are held on this thread and handed
   * to the executor only when the unit reaches their phase (before-commit handlers run on the
   * committing thread, since the commit waits for them); the report lists them as {@link
   * DispatchReport.Status#DEFERRED}. Failures of such later work go to the error handler.
   *
   * @param event the event
   * @return the future outcome
   * @throws NullPointerException if {@code event} or its header is null; nothing is scheduled
   * @throws IllegalStateException if the dispatcher is closed, or as for {@link #dispatch} when
   *     no unit of work is active; nothing is scheduled
   */
  public CompletableFuture<DispatchReport> dispatchAsync(DomainEvent event) {
    checkEvent(event);
    HandlerRegistry.Route route = registry.routeFor(event.getClass());
    if (route.phases != null && !async.isClosed()) { // held on this thread; closed: refused below
      HandlerEntry[] runNow = units.handlersToRunNow(event, route.phases, true);
      return async.submit(
          event, AmbientContext.current().capture(),
          () -> runNowOrHeld(event, route, runNow, true));
    }
    return async.submit(
        event, AmbientContext.current().capture(), () -> dispatchReporting(event, true));
  }

  /**
   * Removes every handler; their registrations count as closed. Dispatches in progress finish
   * with the handlers they started with. Cost: linear in the number of handlers registered.
   */
  public void clear() {
    registry.clear();
  }

  /**
   * Closes with the configured timeout (30 seconds by default); see {@link #close(Duration)}.
   * Asynchronous dispatches that did not finish in time are logged as a warning.
   */
  @Override
  public void close() {
    close(closeTimeout);
  }

  /**
   * Stops accepting asynchronous dispatches, waits up to {@code timeout} for those in flight,
   * and shuts down the executor if the dispatcher created it (an executor passed to the builder
   * is left running). Dispatches still running are not interrupted; they are returned and logged
   * as a warning. Closing again is harmless. Synchronous dispatch keeps working. Called from a
   * handler of an asynchronous dispatch, it does not wait for that dispatch, which is then among
   * those returned.
   *
   * @param timeout how long to wait for dispatches in flight
   * @return the events whose asynchronous dispatch had not finished; empty if all did
   * @throws NullPointerException if {@code timeout} is null
   */
  public List<DomainEvent> close(Duration timeout) {
    Checks.requireNonNull(timeout, "timeout");
    List<DomainEvent> unfinished = async.close(timeout);
    if (!unfinished.isEmpty()) {
      LOG.log(
          Level.WARNING,
          unfinished.size() + " asynchronous dispatch(es) did not finish within " + timeout
              + " of close(): " + LoggingHandlers.describe(unfinished));
    }
    return unfinished;
  }

  /**
   * Tells whether {@link #close} was called.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return async.isClosed();
  }

  @Override
  public String toString() {
    return "InProcessEventDispatcher[" + errorPolicy + ", maxDepth=" + maxDepth
        + (interceptors.isEmpty() ? "" : ", interceptors=" + interceptors.size()) + "]";
  }

  private Registration add(
      Class<? extends DomainEvent> type,
      int priority,
      String description,
      DomainEventHandler<?> handler) {
    return add(type, priority, TransactionPhase.IMMEDIATE, description, handler);
  }

  private Registration add(
      Class<? extends DomainEvent> type,
      int priority,
      TransactionPhase phase,
      String description,
      DomainEventHandler<?> handler) {
    return registry.add(entry(type, priority, phase, description, handler)).registration();
  }

  /** Checks a registration's arguments and returns what makes its entry. */
  @SuppressWarnings("unchecked") // routing guarantees the handler only sees events of its type
  private HandlerRegistry.EntryFactory entry(
      Class<? extends DomainEvent> type,
      int priority,
      TransactionPhase phase,
      String description,
      DomainEventHandler<?> handler) {
    Checks.requireArgument(
        DomainEvent.class.isAssignableFrom(type),
        type.getName() + " is not a DomainEvent type");
    EventTypes.nameOf(type); // validates @EventType at registration
    HandlerInfo info = new HandlerInfo(description, type, priority, phase);
    DomainEventHandler<DomainEvent> target = (DomainEventHandler<DomainEvent>) handler;
    return (owner, sequence) -> new HandlerEntry(owner, info, sequence, target, interceptors);
  }

  private static DomainEvent checkEvent(@Nullable DomainEvent event) {
    DomainEvent checked = Checks.requireNonNull(event, "event");
    if (checked.header() == null) {
      throw new NullPointerException(checked.getClass().getName() + ".header() returned null");
    }
    return checked;
  }

  private HandlerRegistry.Route route(@Nullable DomainEvent event) {
    return registry.routeFor(checkEvent(event).getClass());
  }

  /**
   * How the unit-of-work side runs the handlers it held: through this dispatcher, which it does
   * not know otherwise.
   */
  private final class HeldPhases implements UnitOfWorkDispatch.Phases {
    @Override
    public boolean isClosed() {
      return InProcessEventDispatcher.this.isClosed();
    }

    @Override
    public void run(DomainEvent event, HandlerEntry[] handlers, ErrorPolicy policy) {
      runReporting(event, handlers, false, policy);
    }

    @Override
    public CompletableFuture<DispatchReport> submit(
        DomainEvent event, AmbientContext.Captured context, HandlerEntry[] handlers) {
      return async.submit(
          event, context,
          () -> runReporting(event, handlers, true, ErrorPolicy.REPORT_AND_CONTINUE));
    }
  }

  /**
   * Hands an event without handlers to the dead-event handler, inside the depth guard: a
   * dead-event handler that dispatches (say, a dead letter nobody handles either) is nesting too.
   */
  private void handleDead(DomainEvent event) {
    if (deadEventHandler == IgnoredDeadEvents.INSTANCE) {
      return; // nothing runs, so there is no dispatch to enter
    }
    AmbientContext context = AmbientContext.current();
    int mark = enter(context, event);
    try {
      deadEventHandler.handle(event);
    } finally {
      context.endDispatch(mark);
    }
  }

  /** The allocation-free path: fail-fast and report-and-continue, no report. */
  private void runHandlers(DomainEvent event, HandlerEntry[] handlers) {
    AmbientContext context = AmbientContext.current();
    int mark = enter(context, event);
    try {
      for (HandlerEntry handler : handlers) {
        context.beginHandler(mark);
        try {
          handler.target.handle(event);
        } catch (Throwable failure) {
          onFailure(failure, event, handler);
        }
      }
    } finally {
      context.endDispatch(mark);
    }
  }

  /**
   * The recording path: builds a report; enforces all three policies. With {@code wrapFailure},
   * a fail-fast failure is always wrapped in an {@link EventDispatchException}.
   */
  private DispatchReport runReporting(
      DomainEvent event, HandlerEntry[] handlers, boolean wrapFailure) {
    return runReporting(event, handlers, wrapFailure, errorPolicy);
  }

  private DispatchReport runReporting(
      DomainEvent event, HandlerEntry[] handlers, boolean wrapFailure, ErrorPolicy errorPolicy) {
    AmbientContext context = AmbientContext.current();
    int mark = enter(context, event);
    List<DispatchReport.Outcome> outcomes = new ArrayList<>(handlers.length);
    HandlerEntry failedHandler = null;
    Throwable firstFailure = null;
    try {
      for (HandlerEntry handler : handlers) {
        if (firstFailure != null && errorPolicy == ErrorPolicy.FAIL_FAST) {
          outcomes.add(new DispatchReport.Outcome(handler.info, DispatchReport.Status.SKIPPED, null, 0));
          continue;
        }
        context.beginHandler(mark);
        long start = System.nanoTime();
        try {
          handler.target.handle(event);
          outcomes.add(new DispatchReport.Outcome(
              handler.info, DispatchReport.Status.SUCCEEDED, null, System.nanoTime() - start));
        } catch (Throwable failure) {
          if (failure instanceof VirtualMachineError fatal) {
            throw fatal;
          }
          outcomes.add(new DispatchReport.Outcome(
              handler.info, DispatchReport.Status.FAILED, failure, System.nanoTime() - start));
          if (firstFailure == null) {
            firstFailure = failure;
            failedHandler = handler;
          }
          if (errorPolicy == ErrorPolicy.REPORT_AND_CONTINUE) {
            report(failure, event, handler);
          }
        }
      }
    } finally {
      context.endDispatch(mark);
    }
    DispatchReport result = new DispatchReport(event, outcomes);
    if (firstFailure != null && failedHandler != null) {
      if (errorPolicy == ErrorPolicy.FAIL_FAST) {
        throw wrapFailure
            ? EventDispatchException.wrapping(firstFailure, event, failedHandler.info, result)
            : propagate(firstFailure, event, failedHandler, result);
      }
      if (errorPolicy == ErrorPolicy.RUN_ALL_THEN_THROW) {
        throw EventDispatchException.collecting(result);
      }
    }
    return result;
  }

  /** Begins the dispatch of {@code event} on this thread; returns the mark to end it with. */
  private int enter(AmbientContext context, DomainEvent event) {
    if (context.depth() >= maxDepth) {
      throw depthExceeded(context, event);
    }
    return context.beginDispatch(event);
  }

  private DispatchDepthExceededException depthExceeded(AmbientContext context, DomainEvent event) {
    List<String> chain = new ArrayList<>();
    for (Object outer : context.chain()) {
      chain.add(((DomainEvent) outer).eventType());
    }
    chain.add(event.eventType());
    return new DispatchDepthExceededException(event, chain, maxDepth);
  }

  /** Kept out of the dispatch loop so that the loop stays small enough to inline. */
  private void onFailure(Throwable failure, DomainEvent event, HandlerEntry handler) {
    if (errorPolicy == ErrorPolicy.FAIL_FAST) {
      throw propagate(failure, event, handler, null);
    }
    report(failure, event, handler);
  }

  /**
   * Fail-fast: unchecked failures unchanged, with a {@link HandlerFailedException} attached that
   * names the event and handler; checked ones wrapped (the wrapper names them).
   */
  private static RuntimeException propagate(
      Throwable failure, DomainEvent event, HandlerEntry handler, @Nullable DispatchReport report) {
    if (failure instanceof RuntimeException unchecked) {
      HandlerFailedException.attachTo(unchecked, event, handler.info);
      throw unchecked;
    }
    if (failure instanceof Error error) {
      HandlerFailedException.attachTo(error, event, handler.info);
      throw error;
    }
    return EventDispatchException.wrapping(failure, event, handler.info, report);
  }

  /** Report-and-continue: hands the failure to the error handler, which must not stop us. */
  private void report(Throwable failure, DomainEvent event, HandlerEntry handler) {
    if (failure instanceof VirtualMachineError fatal) {
      throw fatal;
    }
    HandlerFailure details = new HandlerFailure(event, handler.info, failure);
    try {
      errorHandler.handle(details);
    } catch (Throwable brokenErrorHandler) { // even a checked exception thrown sneakily
      if (brokenErrorHandler instanceof VirtualMachineError fatal) {
        throw fatal;
      }
      brokenErrorHandler.addSuppressed(failure);
      LOG.log(Level.ERROR, "the error handler threw while reporting: " + details, brokenErrorHandler);
    }
  }

  /**
   * Builds an {@link InProcessEventDispatcher}. Not safe for concurrent use.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private ErrorPolicy errorPolicy = ErrorPolicy.FAIL_FAST;
    private @Nullable ErrorHandler errorHandler;
    private @Nullable DeadEventHandler deadEventHandler;
    private final List<DispatchInterceptor> interceptors = new ArrayList<>();
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private @Nullable Executor executor;
    private UnitOfWorkSupport unitOfWorkSupport = UnitOfWork.support();
    private NoUnitOfWorkPolicy noUnitOfWorkPolicy = NoUnitOfWorkPolicy.FAIL;

    private Builder() {}

    /**
     * Sets where units of work come from, for handlers bound to a {@link TransactionPhase}; by
     * default {@link UnitOfWork#support()}, the units plain Java code begins with {@link
     * UnitOfWork#begin()}. Integrations pass their framework's (Spring's transactions, say).
     *
     * @param unitOfWorkSupport the units of work
     * @return this builder
     * @throws NullPointerException if {@code unitOfWorkSupport} is null
     * @since 0.1.0
     */
    public Builder unitOfWorkSupport(UnitOfWorkSupport unitOfWorkSupport) {
      this.unitOfWorkSupport = Checks.requireNonNull(unitOfWorkSupport, "unitOfWorkSupport");
      return this;
    }

    /**
     * Sets what happens when an event with phase-bound handlers is dispatched while no unit of
     * work is active; {@link NoUnitOfWorkPolicy#FAIL} by default (see there why).
     *
     * @param noUnitOfWorkPolicy the policy
     * @return this builder
     * @throws NullPointerException if {@code noUnitOfWorkPolicy} is null
     * @since 0.1.0
     */
    public Builder noUnitOfWorkPolicy(NoUnitOfWorkPolicy noUnitOfWorkPolicy) {
      this.noUnitOfWorkPolicy = Checks.requireNonNull(noUnitOfWorkPolicy, "noUnitOfWorkPolicy");
      return this;
    }

    /**
     * Sets what happens when a handler throws; {@link ErrorPolicy#FAIL_FAST} by default.
     *
     * @param errorPolicy the policy
     * @return this builder
     * @throws NullPointerException if {@code errorPolicy} is null
     */
    public Builder errorPolicy(ErrorPolicy errorPolicy) {
      this.errorPolicy = Checks.requireNonNull(errorPolicy, "errorPolicy");
      return this;
    }

    /**
     * Chooses {@link ErrorPolicy#REPORT_AND_CONTINUE} with {@code errorHandler} receiving each
     * failure.
     *
     * @param errorHandler receives failures; see {@link ErrorHandler} for what happens if it throws
     * @return this builder
     * @throws NullPointerException if {@code errorHandler} is null
     */
    public Builder reportAndContinue(ErrorHandler errorHandler) {
      this.errorHandler = Checks.requireNonNull(errorHandler, "errorHandler");
      this.errorPolicy = ErrorPolicy.REPORT_AND_CONTINUE;
      return this;
    }

    /**
     * Sets what receives events that have no handler; by default they are logged as warnings.
     * {@link DeadEventHandler#ignore()} drops them at no cost.
     *
     * @param deadEventHandler the handler
     * @return this builder
     * @throws NullPointerException if {@code deadEventHandler} is null
     */
    public Builder deadEventHandler(DeadEventHandler deadEventHandler) {
      this.deadEventHandler = Checks.requireNonNull(deadEventHandler, "deadEventHandler");
      return this;
    }

    /**
     * Adds an interceptor around every handler invocation. The first added is outermost.
     *
     * @param interceptor the interceptor
     * @return this builder
     * @throws NullPointerException if {@code interceptor} is null
     */
    public Builder interceptor(DispatchInterceptor interceptor) {
      interceptors.add(Checks.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /**
     * Sets how deeply dispatches may nest (a handler dispatching, whose handler dispatches...)
     * before {@link DispatchDepthExceededException}; 64 by default. Real causal chains are a
     * handful of events deep; 64 catches cycles long before the thread's stack runs out.
     *
     * @param maxDepth the limit, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxDepth} is less than 1
     */
    public Builder maxDepth(int maxDepth) {
      Checks.requireArgument(maxDepth >= 1, "maxDepth must be at least 1, was " + maxDepth);
      this.maxDepth = maxDepth;
      return this;
    }

    /**
     * Sets the executor for {@link #dispatchAsync}. The dispatcher does not shut it down. By
     * default the dispatcher creates a pool of daemon threads on first use and shuts it down on
     * {@code close}. On JDK 21+ a virtual-thread executor works well.
     *
     * @param executor the executor
     * @return this builder
     * @throws NullPointerException if {@code executor} is null
     */
    public Builder executor(Executor executor) {
      this.executor = Checks.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets how long {@link InProcessEventDispatcher#close()} waits for asynchronous dispatches;
     * 30 seconds by default.
     *
     * @param closeTimeout the timeout, not negative
     * @return this builder
     * @throws NullPointerException if {@code closeTimeout} is null
     * @throws IllegalArgumentException if {@code closeTimeout} is negative
     */
    public Builder closeTimeout(Duration closeTimeout) {
      Checks.requireNonNull(closeTimeout, "closeTimeout");
      Checks.requireArgument(!closeTimeout.isNegative(), "closeTimeout must not be negative");
      this.closeTimeout = closeTimeout;
      return this;
    }

    /**
     * Returns the dispatcher.
     *
     * @return a new dispatcher with no handlers
     * @throws IllegalStateException if an error handler was set but the policy is not {@link
     *     ErrorPolicy#REPORT_AND_CONTINUE}
     */
    public InProcessEventDispatcher build() {
      Checks.requireState(
          errorHandler == null || errorPolicy == ErrorPolicy.REPORT_AND_CONTINUE,
          "an error handler is only used with ErrorPolicy.REPORT_AND_CONTINUE, but the policy is "
              + errorPolicy);
      return new InProcessEventDispatcher(this);
    }
  }
}
