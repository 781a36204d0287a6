package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.UndispatchedEventsException;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code dispatchAll}: a batch of events, in order, none lost when one fails. */
class DispatchAllTest {
  private final InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
  private final Journal journal = new Journal();

  @Test
  void dispatchesEveryEvent_inOrder() {
    dispatcher.register(DomainEvent.class, journal.handler("h"));

    dispatcher.dispatchAll(List.of(new Ping(1), new InviteCreated(2), new Ping(3)));

    assertThat(journal.entries()).containsExactly("h:Ping1", "h:invite.created2", "h:Ping3");
  }

  @Test
  void emptyBatch_dispatchesNothing() {
    dispatcher.register(DomainEvent.class, journal.handler("h"));

    dispatcher.dispatchAll(List.of());

    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void failFast_stopsAtTheFirstFailure_withTheSameException_andTellsWhichEventsWereNotDispatched() {
    IllegalStateException boom = new IllegalStateException("boom");
    dispatcher.register(Ping.class, event -> {
      if (event.n() == 2) {
        throw boom;
      }
    });
    dispatcher.register(Ping.class, journal.handler("after"));
    List<Ping> batch = List.of(new Ping(1), new Ping(2), new Ping(3), new Ping(4));

    Throwable thrown = catchThrowable(() -> dispatcher.dispatchAll(batch));

    assertThat(thrown).isSameAs(boom);
    assertThat(journal.entries()).containsExactly("after:Ping1");
    UndispatchedEventsException undispatched = UndispatchedEventsException.in(thrown).orElseThrow();
    assertThat(undispatched.failedIndex()).isEqualTo(1);
    assertThat(undispatched.failedEvent()).isSameAs(batch.get(1));
    assertThat(undispatched.notDispatched()).containsExactly(batch.get(2), batch.get(3));
    assertThat(undispatched.getMessage())
        .contains("event 1", batch.get(1).eventId().toString(), "2 later event(s)");
  }

  @Test
  void failureOfTheLastEvent_leavesNothingUndispatched() {
    dispatcher.register(Ping.class, event -> {
      if (event.n() == 2) {
        throw new IllegalStateException("last");
      }
    });

    Throwable thrown = catchThrowable(
        () -> dispatcher.dispatchAll(List.of(new Ping(1), new Ping(2))));

    UndispatchedEventsException undispatched = UndispatchedEventsException.in(thrown).orElseThrow();
    assertThat(undispatched.failedIndex()).isEqualTo(1);
    assertThat(undispatched.notDispatched()).isEmpty();
  }

  @Test
  void checkedFailure_propagatesAsFromDispatch_wrapped_withTheAttachment() {
    IOException checked = new IOException("disk full");
    dispatcher.register(Ping.class, event -> {
      throw checked;
    });

    Throwable thrown = catchThrowable(
        () -> dispatcher.dispatchAll(List.of(new Ping(1), new Ping(2))));

    assertThat(thrown).isExactlyInstanceOf(EventDispatchException.class).hasCause(checked);
    assertThat(UndispatchedEventsException.in(thrown).orElseThrow().notDispatched()).hasSize(1);
  }

  @Test
  void nullElement_isRejectedBeforeAnyEventIsDispatched() {
    dispatcher.register(DomainEvent.class, journal.handler("h"));
    List<DomainEvent> batch = Arrays.asList(new Ping(1), null, new Ping(3));

    assertThatThrownBy(() -> dispatcher.dispatchAll(batch))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("events[1]");
    assertThatThrownBy(() -> dispatcher.dispatchAll(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("events");
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void runAll_finishesTheFailedEvent_thenStops_withTheAttachment() {
    InProcessEventDispatcher runAll =
        InProcessEventDispatcher.builder().errorPolicy(ErrorPolicy.RUN_ALL_THEN_THROW).build();
    runAll.register(Ping.class, event -> {
      if (event.n() == 1) {
        throw new IllegalStateException("first");
      }
    });
    runAll.register(Ping.class, journal.handler("after"));
    List<Ping> batch = List.of(new Ping(1), new Ping(2));

    Throwable thrown = catchThrowable(() -> runAll.dispatchAll(batch));

    assertThat(thrown).isExactlyInstanceOf(EventDispatchException.class);
    assertThat(journal.entries()).containsExactly("after:Ping1");
    assertThat(UndispatchedEventsException.in(thrown).orElseThrow().notDispatched())
        .containsExactly(batch.get(1));
  }

  @Test
  void reportAndContinue_dispatchesTheWholeBatch() {
    List<Throwable> failures = new ArrayList<>();
    InProcessEventDispatcher lenient = InProcessEventDispatcher.builder()
        .reportAndContinue(failure -> failures.add(failure.exception()))
        .build();
    lenient.register(Ping.class, event -> {
      throw new IllegalStateException("always");
    });
    lenient.register(Ping.class, journal.handler("after"));

    lenient.dispatchAll(List.of(new Ping(1), new Ping(2)));

    assertThat(failures).hasSize(2);
    assertThat(journal.entries()).containsExactly("after:Ping1", "after:Ping2");
  }

  @Test
  void batchIsReadOnce_beforeDispatching_soHandlersChangingTheSourceDoNotMatter() {
    List<DomainEvent> source = new ArrayList<>(List.of(new Ping(1), new Ping(2)));
    dispatcher.register(Ping.class, event -> {
      journal.add("saw:" + event.n());
      source.add(new Ping(99));
    });

    dispatcher.dispatchAll(source);

    assertThat(journal.entries()).containsExactly("saw:1", "saw:2");
  }

  @Test
  void undispatchedEventsException_isAbsentFromOtherFailures() {
    assertThat(UndispatchedEventsException.in(new IllegalStateException())).isEmpty();
  }

  @Test
  void nestedDispatchAllFailure_tellsTheOuterCallerAboutItsOwnBatch() {
    Ping inner1 = new Ping(1);
    Ping inner2 = new Ping(2);
    InviteCreated outer1 = new InviteCreated(1);
    InviteCreated outer2 = new InviteCreated(2);
    dispatcher.register(InviteCreated.class, event -> dispatcher.dispatchAll(List.of(inner1, inner2)));
    dispatcher.register(Ping.class, event -> {
      throw new IllegalStateException("inner failure");
    });

    Throwable thrown = catchThrowable(() -> dispatcher.dispatchAll(List.of(outer1, outer2)));

    UndispatchedEventsException undispatched = UndispatchedEventsException.in(thrown).orElseThrow();
    assertThat(undispatched.failedEvent()).isSameAs(outer1);
    assertThat(undispatched.notDispatched()).containsExactly(outer2);
  }
}
