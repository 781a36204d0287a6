package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import io.github.domainevents.outside.LogCapture;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The snapshot rule: a dispatch runs the handlers registered when it started; registrations,
 * closes and clears made during it (even by its own handlers) take effect from the next dispatch.
 */
class SnapshotRuleTest {
  /** Captures the warnings and errors these tests cause on purpose. */
  @RegisterExtension final LogCapture logs = new LogCapture();

  private final InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
  private final Journal journal = new Journal();

  @Test
  void handlerRegisteredDuringADispatch_isNotCalledForTheEventInFlight_butForTheNext() {
    AtomicBoolean registered = new AtomicBoolean();
    dispatcher.register(InviteCreated.class, event -> {
      journal.add("first:" + event.inviteId());
      if (registered.compareAndSet(false, true)) {
        dispatcher.register(InviteCreated.class, journal.handler("added"));
      }
    });

    dispatcher.dispatch(new InviteCreated(1));
    dispatcher.dispatch(new InviteCreated(2));

    assertThat(journal.entries())
        .containsExactly("first:1", "first:2", "added:invite.created2");
  }

  @Test
  void laterHandlerClosedDuringADispatch_stillRunsForTheEventInFlight_butNotForTheNext() {
    AtomicReference<Registration> later = new AtomicReference<>();
    dispatcher.register(InviteCreated.class, event -> {
      journal.add("closer:" + event.inviteId());
      later.get().close();
    });
    later.set(dispatcher.register(InviteCreated.class, journal.handler("later")));

    dispatcher.dispatch(new InviteCreated(1));
    dispatcher.dispatch(new InviteCreated(2));

    assertThat(journal.entries())
        .containsExactly("closer:1", "later:invite.created1", "closer:2");
  }

  @Test
  void clearDuringADispatch_letsTheDispatchFinish_andRemovesEverythingAfterwards() {
    dispatcher.register(InviteCreated.class, event -> {
      journal.add("clearing:" + event.inviteId());
      dispatcher.clear();
    });
    dispatcher.register(InviteCreated.class, journal.handler("after"));

    dispatcher.dispatch(new InviteCreated(1));
    dispatcher.dispatch(new InviteCreated(2));

    assertThat(journal.entries()).containsExactly("clearing:1", "after:invite.created1");
  }

  @Test
  void nestedDispatch_seesRegistrationsMadeBeforeIt_evenDuringTheOuterDispatch() {
    dispatcher.register(InviteCreated.class, event -> {
      if (event.inviteId() == 1) {
        dispatcher.register(InviteCreated.class, journal.handler("added"));
        dispatcher.dispatch(new InviteCreated(2));
      }
    });

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(journal.entries()).containsExactly("added:invite.created2");
  }
}
