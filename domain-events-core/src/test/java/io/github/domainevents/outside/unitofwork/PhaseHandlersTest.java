package io.github.domainevents.outside.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DispatchReport;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.EventContext;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.outside.unitofwork.UnitFixtures.InviteCreated;
import io.github.domainevents.outside.unitofwork.UnitFixtures.Journal;
import io.github.domainevents.outside.unitofwork.UnitFixtures.MailSent;
import io.github.domainevents.trace.EventTrace;
import io.github.domainevents.trace.HandlerRun;
import io.github.domainevents.trace.TracedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Handlers bound to a phase run at that phase of a {@link UnitOfWork}, and only then. */
class PhaseHandlersTest {
  private final Journal journal = new Journal();
  private final InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();

  @AfterEach
  void noUnitLeftBehind() {
    assertThat(UnitOfWork.isActive()).isFalse();
  }

  private void registerEveryPhase() {
    for (TransactionPhase phase : TransactionPhase.values()) {
      dispatcher.register(InviteCreated.class, phase, journal.handler(phase.name()));
    }
  }

  @Test
  void commit_runsBeforeCommitAfterCommitAndAfterCompletion_inThatOrder_notAfterRollback() {
    registerEveryPhase();
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
      assertThat(journal.entries()).containsExactly("IMMEDIATE:invite.created1");
      unit.commit();
    }
    assertThat(journal.entries()).containsExactly(
        "IMMEDIATE:invite.created1",
        "BEFORE_COMMIT:invite.created1",
        "AFTER_COMMIT:invite.created1",
        "AFTER_COMPLETION:invite.created1");
  }

  @Test
  void rollback_runsAfterRollbackAndAfterCompletion_neverCommitPhases() {
    registerEveryPhase();
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
      unit.rollback();
    }
    assertThat(journal.entries()).containsExactly(
        "IMMEDIATE:invite.created1",
        "AFTER_ROLLBACK:invite.created1",
        "AFTER_COMPLETION:invite.created1");
  }

  @Test
  void closeWithoutCommit_rollsBack() {
    registerEveryPhase();
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
    }
    assertThat(journal.entries()).containsExactly(
        "IMMEDIATE:invite.created1",
        "AFTER_ROLLBACK:invite.created1",
        "AFTER_COMPLETION:invite.created1");
  }

  @Test
  void afterCommitHandlers_ofSeveralEvents_runInDispatchOrder_eachInRouteOrder() {
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, journal.handler("a"));
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, journal.handler("b"));
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
      dispatcher.dispatch(new InviteCreated(2));
      unit.commit();
    }
    assertThat(journal.entries()).containsExactly(
        "a:invite.created1", "b:invite.created1", "a:invite.created2", "b:invite.created2");
  }

  /** A typed handler class, registered with a phase. */
  static final class SendWelcomeMail implements DomainEventHandler<InviteCreated> {
    final List<Long> sent = new ArrayList<>();

    @Override
    public void handle(InviteCreated event) {
      sent.add(event.inviteId());
    }
  }

  /** Annotated methods, one per phase style. */
  public static final class InviteListener {
    final List<String> seen = new ArrayList<>();

    @HandleEvent(phase = TransactionPhase.AFTER_COMMIT)
    public void mail(InviteCreated event) {
      seen.add("mail " + event.inviteId());
    }

    @HandleEvent(phase = TransactionPhase.AFTER_ROLLBACK, priority = 5)
    public void recordFailure(InviteCreated event) {
      seen.add("failed " + event.inviteId());
    }

    @HandleEvent
    public void validate(InviteCreated event) {
      seen.add("validate " + event.inviteId());
    }
  }

  @Test
  void everyRegistrationStyle_takesAPhase_andHandlersForShowsIt() {
    SendWelcomeMail mail = new SendWelcomeMail();
    InviteListener listener = new InviteListener();
    dispatcher.register(TransactionPhase.AFTER_COMMIT, mail);
    dispatcher.registerAll(listener);
    dispatcher.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT, event -> {});

    assertThat(dispatcher.handlersFor(InviteCreated.class))
        .extracting(HandlerInfo::description, HandlerInfo::phase)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "PhaseHandlersTest.InviteListener.recordFailure(InviteCreated)",
                TransactionPhase.AFTER_ROLLBACK),
            org.assertj.core.groups.Tuple.tuple(
                "PhaseHandlersTest.SendWelcomeMail", TransactionPhase.AFTER_COMMIT),
            org.assertj.core.groups.Tuple.tuple(
                "PhaseHandlersTest.InviteListener.mail(InviteCreated)",
                TransactionPhase.AFTER_COMMIT),
            org.assertj.core.groups.Tuple.tuple(
                "PhaseHandlersTest.InviteListener.validate(InviteCreated)",
                TransactionPhase.IMMEDIATE),
            org.assertj.core.groups.Tuple.tuple(
                "lambda in PhaseHandlersTest", TransactionPhase.BEFORE_COMMIT));
    assertThat(dispatcher.handlersFor(InviteCreated.class).get(1))
        .hasToString("PhaseHandlersTest.SendWelcomeMail (InviteCreated, priority 0, after commit)");

    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
      unit.commit();
    }
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(2));
    }
    assertThat(mail.sent).containsExactly(1L);
    assertThat(listener.seen)
        .containsExactly("validate 1", "mail 1", "validate 2", "failed 2");
  }

  @Test
  void eventsWithoutPhaseBoundHandlers_neverAskForAUnitOfWork() {
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    io.github.domainevents.UnitOfWorkSupport counting = new io.github.domainevents.UnitOfWorkSupport() {
      @Override
      public boolean isActive() {
        asked.incrementAndGet();
        return UnitOfWork.support().isActive();
      }

      @Override
      public void registerSynchronization(
          io.github.domainevents.UnitOfWorkSynchronization synchronization) {
        UnitOfWork.support().registerSynchronization(synchronization);
      }
    };
    InProcessEventDispatcher counted =
        InProcessEventDispatcher.builder().unitOfWorkSupport(counting).build();
    counted.register(InviteCreated.class, journal.handler("plain"));
    counted.register(MailSent.class, TransactionPhase.AFTER_COMMIT, journal.handler("mail"));
    try (UnitOfWork unit = UnitOfWork.begin()) {
      counted.dispatch(new InviteCreated(1));
      counted.dispatchAndReport(new InviteCreated(2));
      assertThat(asked).hasValue(0);
      counted.dispatch(new MailSent(3));
      assertThat(asked).hasValue(1);
      unit.commit();
    }
    assertThat(journal.entries())
        .containsExactly("plain:invite.created1", "plain:invite.created2", "mail:mail.sent3");
  }

  @Test
  void immediateHandlers_keepTheirPlainToString() {
    dispatcher.register(InviteCreated.class, event -> {});
    assertThat(dispatcher.handlersFor(InviteCreated.class).get(0).toString())
        .isEqualTo("lambda in PhaseHandlersTest (InviteCreated, priority 0)");
    assertThat(dispatcher.handlersFor(InviteCreated.class).get(0).phase())
        .isEqualTo(TransactionPhase.IMMEDIATE);
  }

  @Test
  void followUpEvents_ofAnAfterCommitHandler_areCausedByTheHandledEvent_asIfInline() {
    List<MailSent> mails = new CopyOnWriteArrayList<>();
    dispatcher.register(MailSent.class, mails::add);
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT,
        invite -> dispatcher.dispatch(new MailSent(invite.inviteId())));
    UUID request = UUID.randomUUID();
    InviteCreated invite;
    try (var scope = EventContext.openCorrelation(request)) {
      try (UnitOfWork unit = UnitOfWork.begin()) {
        invite = new InviteCreated(7);
        dispatcher.dispatch(invite);
        unit.commit(); // still in the scope, but the handler must see the dispatch's context
      }
    }
    assertThat(mails).singleElement().satisfies(mail -> {
      assertThat(mail.causationId()).contains(invite.eventId());
      assertThat(mail.correlationId()).contains(request);
    });
  }

  @Test
  void phaseHandlers_runInTheContextOfTheDispatch_notOfTheCommit() {
    java.time.Instant dispatchTime = java.time.Instant.parse("2026-01-01T00:00:00Z");
    java.time.Instant commitTime = java.time.Instant.parse("2027-01-01T00:00:00Z");
    UUID commitScope = UUID.randomUUID();
    List<MailSent> mails = new CopyOnWriteArrayList<>();
    dispatcher.register(MailSent.class, mails::add);
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT,
        invite -> dispatcher.dispatch(new MailSent(invite.inviteId())));
    InviteCreated invite = new InviteCreated(3);
    UnitOfWork unit = UnitOfWork.begin();
    try (var clock = io.github.domainevents.EventDefaults.withClock(
        java.time.Clock.fixed(dispatchTime, java.time.ZoneOffset.UTC))) {
      dispatcher.dispatch(invite);
    }
    try (var scope = EventContext.openCorrelation(commitScope);
        var clock = io.github.domainevents.EventDefaults.withClock(
            java.time.Clock.fixed(commitTime, java.time.ZoneOffset.UTC))) {
      unit.commit();
      assertThat(EventContext.correlationId()).contains(commitScope);
      assertThat(io.github.domainevents.EventDefaults.clock().instant()).isEqualTo(commitTime);
    }
    assertThat(mails).singleElement().satisfies(mail -> {
      assertThat(mail.correlationId()).contains(invite.eventId());
      assertThat(mail.causationId()).contains(invite.eventId());
      assertThat(mail.occurredAt()).isEqualTo(dispatchTime);
    });
    assertThat(EventContext.correlationId()).isEmpty();
    assertThat(EventContext.currentCause()).isEmpty();
  }

  @Test
  void beforeCommitHandler_dispatching_joinsTheUnit_itsAfterCommitHandlersRunAfterCommit() {
    dispatcher.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT, invite -> {
      journal.add("before-commit " + invite.inviteId());
      dispatcher.dispatch(new MailSent(invite.inviteId()));
    });
    dispatcher.register(MailSent.class, TransactionPhase.BEFORE_COMMIT, journal.handler("mail BC"));
    dispatcher.register(MailSent.class, TransactionPhase.AFTER_COMMIT, journal.handler("mail AC"));
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
      unit.commit();
      journal.add("committed");
    }
    assertThat(journal.entries()).containsExactly(
        "before-commit 1", "mail BC:mail.sent1", "mail AC:mail.sent1", "committed");
  }

  @Test
  void beforeCommitHandler_beginningAnIndependentUnit_getsItsEventsDeliveredAtThatUnitsEnd() {
    dispatcher.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT, invite -> {
      try (UnitOfWork audit = UnitOfWork.beginIndependent()) {
        dispatcher.dispatch(new MailSent(invite.inviteId()));
        audit.commit();
      }
      journal.add("independent unit ended");
    });
    dispatcher.register(MailSent.class, TransactionPhase.AFTER_COMMIT, journal.handler("mail AC"));
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, journal.handler("AC"));
    try (UnitOfWork unit = UnitOfWork.begin()) {
      dispatcher.dispatch(new InviteCreated(1));
      unit.commit();
    }
    assertThat(journal.entries()).containsExactly(
        "mail AC:mail.sent1", "independent unit ended", "AC:invite.created1");
  }

  @Test
  void dispatchAndReport_insideAUnit_listsHeldHandlersAsDeferred_withTheirPhase() {
    dispatcher.register(InviteCreated.class, journal.handler("now"));
    dispatcher.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, journal.handler("later"));
    DispatchReport report;
    try (UnitOfWork unit = UnitOfWork.begin()) {
      report = dispatcher.dispatchAndReport(new InviteCreated(1));
      unit.commit();
    }
    assertThat(report.outcomes())
        .extracting(DispatchReport.Outcome::status, DispatchReport.Outcome::phase)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                DispatchReport.Status.SUCCEEDED, TransactionPhase.IMMEDIATE),
            org.assertj.core.groups.Tuple.tuple(
                DispatchReport.Status.DEFERRED, TransactionPhase.AFTER_COMMIT));
    assertThat(report.succeeded()).isTrue();
    assertThat(report.toString()).contains("[after commit]: DEFERRED");
    assertThat(journal.entries()).containsExactly("now:invite.created1", "later:invite.created1");
  }

  @Test
  void eventTrace_recordsEachRunWithItsPhase_underTheHandledEvent() {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher traced = InProcessEventDispatcher.builder().interceptor(trace).build();
    traced.register(InviteCreated.class, event -> {});
    traced.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, event -> {});
    InviteCreated invite = new InviteCreated(1);
    try (UnitOfWork unit = UnitOfWork.begin()) {
      traced.dispatch(invite);
      unit.commit();
    }
    TracedEvent recorded = trace.find(invite.eventId()).orElseThrow();
    assertThat(recorded.handlerRuns())
        .extracting(HandlerRun::phase)
        .containsExactly(TransactionPhase.IMMEDIATE, TransactionPhase.AFTER_COMMIT);
    assertThat(trace.renderText()).contains("lambda in PhaseHandlersTest [after commit] ✓");
    assertThat(trace.renderMermaid()).contains("[after commit]");
  }

  @Test
  void interceptors_runAroundPhaseHandlers_andSeeThePhase() {
    List<String> seen = new CopyOnWriteArrayList<>();
    InProcessEventDispatcher intercepted = InProcessEventDispatcher.builder()
        .interceptor((event, handler, next) -> {
          seen.add(handler.phase() + " " + EventContext.currentCause().orElseThrow().eventId()
              .equals(event.eventId()));
          next.proceed(event);
        })
        .build();
    intercepted.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, event -> {});
    try (UnitOfWork unit = UnitOfWork.begin()) {
      intercepted.dispatch(new InviteCreated(1));
      assertThat(seen).isEmpty();
      unit.commit();
    }
    assertThat(seen).containsExactly("AFTER_COMMIT true");
  }

  @Test
  @Timeout(30)
  void dispatchAsync_insideAUnit_handsAfterCommitWorkToTheExecutor_onlyAfterCommit()
      throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      InProcessEventDispatcher async = InProcessEventDispatcher.builder().executor(executor).build();
      List<String> threads = new CopyOnWriteArrayList<>();
      java.util.concurrent.CountDownLatch afterCommit = new java.util.concurrent.CountDownLatch(1);
      async.register(InviteCreated.class, event -> threads.add("immediate"));
      async.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, event -> {
        threads.add("after commit on " + (Thread.currentThread().getName().contains("pool")
            ? "executor" : "caller"));
        afterCommit.countDown();
      });
      InviteCreated invite = new InviteCreated(1);
      try (UnitOfWork unit = UnitOfWork.begin()) {
        DispatchReport report = async.dispatchAsync(invite).get(10, TimeUnit.SECONDS);
        assertThat(report.outcomes()).extracting(DispatchReport.Outcome::status)
            .containsExactly(DispatchReport.Status.SUCCEEDED, DispatchReport.Status.DEFERRED);
        assertThat(threads).containsExactly("immediate");
        unit.commit();
      }
      assertThat(afterCommit.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(threads).containsExactly("immediate", "after commit on executor");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  @Timeout(30)
  void dispatchAsync_insideAUnitThatRollsBack_neverRunsAfterCommitWork() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      InProcessEventDispatcher async = InProcessEventDispatcher.builder().executor(executor).build();
      List<DomainEvent> committed = new CopyOnWriteArrayList<>();
      java.util.concurrent.CountDownLatch rolledBack = new java.util.concurrent.CountDownLatch(1);
      async.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, committed::add);
      async.register(InviteCreated.class, TransactionPhase.AFTER_ROLLBACK,
          event -> rolledBack.countDown());
      try (UnitOfWork unit = UnitOfWork.begin()) {
        async.dispatchAsync(new InviteCreated(1)).get(10, TimeUnit.SECONDS);
        unit.rollback();
      }
      assertThat(rolledBack.await(10, TimeUnit.SECONDS)).isTrue();
      executor.submit(() -> {}).get(10, TimeUnit.SECONDS); // the queue before it has drained
      assertThat(committed).isEmpty();
    } finally {
      executor.shutdownNow();
    }
  }
}
