package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.HandlerFailure;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.LogCapture;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ErrorPolicy#REPORT_AND_CONTINUE}: failures go to an error handler; delivery goes on. */
class ReportAndContinuePolicyTest {
  /** Captures the warnings and errors these tests cause on purpose. */
  @RegisterExtension final LogCapture logs = new LogCapture();

  private final List<HandlerFailure> failures = Collections.synchronizedList(new ArrayList<>());
  private final Journal journal = new Journal();

  @Test
  void errorHandler_receivesEventHandlerAndException_andLaterHandlersRun() {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().reportAndContinue(failures::add).build();
    IOException checked = new IOException("disk full");
    dispatcher.register(InviteCreated.class, event -> {
      throw checked;
    });
    dispatcher.register(InviteCreated.class, journal.handler("after"));
    InviteCreated event = new InviteCreated(1);

    dispatcher.dispatch(event);

    assertThat(journal.entries()).containsExactly("after:invite.created1");
    assertThat(failures).singleElement().satisfies(failure -> {
      assertThat(failure.event()).isSameAs(event);
      assertThat(failure.exception()).isSameAs(checked);
      assertThat(failure.handler()).isSameAs(dispatcher.handlersFor(InviteCreated.class).get(0));
      assertThat(failure.toString())
          .contains("lambda in ReportAndContinuePolicyTest", "invite.created",
              event.eventId().toString(), "disk full");
    });
  }

  @Test
  void everyFailure_isReported_inOrder() {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().reportAndContinue(failures::add).build();
    dispatcher.register(InviteCreated.class, event -> {
      throw new IllegalStateException("one");
    });
    dispatcher.register(InviteCreated.class, event -> {
      throw new AssertionError("two");
    });

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(failures).extracting(failure -> failure.exception().getMessage())
        .containsExactly("one", "two");
  }

  @Test
  void errorHandlerThatThrows_isLoggedWithTheHandlersFailure_andNextEventsAreAllDelivered() {
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .reportAndContinue(failure -> {
          throw new IllegalStateException("error handler broken");
        })
        .build();
    IllegalArgumentException handlerFailure = new IllegalArgumentException("handler failed");
    dispatcher.register(InviteCreated.class, event -> {
      if (event.inviteId() % 2 == 0) {
        throw handlerFailure;
      }
    });
    dispatcher.register(InviteCreated.class, journal.handler("after"));

    try (LogCapture log = LogCapture.open()) {
      for (int i = 1; i <= 4; i++) {
        dispatcher.dispatch(new InviteCreated(i));
      }

      assertThat(journal.entries()).containsExactly("after:invite.created1",
          "after:invite.created2", "after:invite.created3", "after:invite.created4");
      List<LogRecord> errors = log.records().stream()
          .filter(record -> record.getLevel() == Level.SEVERE).toList();
      assertThat(errors).hasSize(2).allSatisfy(record -> {
        assertThat(record.getThrown()).hasMessage("error handler broken");
        assertThat(Arrays.asList(record.getThrown().getSuppressed())).contains(handlerFailure);
      });
    }
  }

  @Test
  void errorHandlerThatThrowsACheckedExceptionSneakily_doesNotStopDelivery() {
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .reportAndContinue(failure -> {
          throw DispatcherFixtures.<RuntimeException>sneakyThrow(new IOException("sneaky"));
        })
        .build();
    dispatcher.register(InviteCreated.class, event -> {
      throw new IllegalStateException("handler failed");
    });
    dispatcher.register(InviteCreated.class, journal.handler("after"));

    try (LogCapture log = LogCapture.open()) {
      dispatcher.dispatch(new InviteCreated(1));
      dispatcher.dispatchAndReport(new InviteCreated(2));

      assertThat(journal.entries())
          .containsExactly("after:invite.created1", "after:invite.created2");
      assertThat(log.records()).filteredOn(record -> record.getLevel() == Level.SEVERE)
          .hasSize(2)
          .allSatisfy(record -> assertThat(record.getThrown()).hasMessage("sneaky"));
    }
  }

  @Test
  void defaultErrorHandler_logsTheFailureAsAnError() {
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .errorPolicy(ErrorPolicy.REPORT_AND_CONTINUE)
        .build();
    IllegalStateException failure = new IllegalStateException("handler failed");
    dispatcher.register(InviteCreated.class, event -> {
      throw failure;
    });
    dispatcher.register(InviteCreated.class, journal.handler("after"));
    InviteCreated event = new InviteCreated(1);

    try (LogCapture log = LogCapture.open()) {
      dispatcher.dispatch(event);

      assertThat(log.records()).filteredOn(record -> record.getLevel() == Level.SEVERE)
          .singleElement()
          .satisfies(record -> {
            assertThat(record.getThrown()).isSameAs(failure);
            assertThat(record.getMessage()).contains(event.eventId().toString());
          });
    }
    assertThat(journal.entries()).containsExactly("after:invite.created1");
  }

  @Test
  void reportAndContinue_withDispatchAndReport_returnsTheReport_andReportsTheFailure() {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().reportAndContinue(failures::add).build();
    dispatcher.register(InviteCreated.class, event -> {
      throw new IllegalStateException("failed");
    });
    dispatcher.register(InviteCreated.class, journal.handler("after"));

    var report = dispatcher.dispatchAndReport(new InviteCreated(1));

    assertThat(report.succeeded()).isFalse();
    assertThat(report.failures()).hasSize(1);
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).handler()).isSameAs(report.outcomes().get(0).handler());
  }

  @Test
  void errorHandlerWithAnotherPolicy_isRejectedByTheBuilder() {
    var builder = InProcessEventDispatcher.builder()
        .reportAndContinue(failures::add)
        .errorPolicy(ErrorPolicy.RUN_ALL_THEN_THROW);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("REPORT_AND_CONTINUE");
  }

  @Test
  void handlerInfoGivenToTheErrorHandler_isTheRegisteredOne() {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().reportAndContinue(failures::add).build();
    dispatcher.register(InviteCreated.class, 3, event -> {
      throw new IllegalStateException("failed");
    });

    dispatcher.dispatch(new InviteCreated(1));

    HandlerInfo info = failures.get(0).handler();
    assertThat(info.priority()).isEqualTo(3);
    assertThat(info.registeredType()).isEqualTo(InviteCreated.class);
  }
}
