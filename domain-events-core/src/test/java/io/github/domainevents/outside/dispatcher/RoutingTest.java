package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.BaseDomainEvent;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.AccountClosed;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.AccountEvent;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.BadlyTyped;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteAccepted;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteEvent;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which handlers an event reaches: its class, superclasses and interfaces. */
class RoutingTest {
  private final List<DomainEvent> dead = new ArrayList<>();
  private final InProcessEventDispatcher dispatcher =
      InProcessEventDispatcher.builder().deadEventHandler(dead::add).build();
  private final Journal journal = new Journal();

  @Test
  void handlerForAnInterface_receivesEveryImplementation_andNothingElse() {
    dispatcher.register(InviteEvent.class, journal.handler("invites"));

    dispatcher.dispatch(new InviteCreated(1));
    dispatcher.dispatch(new InviteAccepted(2));
    dispatcher.dispatch(new Ping(3));

    assertThat(journal.entries())
        .containsExactly("invites:invite.created1", "invites:invite.accepted2");
    assertThat(dead).singleElement().isInstanceOf(Ping.class);
  }

  @Test
  void handlerForAClass_receivesSubclasses_butNotTheOtherWayRound() {
    dispatcher.register(AccountEvent.class, journal.handler("account"));
    dispatcher.register(AccountClosed.class, journal.handler("closed"));

    dispatcher.dispatch(new AccountClosed());
    dispatcher.dispatch(new AccountEvent());

    assertThat(journal.entries()).containsExactly(
        "account:AccountClosed", "closed:AccountClosed", "account:AccountEvent");
  }

  @Test
  void handlerForBaseDomainEvent_receivesClassStyleEventsOnly() {
    dispatcher.register(BaseDomainEvent.class, journal.handler("base"));

    dispatcher.dispatch(new AccountClosed());
    dispatcher.dispatch(new Ping(1));

    assertThat(journal.entries()).containsExactly("base:AccountClosed");
  }

  @Test
  void handlerForDomainEvent_receivesEverything() {
    dispatcher.register(DomainEvent.class, journal.handler("all"));

    dispatcher.dispatch(new InviteCreated(1));
    dispatcher.dispatch(new Ping(2));
    dispatcher.dispatch(new AccountClosed());
    dispatcher.dispatch(new DomainEvent() {
      private final EventHeader header = EventHeader.create();

      @Override
      public EventHeader header() {
        return header;
      }
    });

    assertThat(journal.entries()).hasSize(4).allMatch(entry -> entry.startsWith("all:"));
    assertThat(dead).isEmpty();
  }

  @Test
  void routesFollowRegistrationsAndCloses_afterTheEventClassWasRouted() {
    dispatcher.dispatch(new InviteCreated(1)); // routes (and caches) with no handler
    Registration first = dispatcher.register(InviteEvent.class, journal.handler("a"));
    dispatcher.dispatch(new InviteCreated(2));
    Registration second = dispatcher.register(DomainEvent.class, journal.handler("b"));
    dispatcher.dispatch(new InviteCreated(3));
    first.close();
    dispatcher.dispatch(new InviteCreated(4));
    second.close();
    dispatcher.dispatch(new InviteCreated(5));
    dispatcher.register(InviteCreated.class, journal.handler("c"));
    dispatcher.clear();
    dispatcher.dispatch(new InviteCreated(6));

    assertThat(journal.entries()).containsExactly(
        "a:invite.created2", "a:invite.created3", "b:invite.created3", "b:invite.created4");
    assertThat(dead).extracting(DispatcherFixtures::label)
        .containsExactly("invite.created1", "invite.created5", "invite.created6");
  }

  @Test
  void eventWithWhiteSpaceInItsEventType_failsAtDispatch_beforeAnyHandlerRuns() {
    dispatcher.register(InviteEvent.class, journal.handler("invites"));

    for (int attempt = 0; attempt < 2; attempt++) { // not cached as valid after the first try
      assertThatThrownBy(() -> dispatcher.dispatch(new BadlyTyped()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("invite revoked")
          .hasMessageContaining(BadlyTyped.class.getName());
    }
    assertThatThrownBy(() -> dispatcher.dispatchAndReport(new BadlyTyped()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(journal.entries()).isEmpty();
    assertThat(dead).isEmpty();
  }

  @Test
  void dispatchNull_isRejectedNamingTheArgument_andNothingRuns() {
    dispatcher.register(DomainEvent.class, journal.handler("all"));

    assertThatThrownBy(() -> dispatcher.dispatch(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("event");
    assertThatThrownBy(() -> dispatcher.dispatchAndReport(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("event");
    assertThatThrownBy(() -> dispatcher.dispatchAsync(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("event");
    assertThat(journal.entries()).isEmpty();
    assertThat(dead).isEmpty();
  }

  /** A broken event whose header is null. */
  record Headless(EventHeader header) implements DomainEvent {}

  @Test
  void eventWithANullHeader_isRejectedNamingItsClass_andNothingRuns() {
    dispatcher.register(DomainEvent.class, journal.handler("all"));

    assertThatThrownBy(() -> dispatcher.dispatch(new Headless(null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining(Headless.class.getName())
        .hasMessageContaining("header");
    assertThat(journal.entries()).isEmpty();
  }
}
