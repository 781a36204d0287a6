package io.github.domainevents.outside.dispatcher;

import io.github.domainevents.outside.LogCapture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.HandlerFailedException;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The default policy, as the seed: the first failing handler stops the dispatch. */
class FailFastPolicyTest {
  private final InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
  private final Journal journal = new Journal();

  @Test
  void firstFailingHandler_stopsLaterHandlers_andPropagatesUnchanged() {
    IllegalStateException boom = new IllegalStateException("boom");
    dispatcher.register(InviteCreated.class, journal.handler("before"));
    dispatcher.register(InviteCreated.class, event -> {
      throw boom;
    });
    dispatcher.register(InviteCreated.class, journal.handler("after"));

    Throwable thrown = catchThrowable(() -> dispatcher.dispatch(new InviteCreated(1)));

    assertThat(thrown).isSameAs(boom);
    assertThat(journal.entries()).containsExactly("before:invite.created1");
  }

  @Test
  void propagatedFailure_namesTheEventAndTheHandler_asASuppressedException() {
    IllegalStateException boom = new IllegalStateException("boom");
    dispatcher.register(InviteCreated.class, journal.handler("before"));
    dispatcher.register(InviteCreated.class, event -> {
      throw boom;
    });
    InviteCreated event = new InviteCreated(1);

    Throwable thrown = catchThrowable(() -> dispatcher.dispatch(event));

    assertThat(thrown).isSameAs(boom);
    assertThat(thrown.getSuppressed()).hasSize(1);
    assertThat(thrown.getSuppressed()[0])
        .isInstanceOf(HandlerFailedException.class)
        .hasMessage("handler lambda in FailFastPolicyTest failed on invite.created "
            + event.eventId());
    HandlerFailedException where = HandlerFailedException.in(thrown).orElseThrow();
    assertThat(where.event()).isSameAs(event);
    assertThat(where.handler()).isEqualTo(dispatcher.handlersFor(InviteCreated.class).get(1));
    assertThat(where.getStackTrace()).isEmpty();
  }

  @Test
  void nestedDispatches_eachNameTheirLevel_innermostFirst() {
    IllegalStateException boom = new IllegalStateException("boom");
    dispatcher.register(Ping.class, event -> {
      throw boom;
    });
    dispatcher.register(InviteCreated.class, event -> dispatcher.dispatch(new Ping(7)));
    InviteCreated outer = new InviteCreated(1);

    Throwable thrown = catchThrowable(() -> dispatcher.dispatch(outer));

    assertThat(thrown).isSameAs(boom);
    assertThat(thrown.getSuppressed()).hasSize(2);
    assertThat(((HandlerFailedException) thrown.getSuppressed()[0]).event()).isInstanceOf(Ping.class);
    assertThat(((HandlerFailedException) thrown.getSuppressed()[1]).event()).isSameAs(outer);
    assertThat(HandlerFailedException.in(thrown).orElseThrow().event()).isInstanceOf(Ping.class);
  }

  @Test
  void oneSharedExceptionRethrownForEveryEvent_carriesAtMostTheMaximumOfAttachments() {
    IllegalStateException shared = new IllegalStateException("shared");
    dispatcher.register(InviteCreated.class, event -> {
      throw shared;
    });

    for (int i = 0; i < HandlerFailedException.MAX_ATTACHED + 10; i++) {
      int n = i;
      assertThat(catchThrowable(() -> dispatcher.dispatch(new InviteCreated(n)))).isSameAs(shared);
    }

    assertThat(shared.getSuppressed()).hasSize(HandlerFailedException.MAX_ATTACHED);
  }

  @Test
  void failFast_logsNothing_theCallerHasTheException() {
    dispatcher.register(InviteCreated.class, event -> {
      throw new IllegalStateException("boom");
    });

    try (LogCapture log = LogCapture.open()) {
      catchThrowable(() -> dispatcher.dispatch(new InviteCreated(1)));

      assertThat(log.records()).isEmpty();
    }
  }

  @Test
  void failFast_isTheDefault_andCanBeChosenExplicitly() {
    InProcessEventDispatcher explicit =
        InProcessEventDispatcher.builder().errorPolicy(ErrorPolicy.FAIL_FAST).build();
    for (InProcessEventDispatcher each : new InProcessEventDispatcher[] {dispatcher, explicit}) {
      each.register(InviteCreated.class, event -> {
        throw new IllegalArgumentException("bad");
      });
      each.register(InviteCreated.class, journal.handler("never"));

      assertThat(catchThrowable(() -> each.dispatch(new InviteCreated(1))))
          .isExactlyInstanceOf(IllegalArgumentException.class);
    }
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void error_propagatesUnchanged() {
    AssertionError error = new AssertionError("broken invariant");
    dispatcher.register(InviteCreated.class, event -> {
      throw error;
    });
    dispatcher.register(InviteCreated.class, journal.handler("after"));

    assertThat(catchThrowable(() -> dispatcher.dispatch(new InviteCreated(1)))).isSameAs(error);
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void anErrorThatIsNotFatal_carriesWhichHandlerAndEventItStopped() {
    AssertionError error = new AssertionError("broken invariant");
    dispatcher.register(InviteCreated.class, event -> {
      throw error;
    });
    InviteCreated invite = new InviteCreated(1);

    assertThat(catchThrowable(() -> dispatcher.dispatch(invite))).isSameAs(error);
    HandlerFailedException where = HandlerFailedException.in(error).orElseThrow();
    assertThat(where.event()).isSameAs(invite);
    assertThat(where.handler().registeredType()).isEqualTo(InviteCreated.class);
  }

  @Test
  void checkedException_isWrapped_withItAsCause_namingEventAndHandler() {
    IOException checked = new IOException("disk full");
    dispatcher.register(InviteCreated.class, event -> {
      throw checked;
    });
    dispatcher.register(InviteCreated.class, journal.handler("after"));
    InviteCreated event = new InviteCreated(1);

    Throwable thrown = catchThrowable(() -> dispatcher.dispatch(event));

    assertThat(thrown).isExactlyInstanceOf(EventDispatchException.class);
    assertThat(thrown.getCause()).isSameAs(checked);
    assertThat(thrown.getMessage())
        .contains("invite.created", event.eventId().toString(), "lambda in FailFastPolicyTest");
    assertThat(((EventDispatchException) thrown).event()).isSameAs(event);
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void sneakyCheckedException_isTreatedLikeAnyCheckedException() {
    TimeoutException sneaky = new TimeoutException("slow");
    dispatcher.register(InviteCreated.class, event -> {
      throw DispatcherFixtures.<RuntimeException>sneakyThrow(sneaky);
    });
    dispatcher.register(InviteCreated.class, journal.handler("after"));

    Throwable thrown = catchThrowable(() -> dispatcher.dispatch(new InviteCreated(1)));

    assertThat(thrown).isExactlyInstanceOf(EventDispatchException.class);
    assertThat(thrown.getCause()).isSameAs(sneaky);
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void afterAFailure_theDispatcherKeepsWorking() {
    dispatcher.register(InviteCreated.class, event -> {
      if (event.inviteId() == 1) {
        throw new IllegalStateException("only the first");
      }
    });
    dispatcher.register(InviteCreated.class, journal.handler("after"));

    catchThrowable(() -> dispatcher.dispatch(new InviteCreated(1)));
    dispatcher.dispatch(new InviteCreated(2));

    assertThat(journal.entries()).containsExactly("after:invite.created2");
  }
}
