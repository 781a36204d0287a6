package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DeadEventHandler;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.outside.LogCapture;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Events nobody listens to: logged by default, or handed to a dead-event handler. */
class DeadEventsTest {
  /** Captures the warnings and errors these tests cause on purpose. */
  @RegisterExtension final LogCapture logs = new LogCapture();

  @Test
  void noHandler_byDefault_throwsNothing_andLogsOneWarningNamingTheEvent() {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    dispatcher.register(Ping.class, event -> {});
    InviteCreated event = new InviteCreated(1);

    try (LogCapture log = LogCapture.open()) {
      dispatcher.dispatch(event);

      assertThat(log.records()).singleElement().satisfies(record -> {
        assertThat(record.getLevel()).isEqualTo(Level.WARNING);
        assertThat(record.getMessage())
            .contains("invite.created", event.eventId().toString(), InviteCreated.class.getName());
      });
    }
  }

  @Test
  void customDeadEventHandler_receivesTheEventExactlyOnce() {
    List<DomainEvent> dead = new ArrayList<>();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().deadEventHandler(dead::add).build();
    dispatcher.register(Ping.class, event -> {});
    InviteCreated event = new InviteCreated(1);

    dispatcher.dispatch(event);
    dispatcher.dispatch(new Ping(1));

    assertThat(dead).singleElement().isSameAs(event);
  }

  @Test
  void deadEvent_inDispatchAndReport_goesToTheDeadEventHandler_andReportsNoOutcome() {
    List<DomainEvent> dead = new ArrayList<>();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().deadEventHandler(dead::add).build();
    InviteCreated event = new InviteCreated(1);

    var report = dispatcher.dispatchAndReport(event);

    assertThat(dead).singleElement().isSameAs(event);
    assertThat(report.event()).isSameAs(event);
    assertThat(report.outcomes()).isEmpty();
    assertThat(report.succeeded()).isTrue();
  }

  @Test
  void eventWhoseOnlyHandlerWasClosed_isDead() {
    List<DomainEvent> dead = new ArrayList<>();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().deadEventHandler(dead::add).build();
    dispatcher.register(InviteCreated.class, event -> {}).close();

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(dead).hasSize(1);
  }

  @Test
  void deadEventHandlerFailure_propagatesFromDispatch() {
    IllegalStateException failure = new IllegalStateException("dead letter store down");
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .deadEventHandler(event -> {
          throw failure;
        })
        .build();

    assertThatThrownBy(() -> dispatcher.dispatch(new InviteCreated(1))).isSameAs(failure);
  }

  @Test
  void deadEventHandler_runsInsideTheDispatch_soAnEventItCreatesIsCausedByTheDeadEvent() {
    List<Ping> created = new ArrayList<>();
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .deadEventHandler(event -> created.add(new Ping(1)))
        .build();
    InviteCreated dead = new InviteCreated(1);

    dispatcher.dispatch(dead);

    assertThat(created).singleElement().satisfies(ping -> {
      assertThat(ping.header().causationId()).contains(dead.eventId());
      assertThat(ping.header().correlationId()).contains(dead.eventId()); // the root's id
    });
  }

  @Test
  void ignore_leavesEventsWithoutHandlersUnlogged_andOtherEventsStillReachTheirHandlers() {
    List<DomainEvent> handled = new ArrayList<>();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().deadEventHandler(DeadEventHandler.ignore()).build();
    dispatcher.register(Ping.class, handled::add);
    Ping ping = new Ping(1);

    try (LogCapture log = LogCapture.open()) {
      dispatcher.dispatch(new InviteCreated(1));
      var report = dispatcher.dispatchAndReport(new InviteCreated(2));
      dispatcher.dispatch(ping);

      assertThat(report.outcomes()).isEmpty();
      assertThat(report.succeeded()).isTrue();
      assertThat(log.records()).isEmpty();
    }
    assertThat(handled).containsExactly(ping);
  }

  @Test
  void ignore_isOneSharedHandlerThatSaysWhatItIs() {
    assertThat(DeadEventHandler.ignore()).isSameAs(DeadEventHandler.ignore());
    assertThat(DeadEventHandler.ignore()).hasToString("DeadEventHandler.ignore()");
  }

  @Test
  void nullDeadEventHandler_isRejected() {
    assertThatThrownBy(() -> InProcessEventDispatcher.builder().deadEventHandler(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("deadEventHandler");
  }
}
