package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.BadlyTyped;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteEvent;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order handlers run in, and {@code handlersFor}, which describes it. */
class HandlerOrderTest {
  private final InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
  private final Journal journal = new Journal();

  @Test
  void defaultPriority_runsInRegistrationOrder_acrossRegisteredTypes() {
    dispatcher.register(InviteCreated.class, journal.handler("1"));
    dispatcher.register(DomainEvent.class, journal.handler("2"));
    dispatcher.register(InviteEvent.class, journal.handler("3"));
    dispatcher.register(InviteCreated.class, journal.handler("4"));

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(journal.entries()).containsExactly(
        "1:invite.created1", "2:invite.created1", "3:invite.created1", "4:invite.created1");
  }

  @Test
  void higherPriority_runsFirst_equalPrioritiesKeepRegistrationOrder() {
    dispatcher.register(InviteCreated.class, journal.handler("low"));
    dispatcher.register(InviteCreated.class, 5, journal.handler("high-a"));
    dispatcher.register(InviteCreated.class, -3, journal.handler("negative"));
    dispatcher.register(DomainEvent.class, 5, journal.handler("high-b"));
    dispatcher.register(InviteCreated.class, journal.handler("low-2"));
    dispatcher.register(InviteCreated.class, 100, journal.handler("top"));

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(journal.entries())
        .extracting(entry -> entry.substring(0, entry.indexOf(':')))
        .containsExactly("top", "high-a", "high-b", "low", "low-2", "negative");
  }

  @Test
  void handlersFor_listsExactlyWhatADispatchRuns_inOrder_withReadableDescriptions() {
    dispatcher.register(InviteEvent.class, journal.handler("a"));
    dispatcher.register(InviteCreated.class, 2, event -> {});
    dispatcher.register(new RegistrationTest.SendWelcomeMail(journal));
    dispatcher.register(InviteCreated.class, new Object() {
      void handle(InviteCreated event) {}
    }::handle);
    dispatcher.register(Ping.class, journal.handler("other type"));

    List<HandlerInfo> handlers = dispatcher.handlersFor(InviteCreated.class);

    assertThat(handlers)
        .extracting(HandlerInfo::description, HandlerInfo::registeredType, HandlerInfo::priority)
        .containsExactly(
            tuple("lambda in HandlerOrderTest", InviteCreated.class, 2),
            tuple("lambda in DispatcherFixtures.Journal", InviteEvent.class, 0),
            tuple("RegistrationTest.SendWelcomeMail", InviteCreated.class, 0),
            tuple("lambda in HandlerOrderTest", InviteCreated.class, 0));
    assertThat(handlers).allSatisfy(info -> {
      assertThat(info.description()).doesNotContain("$$Lambda", "@", "$");
      assertThat(info.toString()).startsWith(info.description());
    });
    assertThat(dispatcher.handlersFor(DomainEvent.class)).isEmpty();
  }

  @Test
  void handlersFor_anonymousClass_isDescribedAsAnonymous() {
    dispatcher.register(InviteCreated.class, new DomainEventHandler<>() {
      @Override
      public void handle(InviteCreated event) {}
    });

    assertThat(dispatcher.handlersFor(InviteCreated.class))
        .singleElement()
        .extracting(HandlerInfo::description)
        .asString()
        .startsWith("anonymous HandlerOrderTest")
        .doesNotContain("$");
  }

  @Test
  void handlersFor_returnsAnUnmodifiableList_andFollowsChanges() {
    var registration = dispatcher.register(InviteCreated.class, journal.handler("a"));
    List<HandlerInfo> before = dispatcher.handlersFor(InviteCreated.class);

    registration.close();

    assertThat(before).hasSize(1);
    assertThat(dispatcher.handlersFor(InviteCreated.class)).isEmpty();
    assertThatThrownBy(() -> before.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void handlersFor_rejectsNullAndInvalidEventTypes() {
    assertThatThrownBy(() -> dispatcher.handlersFor(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("eventClass");
    assertThatThrownBy(() -> dispatcher.handlersFor(BadlyTyped.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("white space");
  }

  @Test
  void handlerForSupertype_andHandlerForSubtype_eachRunExactlyOncePerEvent() {
    dispatcher.register(InviteEvent.class, journal.handler("super"));
    dispatcher.register(InviteCreated.class, journal.handler("sub"));
    dispatcher.register(DomainEvent.class, journal.handler("all"));

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(journal.entries())
        .containsExactly("super:invite.created1", "sub:invite.created1", "all:invite.created1");
  }

  @Test
  void sameHandlerRegisteredTwice_runsTwice() {
    var handler = journal.<InviteCreated>handler("twice");
    dispatcher.register(InviteCreated.class, handler);
    dispatcher.register(InviteCreated.class, handler);

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(journal.entries()).containsExactly("twice:invite.created1", "twice:invite.created1");
  }
}
