package io.github.domainevents.outside.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.EventContext;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.NoUnitOfWorkPolicy;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.outside.unitofwork.UnitFixtures.InviteCreated;
import io.github.domainevents.outside.unitofwork.UnitFixtures.MailSent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A model-based property: random programs of begin / begin-independent / dispatch / commit /
 * rollback / close, with before-commit handlers that fail or raise follow-up events and
 * after-commit handlers that fail, run on three threads at once against one dispatcher. Each
 * thread's record of handler runs (which, in which order, with which causation and correlation)
 * must equal what a simple model of units of work predicts; anything that ran but should not
 * have shows up as a difference. After each program, the thread holds no unit of work and no
 * causal context.
 */
class UnitOfWorkModelPropertyTest {
  private static final int THREADS = 3;
  private static ExecutorService pool;

  @BeforeContainer
  static void startPool() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterContainer
  static void stopPool() {
    pool.shutdownNow();
  }

  enum Kind { BEGIN, BEGIN_INDEPENDENT, DISPATCH, COMMIT, ROLLBACK, CLOSE }

  /** One step; the flags matter for DISPATCH only. */
  record Op(Kind kind, boolean beforeCommitFails, boolean afterCommitFails, boolean raises) {
    @Override
    public String toString() {
      return kind == Kind.DISPATCH
          ? "DISPATCH" + (beforeCommitFails ? "+bcFails" : "") + (afterCommitFails ? "+acFails" : "")
              + (raises ? "+raises" : "")
          : kind.name();
    }
  }

  @Provide
  Arbitrary<List<List<Op>>> programs() {
    Arbitrary<Op> op = Combinators.combine(
            Arbitraries.of(Kind.values()),
            Arbitraries.of(true, false, false, false),
            Arbitraries.of(true, false, false, false),
            Arbitraries.of(true, false))
        .as(Op::new);
    return op.list().ofMaxSize(30).list().ofSize(THREADS);
  }

  /** Handlers write into the journal of the program running on their thread. */
  private final ThreadLocal<List<String>> journal = new ThreadLocal<>();
  private final Map<Long, UUID> inviteEventIds = new ConcurrentHashMap<>();
  private final Map<Long, Op> ops = new ConcurrentHashMap<>();
  private final Map<Thread, UUID> correlations = new ConcurrentHashMap<>();
  private final InProcessEventDispatcher dispatcher = dispatcher();

  private void record(String entry) {
    journal.get().add(entry);
  }

  private String checked(String entry, UUID cause, UUID expectedCause, UUID correlation) {
    boolean right = cause.equals(expectedCause)
        && correlation.equals(correlations.get(Thread.currentThread()));
    return right ? entry : entry + " (wrong causal context)";
  }

  private InProcessEventDispatcher dispatcher() {
    InProcessEventDispatcher d =
        InProcessEventDispatcher.builder().noUnitOfWorkPolicy(NoUnitOfWorkPolicy.RUN_NOW).build();
    d.register(InviteCreated.class, e -> record("I:" + e.inviteId()));
    d.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT, e -> {
      record("BC:" + e.inviteId());
      Op op = ops.get(e.inviteId());
      if (op.raises()) {
        d.dispatch(new MailSent(e.inviteId()));
      }
      if (op.beforeCommitFails()) {
        throw new IllegalStateException("before-commit fails for " + e.inviteId());
      }
    });
    d.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT, e -> {
      UUID cause = EventContext.currentCause().orElseThrow().eventId();
      record(checked("AC:" + e.inviteId(), cause, e.eventId(), e.correlationId().orElseThrow()));
      if (ops.get(e.inviteId()).afterCommitFails()) {
        throw new IllegalStateException("after-commit fails for " + e.inviteId());
      }
    });
    d.register(InviteCreated.class, TransactionPhase.AFTER_ROLLBACK,
        e -> record("AR:" + e.inviteId()));
    d.register(MailSent.class, TransactionPhase.AFTER_COMMIT, m -> record(checked(
        "MAC:" + m.inviteId(), m.causationId().orElseThrow(), inviteEventIds.get(m.inviteId()),
        m.correlationId().orElseThrow())));
    d.register(MailSent.class, TransactionPhase.AFTER_ROLLBACK, m -> record("MAR:" + m.inviteId()));
    return d;
  }

  /** A real unit as the model sees it: its events in dispatch order. */
  static final class ModelUnit {
    final List<Op> ops = new ArrayList<>();
    final List<Long> ids = new ArrayList<>();
    boolean rollbackOnly;
  }

  /** An open handle: the real one and the model's. */
  record Handle(UnitOfWork real, ModelUnit unit, boolean joined) {}

  @Property(tries = 150)
  void everyThreadRunsWhatTheModelSays(@ForAll("programs") List<List<Op>> programs)
      throws Exception {
    List<Future<List<List<String>>>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      results.add(pool.submit(() -> {
        List<String> actual = new ArrayList<>();
        journal.set(actual);
        try {
          return List.of(run(thread, programs.get(thread)), actual);
        } finally {
          journal.remove();
        }
      }));
    }
    for (int t = 0; t < THREADS; t++) {
      List<List<String>> result = results.get(t).get(30, TimeUnit.SECONDS);
      assertThat(result.get(1)).as("program %d of %s", t, programs).isEqualTo(result.get(0));
    }
  }

  /** Runs one program on this thread; returns the model's journal. */
  private List<String> run(int thread, List<Op> program) {
    List<String> model = new ArrayList<>();
    Deque<Handle> open = new ArrayDeque<>();
    long next = thread * 100_000L;
    UUID correlation = UUID.randomUUID();
    correlations.put(Thread.currentThread(), correlation);
    try (var scope = EventContext.openCorrelation(correlation)) {
      for (Op op : program) {
        switch (op.kind()) {
          case BEGIN, BEGIN_INDEPENDENT -> {
            if (open.size() < 3) {
              boolean independent = op.kind() == Kind.BEGIN_INDEPENDENT || open.isEmpty();
              UnitOfWork real = independent ? UnitOfWork.beginIndependent() : UnitOfWork.begin();
              open.push(new Handle(real, independent ? new ModelUnit() : open.peek().unit(),
                  !independent));
            }
          }
          case DISPATCH -> {
            long id = ++next;
            Op effective = open.isEmpty() ? new Op(Kind.DISPATCH, false, false, op.raises()) : op;
            ops.put(id, effective);
            InviteCreated invite = new InviteCreated(id);
            inviteEventIds.put(id, invite.eventId());
            dispatcher.dispatch(invite);
            model.add("I:" + id);
            if (open.isEmpty()) { // RUN_NOW: a unit that commits at once
              model.add("BC:" + id);
              if (effective.raises()) {
                model.add("MAC:" + id);
              }
              model.add("AC:" + id);
            } else {
              open.peek().unit().ops.add(effective);
              open.peek().unit().ids.add(id);
            }
          }
          case COMMIT, ROLLBACK, CLOSE -> {
            if (!open.isEmpty()) {
              end(open.pop(), op.kind(), model);
            }
          }
          default -> throw new AssertionError(op);
        }
      }
      while (!open.isEmpty()) {
        end(open.pop(), Kind.CLOSE, model);
      }
    }
    assertThat(UnitOfWork.isActive()).isFalse();
    assertThat(EventContext.currentCause()).isEmpty();
    assertThat(EventContext.correlationId()).isEmpty();
    return model;
  }

  /** Ends a handle for real and in the model; a thrown failure is recorded in both. */
  private void end(Handle handle, Kind how, List<String> model) {
    boolean threw = false;
    try {
      switch (how) {
        case COMMIT -> handle.real().commit();
        case ROLLBACK -> handle.real().rollback();
        default -> handle.real().close();
      }
    } catch (RuntimeException failure) {
      threw = true;
    }
    if (threw) {
      record("threw");
    }
    boolean modelThrew = false;
    ModelUnit unit = handle.unit();
    if (handle.joined()) {
      if (how != Kind.COMMIT) {
        unit.rollbackOnly = true;
      }
    } else if (how != Kind.COMMIT || unit.rollbackOnly) {
      modelThrew = how == Kind.COMMIT;
      for (long id : unit.ids) {
        model.add("AR:" + id);
      }
    } else {
      int failedAt = -1;
      for (int i = 0; i < unit.ops.size() && failedAt < 0; i++) {
        model.add("BC:" + unit.ids.get(i));
        if (unit.ops.get(i).beforeCommitFails()) {
          failedAt = i;
        }
      }
      if (failedAt >= 0) {
        modelThrew = true;
        for (int i = 0; i < unit.ops.size(); i++) {
          model.add("AR:" + unit.ids.get(i));
          if (i <= failedAt && unit.ops.get(i).raises()) {
            model.add("MAR:" + unit.ids.get(i));
          }
        }
      } else {
        for (int i = 0; i < unit.ops.size(); i++) {
          model.add("AC:" + unit.ids.get(i));
          if (unit.ops.get(i).raises()) {
            model.add("MAC:" + unit.ids.get(i));
          }
          modelThrew |= unit.ops.get(i).afterCommitFails();
        }
      }
    }
    if (modelThrew) {
      model.add("threw");
    }
  }
}
