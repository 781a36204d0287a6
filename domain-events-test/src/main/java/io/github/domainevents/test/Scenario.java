package io.github.domainevents.test;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.EventDispatcher;
import io.github.domainevents.InProcessEventDispatcher;
import java.util.Objects;
import java.util.function.Function;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.Assertions;
import org.jspecify.annotations.Nullable;

/**
 * Given / when / then for handlers: given prior events or state, when this event is dispatched,
 * then these events were dispatched, or this exception was thrown.
 *
 * <pre>{@code
 * Scenario.forDispatchingHandler(InviteCreated.class, dispatcher -> new SendWelcomeMail(mailer, dispatcher))
 *     .when(new InviteCreated(EventHeader.builder().metadata("tenant", "acme").build(), 42, "ada@example.com"))
 *     .then()
 *     .hasCausalTree("""
 *         invite.created
 *           welcome-mail.sent
 *         """)
 *     .event(WelcomeMailSent.class)
 *     .isCausedBy(InviteCreated.class);
 * }</pre>
 *
 * <p>{@link #forHandler} and {@link #forDispatchingHandler} test one handler: it runs alone on a dispatcher of its own, and the
 * events it dispatches (through the dispatcher it is given) have no handler and are just
 * captured. {@link #forDispatcher} tests a whole dispatcher with all its handlers; build it with
 * {@link EventCapture#instrument} so that nested dispatches are captured too.
 *
 * <p>Each {@link #when} runs in a capture of its own (nested in the test's capture when {@link
 * DomainEventsExtension} is active, so the test sees those events too); the events of {@link
 * #given} are not part of it. A scenario is meant for one test thread.
 *
 * @since 0.1.0
 */
public final class Scenario {
  private final EventDispatcher dispatcher;

  private Scenario(EventDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /**
   * A scenario for a whole dispatcher.
   *
   * @param dispatcher the dispatcher under test; events given to it by the scenario are always
   *     captured, events its handlers dispatch when it is {@linkplain EventCapture#instrument
   *     instrumented} or they go through {@link EventCapture#recording}
   * @return the scenario
   * @throws NullPointerException if {@code dispatcher} is null
   */
  public static Scenario forDispatcher(EventDispatcher dispatcher) {
    return new Scenario(EventCapture.recording(
        Objects.requireNonNull(dispatcher, "dispatcher must not be null")));
  }

  /**
   * A scenario for one handler that dispatches nothing itself (or whose events you do not
   * check).
   *
   * @param type the event type the handler is registered for
   * @param handler the handler
   * @param <E> the event type
   * @return the scenario
   * @throws NullPointerException if an argument is null
   */
  public static <E extends DomainEvent> Scenario forHandler(
      Class<E> type, DomainEventHandler<? super E> handler) {
    Objects.requireNonNull(handler, "handler must not be null");
    return forDispatchingHandler(type, dispatcher -> handler);
  }

  /**
   * A scenario for one handler made with the scenario's dispatcher, so that the events it
   * dispatches are captured.
   *
   * @param type the event type the handler is registered for
   * @param handlerFactory makes the handler, given the dispatcher it should dispatch to
   * @param <E> the event type
   * @return the scenario
   * @throws NullPointerException if an argument is null, or the factory returns null
   */
  public static <E extends DomainEvent> Scenario forDispatchingHandler(
      Class<E> type, Function<EventDispatcher, ? extends DomainEventHandler<? super E>> handlerFactory) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(handlerFactory, "handlerFactory must not be null");
    InProcessEventDispatcher dispatcher =
        EventCapture.instrument(InProcessEventDispatcher.builder()).build();
    DomainEventHandler<? super E> handler =
        Objects.requireNonNull(handlerFactory.apply(dispatcher), "handlerFactory returned null");
    dispatcher.register(type, handler);
    return new Scenario(dispatcher);
  }

  /**
   * Returns the dispatcher the scenario dispatches to (for a single handler, the one it was
   * made with).
   *
   * @return the dispatcher
   */
  public EventDispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * Dispatches prior events now, in order; what they cause is not part of what {@link #when}
   * captures.
   *
   * @param events the prior events
   * @return this
   * @throws NullPointerException if an event is null
   * @throws RuntimeException what dispatching a prior event threw (the scenario is then broken)
   */
  public Scenario given(DomainEvent... events) {
    for (DomainEvent event : events) {
      dispatcher.dispatch(Objects.requireNonNull(event, "given event must not be null"));
    }
    return this;
  }

  /**
   * Sets up prior state, for example saves an aggregate the handler will load.
   *
   * @param setup the set-up code
   * @return this
   * @throws NullPointerException if {@code setup} is null
   * @throws RuntimeException what {@code setup} threw
   */
  public Scenario given(Runnable setup) {
    Objects.requireNonNull(setup, "setup must not be null").run();
    return this;
  }

  /**
   * Dispatches {@code event} in a capture of its own and keeps what happened: the events
   * dispatched (the first of which is {@code event} itself) and what the dispatch threw.
   *
   * @param event the event
   * @return the outcome, to assert on
   * @throws NullPointerException if {@code event} is null
   */
  public Outcome when(DomainEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    Throwable thrown = null;
    CapturedEvents events =
        CapturedEvents.open("when " + event.eventType() + " " + event.eventId(), null, null);
    try {
      dispatcher.dispatch(event);
    } catch (RuntimeException | Error failure) {
      thrown = failure;
    } finally {
      events.close();
    }
    return new Outcome(events, thrown);
  }

  /**
   * What one {@link #when} did.
   *
   * @since 0.1.0
   */
  public static final class Outcome {
    private final CapturedEvents events;
    private final @Nullable Throwable thrown;

    private Outcome(CapturedEvents events, @Nullable Throwable thrown) {
      this.events = events;
      this.thrown = thrown;
    }

    /**
     * Starts assertions on the events dispatched by the {@code when}, the {@code when} event
     * first.
     *
     * @return the assertions
     * @throws AssertionError if the dispatch threw; the message carries what it threw as cause
     */
    public CapturedEventsAssert then() {
      if (thrown != null) {
        AssertionError failure = new AssertionError(Failures.message(
            "the dispatch to succeed", "it threw " + thrown, events));
        failure.initCause(thrown);
        throw failure;
      }
      return EventAssertions.assertThat(events);
    }

    /**
     * Starts AssertJ's assertions on what the dispatch threw, as the dispatcher threw it (a
     * checked exception of a handler arrives wrapped in an {@code EventDispatchException}).
     *
     * @return the assertions on the exception
     * @throws AssertionError if the dispatch did not throw; the message shows the captured events
     */
    public AbstractThrowableAssert<?, ? extends Throwable> thenThrown() {
      Throwable failure = thrown;
      if (failure == null) {
        throw new AssertionError(Failures.message(
            "the dispatch to throw", "it returned normally", events));
      }
      return Assertions.assertThat(failure);
    }

    /**
     * Returns the captured events of the {@code when}, to wait for asynchronous ones.
     *
     * @return the capture (closed on the test thread; asynchronous work still reports to it)
     */
    public CapturedEvents events() {
      return events;
    }

    @Override
    public String toString() {
      return "Scenario.Outcome[" + events + (thrown == null ? "" : ", threw " + thrown) + "]";
    }
  }
}
