package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.HandlerFailedException;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteAccepted;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteEvent;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The seed package's dispatcher tests (routes to the right handlers, runs several handlers in
 * registration order, clear removes all, the first exception propagates), as properties over
 * random registrations and events.
 */
class SeedDispatcherPropertyTest {
  /** Types handlers register for: exact classes, an interface, and everything. */
  static final List<Class<? extends DomainEvent>> HANDLER_TYPES = List.of(
      InviteCreated.class, InviteAccepted.class, InviteEvent.class, Ping.class, DomainEvent.class);

  /** The classes of the events {@link #event} makes. */
  static final List<Class<? extends DomainEvent>> EVENT_CLASSES =
      List.of(InviteCreated.class, InviteAccepted.class, Ping.class);

  static DomainEvent event(int kind, int n) {
    return switch (kind) {
      case 0 -> new InviteCreated(n);
      case 1 -> new InviteAccepted(n);
      default -> new Ping(n);
    };
  }

  @Property(tries = 300)
  void routesEachEventToExactlyTheHandlersOfItsTypes_inRegistrationOrder(
      @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 4) Integer> handlerTypes,
      @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 2) Integer> eventKinds) {
    List<String> delivered = new ArrayList<>();
    List<DomainEvent> dead = new ArrayList<>();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().deadEventHandler(dead::add).build();
    for (int h = 0; h < handlerTypes.size(); h++) {
      int id = h;
      dispatcher.register(HANDLER_TYPES.get(handlerTypes.get(h)),
          event -> delivered.add(id + ":" + event.eventId()));
    }
    List<String> expected = new ArrayList<>();
    List<DomainEvent> expectedDead = new ArrayList<>();

    for (int i = 0; i < eventKinds.size(); i++) {
      DomainEvent event = event(eventKinds.get(i), i);
      boolean handled = false;
      for (int h = 0; h < handlerTypes.size(); h++) {
        if (HANDLER_TYPES.get(handlerTypes.get(h)).isInstance(event)) {
          expected.add(h + ":" + event.eventId());
          handled = true;
        }
      }
      if (!handled) {
        expectedDead.add(event);
      }
      dispatcher.dispatch(event);
    }

    assertThat(delivered).isEqualTo(expected);
    assertThat(dead).isEqualTo(expectedDead);
  }

  @Property(tries = 100)
  void multipleHandlersForOneType_allRun_inRegistrationOrder(
      @ForAll @IntRange(min = 1, max = 40) int count) {
    List<Integer> ran = new ArrayList<>();
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<Integer> expected = new ArrayList<>();
    for (int h = 0; h < count; h++) {
      int id = h;
      dispatcher.register(InviteCreated.class, event -> ran.add(id));
      expected.add(h);
    }

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(ran).isEqualTo(expected);
  }

  @Property(tries = 200)
  void clear_removesAllHandlers_soEveryEventIsDead(
      @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 4) Integer> handlerTypes,
      @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 2) Integer> eventKinds) {
    List<DomainEvent> delivered = new ArrayList<>();
    List<DomainEvent> dead = new ArrayList<>();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().deadEventHandler(dead::add).build();
    for (Integer type : handlerTypes) {
      dispatcher.register(HANDLER_TYPES.get(type), delivered::add);
    }

    dispatcher.clear();
    List<DomainEvent> events = new ArrayList<>();
    for (int i = 0; i < eventKinds.size(); i++) {
      events.add(event(eventKinds.get(i), i));
      dispatcher.dispatch(events.get(i));
    }

    assertThat(delivered).isEmpty();
    assertThat(dead).isEqualTo(events);
    for (Class<? extends DomainEvent> type : List.of(InviteCreated.class, Ping.class)) {
      assertThat(dispatcher.handlersFor(type)).isEmpty();
    }
  }

  /** A handler count from 1 to 10 and the index of the failing one: only valid pairs. */
  @Provide
  Arbitrary<int[]> countAndFailing() {
    return Arbitraries.integers().between(1, 10)
        .flatMap(count -> Arbitraries.integers().between(0, count - 1)
            .map(failing -> new int[] {count, failing}));
  }

  @Property(tries = 200)
  void firstFailingHandler_propagates_andStopsTheHandlersAfterIt(
      @ForAll("countAndFailing") int[] countAndFailing, @ForAll boolean checked) {
    int count = countAndFailing[0];
    int failing = countAndFailing[1];
    Exception failure = checked ? new IOException("h" + failing) : new IllegalStateException();
    List<Integer> ran = new ArrayList<>();
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    for (int h = 0; h < count; h++) {
      int id = h;
      dispatcher.register(Ping.class, event -> {
        ran.add(id);
        if (id == failing) {
          throw failure;
        }
      });
    }

    Throwable thrown = catchThrowable(() -> dispatcher.dispatch(new Ping(1)));

    if (checked) {
      assertThat(thrown).isExactlyInstanceOf(EventDispatchException.class).hasCause(failure);
    } else {
      assertThat(thrown).isSameAs(failure);
      assertThat(HandlerFailedException.in(thrown).orElseThrow().handler())
          .isEqualTo(dispatcher.handlersFor(Ping.class).get(failing));
    }
    List<Integer> expected = new ArrayList<>();
    for (int h = 0; h <= failing; h++) {
      expected.add(h);
    }
    assertThat(ran).isEqualTo(expected);
  }
}
