package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.domainevents.DispatchReport;
import io.github.domainevents.DispatchReport.Outcome;
import io.github.domainevents.DispatchReport.Status;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code dispatchAndReport} and {@link DispatchReport}: what each handler did. */
class DispatchReportTest {
  private final Journal journal = new Journal();

  @Test
  void report_listsEveryHandlerInRunOrder_withStatusAndNonNegativeDuration() {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().reportAndContinue(failure -> {}).build();
    IllegalStateException failure = new IllegalStateException("second failed");
    dispatcher.register(InviteCreated.class, journal.handler("first"));
    dispatcher.register(InviteCreated.class, event -> {
      throw failure;
    });
    dispatcher.register(InviteCreated.class, 7, journal.handler("priority"));
    InviteCreated event = new InviteCreated(1);

    DispatchReport report = dispatcher.dispatchAndReport(event);

    assertThat(report.event()).isSameAs(event);
    assertThat(report.outcomes())
        .extracting(Outcome::handler)
        .containsExactlyElementsOf(dispatcher.handlersFor(InviteCreated.class));
    assertThat(report.outcomes())
        .extracting(Outcome::status)
        .containsExactly(Status.SUCCEEDED, Status.SUCCEEDED, Status.FAILED);
    assertThat(report.outcomes().get(2).failure()).containsSame(failure);
    assertThat(report.outcomes().get(0).failure()).isEmpty();
    assertThat(report.outcomes())
        .allSatisfy(outcome -> assertThat(outcome.duration()).isGreaterThanOrEqualTo(Duration.ZERO));
    assertThat(report.failures()).containsExactly(failure);
    assertThat(report.succeeded()).isFalse();
    assertThat(report.toString())
        .contains("invite.created", event.eventId().toString(), "SUCCEEDED", "FAILED",
            "second failed");
  }

  @Test
  void failFast_reportsLaterHandlersAsSkipped_inTheCheckedExceptionsReport() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    IOException checked = new IOException("disk full");
    dispatcher.register(InviteCreated.class, journal.handler("first"));
    dispatcher.register(InviteCreated.class, event -> {
      throw checked;
    });
    dispatcher.register(InviteCreated.class, journal.handler("skipped"));

    Throwable thrown = catchThrowable(() -> dispatcher.dispatchAndReport(new InviteCreated(1)));

    assertThat(thrown).isExactlyInstanceOf(EventDispatchException.class).hasCause(checked);
    DispatchReport report = ((EventDispatchException) thrown).report().orElseThrow();
    assertThat(report.outcomes())
        .extracting(Outcome::status)
        .containsExactly(Status.SUCCEEDED, Status.FAILED, Status.SKIPPED);
    assertThat(report.outcomes().get(2).duration()).isEqualTo(Duration.ZERO);
    assertThat(report.toString()).contains("SKIPPED");
    assertThat(journal.entries()).containsExactly("first:invite.created1");
  }

  @Test
  void failFast_uncheckedFailure_propagatesUnchangedFromDispatchAndReport() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    IllegalStateException boom = new IllegalStateException("boom");
    dispatcher.register(InviteCreated.class, event -> {
      throw boom;
    });
    dispatcher.register(InviteCreated.class, journal.handler("skipped"));

    assertThat(catchThrowable(() -> dispatcher.dispatchAndReport(new InviteCreated(1))))
        .isSameAs(boom);
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void allSucceeded_reportSaysSo() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(InviteCreated.class, journal.handler("a"));
    dispatcher.register(InviteCreated.class, journal.handler("b"));

    DispatchReport report = dispatcher.dispatchAndReport(new InviteCreated(1));

    assertThat(report.succeeded()).isTrue();
    assertThat(report.failures()).isEmpty();
    assertThat(report.outcomes()).extracting(Outcome::status)
        .containsExactly(Status.SUCCEEDED, Status.SUCCEEDED);
    assertThat(report.outcomes()).extracting(Outcome::handler).extracting(HandlerInfo::description)
        .containsOnly("lambda in DispatcherFixtures.Journal");
  }

  @Test
  void runAll_reportInTheException_matchesWhatRan() {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().errorPolicy(ErrorPolicy.RUN_ALL_THEN_THROW).build();
    dispatcher.register(InviteCreated.class, event -> {
      throw new IllegalStateException("one");
    });
    dispatcher.register(InviteCreated.class, journal.handler("b"));

    EventDispatchException thrown = (EventDispatchException)
        catchThrowable(() -> dispatcher.dispatchAndReport(new InviteCreated(1)));

    assertThat(thrown.report().orElseThrow().outcomes()).extracting(Outcome::status)
        .containsExactly(Status.FAILED, Status.SUCCEEDED);
  }

  @Test
  void outcomes_cannotBeModified() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(InviteCreated.class, journal.handler("a"));

    DispatchReport report = dispatcher.dispatchAndReport(new InviteCreated(1));

    assertThat(catchThrowable(() -> report.outcomes().clear()))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
