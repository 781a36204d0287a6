package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.domainevents.DispatchReport;
import io.github.domainevents.DispatchReport.Status;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link ErrorPolicy#RUN_ALL_THEN_THROW}: every handler runs, then one exception says it all. */
class RunAllPolicyTest {
  private final InProcessEventDispatcher dispatcher =
      InProcessEventDispatcher.builder().errorPolicy(ErrorPolicy.RUN_ALL_THEN_THROW).build();
  private final Journal journal = new Journal();

  private static void failInH1(InviteCreated event) {
    throw new IllegalStateException("h1 failed");
  }

  @Test
  void h1Throws_h2AndH3StillRun_andOneExceptionCarriesH1sFailureWithItsStackTrace() {
    dispatcher.register(InviteCreated.class, RunAllPolicyTest::failInH1);
    dispatcher.register(InviteCreated.class, journal.handler("h2"));
    dispatcher.register(InviteCreated.class, journal.handler("h3"));
    InviteCreated event = new InviteCreated(1);

    EventDispatchException thrown = catchThrowableOfType(
        EventDispatchException.class, () -> dispatcher.dispatch(event));

    assertThat(journal.entries()).containsExactly("h2:invite.created1", "h3:invite.created1");
    assertThat(thrown.event()).isSameAs(event);
    assertThat(thrown.getMessage())
        .contains("1 of 3", "invite.created", event.eventId().toString(), "h1 failed");
    assertThat(thrown.getSuppressed()).hasSize(1);
    Throwable h1 = thrown.getSuppressed()[0];
    assertThat(h1).isExactlyInstanceOf(IllegalStateException.class).hasMessage("h1 failed");
    assertThat(h1.getStackTrace()[0].getMethodName()).isEqualTo("failInH1");
    assertThat(h1.getStackTrace()[0].getClassName()).isEqualTo(RunAllPolicyTest.class.getName());

    DispatchReport report = thrown.report().orElseThrow();
    assertThat(report.outcomes())
        .extracting(DispatchReport.Outcome::status)
        .containsExactly(Status.FAILED, Status.SUCCEEDED, Status.SUCCEEDED);
    assertThat(report.failures()).containsExactly(h1);
    assertThat(report.succeeded()).isFalse();
  }

  @Test
  void twoDifferentFailures_areBothReported_neitherLostNorUnwrapped() {
    IllegalArgumentException first = new IllegalArgumentException("first");
    IOException second = new IOException("second");
    dispatcher.register(InviteCreated.class, event -> {
      throw first;
    });
    dispatcher.register(InviteCreated.class, journal.handler("between"));
    dispatcher.register(InviteCreated.class, event -> {
      throw second;
    });

    EventDispatchException thrown = catchThrowableOfType(
        EventDispatchException.class, () -> dispatcher.dispatch(new InviteCreated(1)));

    assertThat(Arrays.asList(thrown.getSuppressed())).containsExactly(first, second);
    assertThat(thrown.report().orElseThrow().failures()).containsExactly(first, second);
    assertThat(thrown.getMessage()).contains("2 of 3", "first", "second");
    assertThat(journal.entries()).containsExactly("between:invite.created1");
  }

  @Test
  void errorsThatAreNotFatal_areCollectedToo() {
    AssertionError error = new AssertionError("assertion");
    dispatcher.register(InviteCreated.class, event -> {
      throw error;
    });
    dispatcher.register(InviteCreated.class, journal.handler("after"));

    EventDispatchException thrown = catchThrowableOfType(
        EventDispatchException.class, () -> dispatcher.dispatch(new InviteCreated(1)));

    assertThat(thrown.getSuppressed()).containsExactly(error);
    assertThat(journal.entries()).containsExactly("after:invite.created1");
  }

  @Test
  void noFailure_throwsNothing() {
    dispatcher.register(InviteCreated.class, journal.handler("a"));
    dispatcher.register(InviteCreated.class, journal.handler("b"));

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(journal.entries()).containsExactly("a:invite.created1", "b:invite.created1");
  }
}
