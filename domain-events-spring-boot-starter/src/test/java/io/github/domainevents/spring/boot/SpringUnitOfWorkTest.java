package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.HandlerFailure;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWorkSynchronization;
import io.github.domainevents.jackson.EventJson;
import io.github.domainevents.outbox.Outbox;
import io.github.domainevents.outbox.OutboxWriteFailedException;
import io.github.domainevents.spring.boot.Fixtures.InviteCreated;
import io.github.domainevents.spring.boot.Fixtures.LogCapture;
import io.github.domainevents.spring.boot.Fixtures.MailSent;
import io.github.domainevents.wire.EventTypeRegistry;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's transactions as units of work, with Spring's real transaction managers on H2: a
 * synchronization registered while the before-commit callbacks run is called in that round (so
 * the outbox's veto of an event raised by a before-commit handler rolls the transaction back,
 * where Spring alone skipped it and committed), every after-callback reaches every
 * synchronization once and in order, and {@code REQUIRES_NEW}, {@code NESTED} and joined
 * transactions end their own registrations.
 */
@Timeout(60)
class SpringUnitOfWorkTest {

  /** The two JDBC transaction managers of Spring. */
  enum Manager {
    DATA_SOURCE,
    JDBC;

    PlatformTransactionManager create(DataSource dataSource) {
      return this == JDBC
          ? new JdbcTransactionManager(dataSource)
          : new DataSourceTransactionManager(dataSource);
    }
  }

  private static final String WARNINGS = SpringTransactionUnitOfWorkSupport.class.getName();
  private static final String SPRING_SYNCHRONIZATION_ERRORS =
      "org.springframework.transaction.support.TransactionSynchronizationUtils";

  private final SpringTransactionUnitOfWorkSupport support =
      new SpringTransactionUnitOfWorkSupport();
  private final List<String> journal = new CopyOnWriteArrayList<>();
  private final Map<Manager, PlatformTransactionManager> transactionManagers =
      new EnumMap<>(Manager.class);
  private JdbcDataSource dataSource = new JdbcDataSource();
  private JdbcTemplate jdbc = new JdbcTemplate();

  @BeforeEach
  void database() {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:unit-of-work-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    new ResourceDatabasePopulator(
            new ClassPathResource("io/github/domainevents/outbox/schema-h2.sql"))
        .execute(dataSource);
    jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE invites (id BIGINT PRIMARY KEY)");
  }

  @AfterEach
  void dropDatabase() {
    jdbc.execute("SHUTDOWN");
  }

  private TransactionTemplate transaction(Manager manager, int propagation) {
    TransactionTemplate template =
        new TransactionTemplate(
            transactionManagers.computeIfAbsent(manager, m -> m.create(dataSource)));
    template.setPropagationBehavior(propagation);
    return template;
  }

  private TransactionTemplate required(Manager manager) {
    return transaction(manager, TransactionDefinition.PROPAGATION_REQUIRED);
  }

  private int invites() {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM invites", Integer.class);
    return count == null ? -1 : count;
  }

  private int outboxRows() {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_events_outbox", Integer.class);
    return count == null ? -1 : count;
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void synchronizationsRegisteredDuringTheBeforeCommitRoundAreCalledInThatRound(Manager manager) {
    Recorder third = new Recorder("third");
    Recorder second =
        new Recorder("second").onBeforeCommit(() -> support.registerSynchronization(third));
    Recorder first =
        new Recorder("first").onBeforeCommit(() -> support.registerSynchronization(second));

    required(manager).executeWithoutResult(status -> support.registerSynchronization(first));

    assertThat(journal)
        .containsExactly(
            "first before commit",
            "second before commit",
            "third before commit",
            "first after commit",
            "second after commit",
            "third after commit",
            "first after completion: committed",
            "second after completion: committed",
            "third after completion: committed");
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void aSynchronizationRegisteredDuringTheRoundCanStillVetoTheCommit(Manager manager) {
    Recorder veto =
        new Recorder("veto")
            .onBeforeCommit(
                () -> {
                  throw new IllegalStateException("vetoed (expected by the test)");
                });
    Recorder first =
        new Recorder("first").onBeforeCommit(() -> support.registerSynchronization(veto));

    assertThatThrownBy(
            () ->
                required(manager)
                    .executeWithoutResult(
                        status -> {
                          jdbc.update("INSERT INTO invites (id) VALUES (1)");
                          support.registerSynchronization(first);
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("vetoed (expected by the test)");

    assertThat(invites()).isZero();
    assertThat(journal)
        .containsExactly(
            "first before commit",
            "veto before commit",
            "first after completion: rolled back",
            "veto after completion: rolled back");
  }

  /**
   * The bug this pins: an exported event raised by a before-commit handler whose outbox write
   * failed registered the outbox's veto during Spring's before-commit round; Spring never called
   * its {@code beforeCommit}, so the transaction committed the state change without the event
   * and only the veto's {@code afterCommit} said so.
   */
  @ParameterizedTest
  @EnumSource(Manager.class)
  void aFailedOutboxWriteOfAnEventRaisedBeforeCommitRollsTheSpringTransactionBack(
      Manager manager) {
    List<HandlerFailure> reported = new CopyOnWriteArrayList<>();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder()
            .unitOfWorkSupport(support)
            .reportAndContinue(reported::add)
            .build();
    Outbox.builder(
            new SpringTransactionalConnection(dataSource),
            EventJson.create(EventTypeRegistry.of(InviteCreated.class))::toJson)
        .export(InviteCreated.class, "invite", InviteCreated::inviteId)
        .unitOfWorkSupport(support)
        .build()
        .registerOn(dispatcher);
    InviteCreated invite = new InviteCreated(1);
    // at commit, the mail's before-commit handler raises the invite again: its row exists, so
    // the outbox insert fails (under REPORT_AND_CONTINUE the dispatch itself goes on)
    dispatcher.register(MailSent.class, TransactionPhase.BEFORE_COMMIT,
        mail -> dispatcher.dispatch(invite));
    dispatcher.register(MailSent.class, TransactionPhase.AFTER_COMMIT,
        mail -> journal.add("mail after commit"));
    dispatcher.register(MailSent.class, TransactionPhase.AFTER_ROLLBACK,
        mail -> journal.add("mail after rollback"));

    assertThatThrownBy(
            () ->
                required(manager)
                    .executeWithoutResult(
                        status -> {
                          jdbc.update("INSERT INTO invites (id) VALUES (1)");
                          dispatcher.dispatch(invite);
                          dispatcher.dispatch(new MailSent(1));
                        }))
        .isInstanceOf(OutboxWriteFailedException.class)
        .hasMessageContaining(invite.eventId().toString())
        .hasMessageContaining("rolled back instead of committing");

    assertThat(invites()).isZero();
    assertThat(outboxRows()).isZero();
    assertThat(journal).containsExactly("mail after rollback");
    assertThat(reported)
        .singleElement()
        .satisfies(failure -> assertThat(failure.exception()).isInstanceOf(SQLException.class));
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void anEventRaisedBeforeCommitOnAnotherDispatcherHasItsBeforeCommitHandlersRun(
      Manager manager) {
    InProcessEventDispatcher mails =
        InProcessEventDispatcher.builder().unitOfWorkSupport(support).build();
    InProcessEventDispatcher invites =
        InProcessEventDispatcher.builder().unitOfWorkSupport(support).build();
    mails.register(MailSent.class, TransactionPhase.BEFORE_COMMIT,
        mail -> invites.dispatch(new InviteCreated(mail.inviteId())));
    invites.register(InviteCreated.class, TransactionPhase.BEFORE_COMMIT,
        invite -> journal.add("invite before commit"));
    invites.register(InviteCreated.class, TransactionPhase.AFTER_COMMIT,
        invite -> journal.add("invite after commit"));

    required(manager).executeWithoutResult(status -> mails.dispatch(new MailSent(2)));

    assertThat(journal).containsExactly("invite before commit", "invite after commit");
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void everyAfterCommitRunsAndTheFirstFailureReachesTheCommitter(Manager manager) {
    Recorder failing =
        new Recorder("failing").failingAfterCommit(new IllegalStateException("first (expected)"));
    Recorder alsoFailing =
        new Recorder("also failing")
            .failingAfterCommit(new IllegalStateException("second (expected)"));
    Recorder last = new Recorder("last");

    assertThatThrownBy(
            () ->
                required(manager)
                    .executeWithoutResult(
                        status -> {
                          jdbc.update("INSERT INTO invites (id) VALUES (3)");
                          support.registerSynchronization(failing);
                          support.registerSynchronization(alsoFailing);
                          support.registerSynchronization(last);
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("first (expected)")
        .satisfies(
            thrown ->
                assertThat(thrown.getSuppressed())
                    .extracting(Throwable::getMessage)
                    .containsExactly("second (expected)"));

    assertThat(invites()).isOne(); // the commit stands
    assertThat(journal)
        .containsExactly(
            "failing before commit",
            "also failing before commit",
            "last before commit",
            "failing after commit",
            "also failing after commit",
            "last after commit",
            "failing after completion: committed",
            "also failing after completion: committed",
            "last after completion: committed");
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void afterCommitStillRunsWhenAnEarlierSpringSynchronizationsAfterCommitFails(Manager manager) {
    Recorder recorder = new Recorder("recorder");
    TransactionSynchronization failingFirst =
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            throw new IllegalStateException("another synchronization failed (expected)");
          }
        };

    assertThatThrownBy(
            () ->
                required(manager)
                    .executeWithoutResult(
                        status -> {
                          TransactionSynchronizationManager.registerSynchronization(failingFirst);
                          support.registerSynchronization(recorder);
                        }))
        .hasMessage("another synchronization failed (expected)");

    assertThat(journal)
        .containsExactly(
            "recorder before commit",
            "recorder after commit",
            "recorder after completion: committed");
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void everyAfterCompletionRunsWhenOneFails_andSpringLogsTheFailure(Manager manager) {
    Recorder failing =
        new Recorder("failing")
            .failingAfterCompletion(new IllegalStateException("completion failed (expected)"));
    Recorder last = new Recorder("last");

    try (LogCapture springLog = new LogCapture(SPRING_SYNCHRONIZATION_ERRORS)) {
      transaction(manager, TransactionDefinition.PROPAGATION_REQUIRED)
          .executeWithoutResult(
              status -> {
                support.registerSynchronization(failing);
                support.registerSynchronization(last);
                status.setRollbackOnly();
              });
      assertThat(springLog.messages(Level.SEVERE))
          .singleElement()
          .asString()
          .contains("afterCompletion threw exception");
    }
    assertThat(journal)
        .containsExactly(
            "failing after completion: rolled back", "last after completion: rolled back");
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void onceTheAfterCallbacksRunTheTransactionHasEndedForRegistrations(Manager manager) {
    List<String> seen = new ArrayList<>();
    UnitOfWorkSynchronization probe =
        new Recorder("probe") {
          @Override
          public void afterCommit() {
            super.afterCommit();
            seen.add("active after commit: " + support.isActive());
            try {
              support.registerSynchronization(new Recorder("too late"));
            } catch (IllegalStateException refused) {
              seen.add(refused.getMessage());
            }
          }

          @Override
          public void afterCompletion(boolean committed) {
            super.afterCompletion(committed);
            seen.add("active after completion: " + support.isActive());
          }
        };

    required(manager).executeWithoutResult(status -> support.registerSynchronization(probe));

    assertThat(seen).hasSize(3);
    assertThat(seen.get(0)).isEqualTo("active after commit: false");
    assertThat(seen.get(1)).contains("has ended").contains("too late");
    assertThat(seen.get(2)).isEqualTo("active after completion: false");
    assertThat(journal).noneMatch(entry -> entry.startsWith("too late"));
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void aSynchronizationRegisteredAfterTheRoundIsCompletedAndNamedInAWarning(Manager manager) {
    Recorder early = new Recorder("early");
    Recorder late = new Recorder("late");
    TransactionSynchronization laterSpringSynchronization =
        new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            support.registerSynchronization(late);
          }
        };

    try (LogCapture log = new LogCapture(WARNINGS)) {
      required(manager)
          .executeWithoutResult(
              status -> {
                support.registerSynchronization(early);
                TransactionSynchronizationManager.registerSynchronization(
                    laterSpringSynchronization);
              });
      assertThat(log.messages(Level.WARNING))
          .singleElement()
          .asString()
          .contains("[late]")
          .contains("their before-commit work did not run")
          .contains("@Order");
    }
    assertThat(journal)
        .containsExactly(
            "early before commit",
            "early after commit",
            "late after commit",
            "early after completion: committed",
            "late after completion: committed");
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void requiresNewInsideEndsItsOwnRegistrationsAtItsOwnEnd(Manager manager) {
    Recorder outer = new Recorder("outer");
    Recorder inner = new Recorder("inner");
    Recorder outerAgain = new Recorder("outer again");

    required(manager)
        .executeWithoutResult(
            status -> {
              support.registerSynchronization(outer);
              transaction(manager, TransactionDefinition.PROPAGATION_REQUIRES_NEW)
                  .executeWithoutResult(innerStatus -> support.registerSynchronization(inner));
              assertThat(journal)
                  .containsExactly(
                      "inner before commit",
                      "inner after commit",
                      "inner after completion: committed");
              support.registerSynchronization(outerAgain);
            });

    assertThat(journal)
        .containsExactly(
            "inner before commit",
            "inner after commit",
            "inner after completion: committed",
            "outer before commit",
            "outer again before commit",
            "outer after commit",
            "outer again after commit",
            "outer after completion: committed",
            "outer again after completion: committed");
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void requiresNewOpenedDuringTheRoundEndsOnItsOwnAndTheRoundGoesOn(Manager manager) {
    Recorder inner = new Recorder("inner");
    Recorder registeredAfter = new Recorder("registered after");
    Recorder opener =
        new Recorder("opener")
            .onBeforeCommit(
                () -> {
                  transaction(manager, TransactionDefinition.PROPAGATION_REQUIRES_NEW)
                      .executeWithoutResult(status -> support.registerSynchronization(inner));
                  support.registerSynchronization(registeredAfter);
                });

    required(manager).executeWithoutResult(status -> support.registerSynchronization(opener));

    assertThat(journal)
        .containsExactly(
            "opener before commit",
            "inner before commit",
            "inner after commit",
            "inner after completion: committed",
            "registered after before commit",
            "opener after commit",
            "registered after after commit",
            "opener after completion: committed",
            "registered after after completion: committed");
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void aFailedOutboxWriteInRequiresNewRollsBackOnlyTheInnerTransaction(Manager manager) {
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder()
            .unitOfWorkSupport(support)
            .reportAndContinue(failure -> journal.add("reported " + failure.event().eventType()))
            .build();
    Outbox.builder(
            new SpringTransactionalConnection(dataSource),
            EventJson.create(EventTypeRegistry.of(InviteCreated.class))::toJson)
        .export(InviteCreated.class, "invite", InviteCreated::inviteId)
        .unitOfWorkSupport(support)
        .build()
        .registerOn(dispatcher);
    InviteCreated invite = new InviteCreated(4);

    required(manager)
        .executeWithoutResult(
            status -> {
              jdbc.update("INSERT INTO invites (id) VALUES (4)");
              dispatcher.dispatch(invite);
              assertThatThrownBy(
                      () ->
                          transaction(manager, TransactionDefinition.PROPAGATION_REQUIRES_NEW)
                              .executeWithoutResult(
                                  inner -> {
                                    jdbc.update("INSERT INTO invites (id) VALUES (5)");
                                    InviteCreated five = new InviteCreated(5);
                                    dispatcher.dispatch(five);
                                    dispatcher.dispatch(five); // the same id: the insert fails
                                  }))
                  .isInstanceOf(OutboxWriteFailedException.class)
                  .hasMessageContaining("rolled back instead of committing");
            });

    assertThat(jdbc.queryForList("SELECT id FROM invites", Long.class)).containsExactly(4L);
    assertThat(jdbc.queryForList("SELECT id FROM domain_events_outbox", UUID.class))
        .containsExactly(invite.eventId());
    assertThat(journal).containsExactly("reported fixture.invite.created");
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void nestedAndJoinedTransactionsShareTheOuterUnitOfWork(Manager manager) {
    Recorder outer = new Recorder("outer");
    Recorder nested = new Recorder("nested");
    Recorder joined = new Recorder("joined");
    List<Integer> springSynchronizations = new ArrayList<>();

    required(manager)
        .executeWithoutResult(
            status -> {
              support.registerSynchronization(outer);
              transaction(manager, TransactionDefinition.PROPAGATION_NESTED)
                  .executeWithoutResult(inner -> support.registerSynchronization(nested));
              required(manager)
                  .executeWithoutResult(inner -> support.registerSynchronization(joined));
              assertThat(journal).isEmpty();
              springSynchronizations.add(
                  TransactionSynchronizationManager.getSynchronizations().size());
            });

    assertThat(springSynchronizations).containsExactly(1);
    assertThat(journal)
        .containsExactly(
            "outer before commit",
            "nested before commit",
            "joined before commit",
            "outer after commit",
            "nested after commit",
            "joined after commit",
            "outer after completion: committed",
            "nested after completion: committed",
            "joined after completion: committed");
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void aNestedTransactionRolledBackToItsSavepointEndsItsRegistrationsAtOnce(Manager manager) {
    Recorder outer = new Recorder("outer");
    Recorder nested = new Recorder("nested");
    Recorder later = new Recorder("later");

    required(manager)
        .executeWithoutResult(
            status -> {
              support.registerSynchronization(outer);
              assertThatThrownBy(
                      () ->
                          transaction(manager, TransactionDefinition.PROPAGATION_NESTED)
                              .executeWithoutResult(
                                  inner -> {
                                    jdbc.update("INSERT INTO invites (id) VALUES (6)");
                                    support.registerSynchronization(nested);
                                    throw new IllegalStateException("nested rolls back (expected)");
                                  }))
                  .hasMessage("nested rolls back (expected)");
              assertThat(journal).containsExactly("nested after completion: rolled back");
              support.registerSynchronization(later);
            });

    assertThat(invites()).isZero();
    assertThat(journal)
        .containsExactly(
            "nested after completion: rolled back",
            "outer before commit",
            "later before commit",
            "outer after commit",
            "later after commit",
            "outer after completion: committed",
            "later after completion: committed");
  }

  @ParameterizedTest
  @EnumSource(Manager.class)
  void aNestedTransactionBegunBeforeTheFirstRegistrationTakesThemAllWhenRolledBack(
      Manager manager) {
    Recorder nested = new Recorder("nested");
    Recorder later = new Recorder("later");

    required(manager)
        .executeWithoutResult(
            status -> {
              assertThatThrownBy(
                      () ->
                          transaction(manager, TransactionDefinition.PROPAGATION_NESTED)
                              .executeWithoutResult(
                                  inner -> {
                                    support.registerSynchronization(nested);
                                    throw new IllegalStateException("nested rolls back (expected)");
                                  }))
                  .hasMessage("nested rolls back (expected)");
              support.registerSynchronization(later);
            });

    assertThat(journal)
        .containsExactly(
            "nested after completion: rolled back",
            "later before commit",
            "later after commit",
            "later after completion: committed");
  }

  @Test
  void withoutATransactionNothingIsActiveAndRegisteringFails() {
    assertThat(support.isActive()).isFalse();
    assertThatThrownBy(() -> support.registerSynchronization(new Recorder("none")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no Spring transaction synchronization is active");
  }

  /** Writes each callback into the journal; may act in {@code beforeCommit} or fail. */
  private class Recorder implements UnitOfWorkSynchronization {
    private final String name;
    private Runnable beforeCommit = () -> {};
    private @Nullable RuntimeException afterCommitFailure;
    private @Nullable RuntimeException afterCompletionFailure;

    Recorder(String name) {
      this.name = name;
    }

    Recorder onBeforeCommit(Runnable action) {
      this.beforeCommit = action;
      return this;
    }

    Recorder failingAfterCommit(RuntimeException failure) {
      this.afterCommitFailure = failure;
      return this;
    }

    Recorder failingAfterCompletion(RuntimeException failure) {
      this.afterCompletionFailure = failure;
      return this;
    }

    @Override
    public void beforeCommit() {
      journal.add(name + " before commit");
      beforeCommit.run();
    }

    @Override
    public void afterCommit() {
      journal.add(name + " after commit");
      if (afterCommitFailure != null) {
        throw afterCommitFailure;
      }
    }

    @Override
    public void afterCompletion(boolean committed) {
      journal.add(name + " after completion: " + (committed ? "committed" : "rolled back"));
      if (afterCompletionFailure != null) {
        throw afterCompletionFailure;
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
