package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.domainevents.DispatchDepthExceededException;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteAccepted;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Pong;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A handler that dispatches: causation, depth-first order, the depth limit, context restored. */
class NestedDispatchTest {
  private final InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
  private final Journal journal = new Journal();

  @Test
  void eventDispatchedByAHandler_isCausedByTheHandledEvent_andSharesItsCorrelation() {
    List<DomainEvent> nested = new ArrayList<>();
    dispatcher.register(InviteCreated.class, event ->
        dispatcher.dispatch(new InviteAccepted(event.inviteId())));
    dispatcher.register(InviteAccepted.class, event -> {
      nested.add(event);
      dispatcher.dispatch(new Ping(1));
    });
    dispatcher.register(Ping.class, nested::add);
    InviteCreated root = new InviteCreated(1);

    dispatcher.dispatch(root);

    DomainEvent accepted = nested.get(0);
    DomainEvent ping = nested.get(1);
    assertThat(root.causationId()).isEmpty();
    assertThat(root.correlationId()).isEmpty();
    assertThat(accepted.causationId()).contains(root.eventId());
    assertThat(accepted.correlationId()).contains(root.eventId()); // root has no correlation
    assertThat(ping.causationId()).contains(accepted.eventId());
    assertThat(ping.correlationId()).contains(root.eventId()); // one chain, one correlation
  }

  @Test
  void handledEventsCorrelationId_isPassedOn() {
    UUID correlation = UUID.randomUUID();
    AtomicReference<DomainEvent> nested = new AtomicReference<>();
    dispatcher.register(InviteCreated.class, event ->
        dispatcher.dispatch(new InviteAccepted(event.inviteId())));
    dispatcher.register(InviteAccepted.class, nested::set);
    InviteCreated root =
        new InviteCreated(EventHeader.builder().correlationId(correlation).build(), 1);

    dispatcher.dispatch(root);

    assertThat(nested.get().correlationId()).contains(correlation);
    assertThat(nested.get().causationId()).contains(root.eventId());
  }

  @Test
  void explicitHeaderValues_winOverTheAmbientCause() {
    UUID correlation = UUID.randomUUID();
    UUID causation = UUID.randomUUID();
    AtomicReference<EventHeader> header = new AtomicReference<>();
    dispatcher.register(InviteCreated.class, event -> header.set(
        EventHeader.builder().correlationId(correlation).causationId(causation).build()));

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(header.get().correlationId()).contains(correlation);
    assertThat(header.get().causationId()).contains(causation);
  }

  @Test
  void nestedDispatch_isDepthFirst() {
    dispatcher.register(InviteCreated.class, event -> {
      journal.add("A1 start");
      dispatcher.dispatch(new Ping(1));
      journal.add("A1 end");
    });
    dispatcher.register(InviteCreated.class, event -> journal.add("A2"));
    dispatcher.register(Ping.class, event -> {
      journal.add("B1");
      dispatcher.dispatch(new Pong(1));
    });
    dispatcher.register(Ping.class, event -> journal.add("B2"));
    dispatcher.register(Pong.class, event -> journal.add("C"));

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(journal.entries()).containsExactly("A1 start", "B1", "C", "B2", "A1 end", "A2");
  }

  @Test
  void eachHandlerOfTheOuterEvent_seesTheOuterEventAsCause_evenAfterANestedDispatch() {
    List<EventHeader> created = new ArrayList<>();
    dispatcher.register(InviteCreated.class, event -> {
      dispatcher.dispatch(new Ping(1));
      created.add(EventHeader.create());
    });
    dispatcher.register(InviteCreated.class, event -> created.add(EventHeader.create()));
    dispatcher.register(Ping.class, event -> {});
    InviteCreated root = new InviteCreated(1);

    dispatcher.dispatch(root);

    assertThat(created).hasSize(2)
        .allSatisfy(header -> assertThat(header.causationId()).contains(root.eventId()));
  }

  @Test
  void cycle_stopsAtTheDefaultDepthOf64_withTheTypeChain_andNoStackOverflow() {
    registerPingPongCycle(dispatcher);

    Throwable thrown = catchThrowable(() -> dispatcher.dispatch(new Ping(0)));

    assertThat(thrown).isExactlyInstanceOf(DispatchDepthExceededException.class);
    DispatchDepthExceededException exceeded = (DispatchDepthExceededException) thrown;
    assertThat(exceeded.limit()).isEqualTo(64);
    assertThat(exceeded.chain()).hasSize(65);
    for (int i = 0; i < exceeded.chain().size(); i++) {
      assertThat(exceeded.chain().get(i)).isEqualTo(i % 2 == 0 ? "Ping" : "Pong");
    }
    assertThat(exceeded.getMessage()).contains("64", "Ping -> Pong -> Ping");
    assertThat(exceeded.event()).isInstanceOf(Ping.class); // Ping(0), Pong(1), ..., Ping(64)
    assertThat(((Ping) exceeded.event()).n()).isEqualTo(64);
    assertThatThreadContextIsClean();
  }

  @Test
  void cycle_underTheDepthLimit_leavesTheDispatcherWorking() {
    registerPingPongCycle(dispatcher);
    catchThrowable(() -> dispatcher.dispatch(new Ping(0)));
    List<DomainEvent> seen = new ArrayList<>();
    dispatcher.register(InviteCreated.class, seen::add);

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).causationId()).isEmpty();
  }

  @Test
  void maxDepth_isConfigurable_andAllowsExactlyThatManyNestedEvents() {
    InProcessEventDispatcher limited = InProcessEventDispatcher.builder().maxDepth(3).build();
    List<Integer> reached = new ArrayList<>();
    AtomicReference<Integer> length = new AtomicReference<>();
    limited.register(Ping.class, event -> {
      reached.add(event.n());
      if (event.n() + 1 < length.get()) {
        limited.dispatch(new Ping(event.n() + 1));
      }
    });

    length.set(3);
    limited.dispatch(new Ping(0));
    assertThat(reached).containsExactly(0, 1, 2);

    reached.clear();
    length.set(4);
    assertThatThrownBy(() -> limited.dispatch(new Ping(0)))
        .isInstanceOfSatisfying(DispatchDepthExceededException.class, exceeded -> {
          assertThat(exceeded.limit()).isEqualTo(3);
          assertThat(exceeded.chain()).containsExactly("Ping", "Ping", "Ping", "Ping");
        });
    assertThat(reached).containsExactly(0, 1, 2);
    assertThatThreadContextIsClean();

    reached.clear();
    length.set(3); // the failed chain left no depth behind on this thread
    limited.dispatch(new Ping(0));
    assertThat(reached).containsExactly(0, 1, 2);
  }

  @Test
  void maxDepthOfOne_forbidsAnyNestedDispatch() {
    InProcessEventDispatcher flat = InProcessEventDispatcher.builder().maxDepth(1).build();
    registerPingPongCycle(flat);

    assertThatThrownBy(() -> flat.dispatch(new Ping(0)))
        .isInstanceOfSatisfying(DispatchDepthExceededException.class,
            exceeded -> assertThat(exceeded.chain()).containsExactly("Ping", "Pong"));
  }

  @Test
  void maxDepthBelowOne_isRejected() {
    assertThatThrownBy(() -> InProcessEventDispatcher.builder().maxDepth(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDepth");
  }

  @Test
  void contextIsRestored_afterAHandlerThrows() {
    IllegalStateException boom = new IllegalStateException("boom");
    dispatcher.register(InviteCreated.class, event -> {
      throw boom;
    });

    assertThat(catchThrowable(() -> dispatcher.dispatch(new InviteCreated(1)))).isSameAs(boom);

    assertThatThreadContextIsClean();
  }

  @Test
  void outerHandlersContext_isRestoredExactly_afterANestedDispatchThrows() {
    AtomicReference<EventHeader> afterNested = new AtomicReference<>();
    dispatcher.register(InviteCreated.class, event -> {
      catchThrowable(() -> dispatcher.dispatch(new Ping(1)));
      afterNested.set(EventHeader.create());
    });
    dispatcher.register(Ping.class, event -> {
      throw new IllegalStateException("nested failure");
    });
    InviteCreated root = new InviteCreated(1);

    dispatcher.dispatch(root);

    assertThat(afterNested.get().causationId()).contains(root.eventId());
    assertThat(afterNested.get().correlationId()).contains(root.eventId());
    assertThatThreadContextIsClean();
  }

  @Test
  void scopeLeftOpenByAHandler_doesNotReachTheNextHandler_norTheCaller() {
    Instant fixed = Instant.parse("2001-01-01T00:00:00Z");
    List<Instant> seen = new ArrayList<>();
    dispatcher.register(InviteCreated.class, event -> {
      EventDefaults.withClock(Clock.fixed(fixed, ZoneOffset.UTC)); // never closed
      seen.add(EventHeader.create().occurredAt());
    });
    dispatcher.register(InviteCreated.class, event -> seen.add(EventHeader.create().occurredAt()));

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(seen.get(0)).isEqualTo(fixed);
    assertThat(seen.get(1)).isNotEqualTo(fixed);
    assertThat(EventHeader.create().occurredAt()).isNotEqualTo(fixed);
  }

  @Test
  void callersScope_isSeenByHandlers_andStillOpenAfterwards() {
    Instant fixed = Instant.parse("2001-01-01T00:00:00Z");
    List<Instant> seen = new ArrayList<>();
    dispatcher.register(InviteCreated.class, event -> seen.add(EventHeader.create().occurredAt()));

    try (EventDefaults.Scope scope = EventDefaults.withClock(Clock.fixed(fixed, ZoneOffset.UTC))) {
      dispatcher.dispatch(new InviteCreated(1));
      assertThat(EventHeader.create().occurredAt()).isEqualTo(fixed);
    }

    assertThat(seen).containsExactly(fixed);
    assertThat(EventHeader.create().occurredAt()).isNotEqualTo(fixed);
  }

  private static void registerPingPongCycle(InProcessEventDispatcher target) {
    target.register(Ping.class, ping -> target.dispatch(new Pong(ping.n() + 1)));
    target.register(Pong.class, pong -> target.dispatch(new Ping(pong.n() + 1)));
  }

  private static void assertThatThreadContextIsClean() {
    EventHeader header = EventHeader.create();
    assertThat(header.causationId()).isEmpty();
    assertThat(header.correlationId()).isEmpty();
  }

  @Test
  void deadEventHandlerThatDispatchesDeadEvents_stopsAtTheDepthLimit_notWithAStackOverflow() {
    AtomicReference<InProcessEventDispatcher> self = new AtomicReference<>();
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .maxDepth(10)
        .deadEventHandler(event -> self.get().dispatch(new Ping(((Ping) event).n() + 1)))
        .build();
    self.set(dispatcher);

    assertThatThrownBy(() -> dispatcher.dispatch(new Ping(0)))
        .isInstanceOfSatisfying(DispatchDepthExceededException.class,
            exceeded -> assertThat(exceeded.chain()).hasSize(11).containsOnly("Ping"));
    assertThatThreadContextIsClean();
  }
}
