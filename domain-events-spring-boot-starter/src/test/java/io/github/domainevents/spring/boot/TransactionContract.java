package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.HandleEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.spring.boot.Fixtures.InviteCreated;
import io.github.domainevents.spring.boot.Fixtures.Journal;
import io.github.domainevents.spring.boot.Fixtures.MailSent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Phase-bound handlers against real Spring transactions, Boot's JdbcTransactionManager and rows
 * written with JdbcTemplate: commit, rollback, rollback-only, {@code REQUIRES_NEW} inside {@code
 * REQUIRED}, nested calls. One subclass per database: {@link TransactionsTest} (H2 in memory) and
 * {@link PostgresTransactionsTest} (a real PostgreSQL server).
 */
@Timeout(60)
abstract class TransactionContract {
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired InProcessEventDispatcher dispatcher;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired Journal journal;

  @BeforeEach
  void cleanTable() {
    jdbc.execute("create table if not exists invite (id bigint primary key)");
    jdbc.update("delete from invite");
    journal.clear();
  }

  private TransactionTemplate transaction(int propagation) {
    TransactionTemplate template = new TransactionTemplate(transactionManager);
    template.setPropagationBehavior(propagation);
    return template;
  }

  private TransactionTemplate required() {
    return transaction(TransactionDefinition.PROPAGATION_REQUIRED);
  }

  private void createInvite(long id) {
    jdbc.update("insert into invite (id) values (?)", id);
    dispatcher.dispatch(new InviteCreated(id));
  }

  @Test
  void afterCommitHandlersRunOnceTheRowIsCommitted() {
    assertThat(transactionManager).isInstanceOf(JdbcTransactionManager.class);
    required()
        .executeWithoutResult(
            status -> {
              createInvite(1);
              assertThat(journal.entries()).containsExactly("immediate 1");
            });
    assertThat(journal.entries())
        .containsExactly(
            "immediate 1", "before commit 1", "after commit 1 rows=1", "after completion 1");
  }

  @Test
  void aRollbackRunsTheAfterRollbackHandlersAndNoAfterCommitOnes() {
    assertThatThrownBy(
            () ->
                required()
                    .executeWithoutResult(
                        status -> {
                          createInvite(2);
                          throw new IllegalStateException("rolled back (expected by the test)");
                        }))
        .hasMessageContaining("expected by the test");
    assertThat(jdbc.queryForObject("select count(*) from invite", Integer.class)).isZero();
    assertThat(journal.entries())
        .containsExactly("immediate 2", "after rollback 2", "after completion 2");
  }

  @Test
  void aRollbackOnlyTransactionRunsTheAfterRollbackHandlers() {
    required()
        .executeWithoutResult(
            status -> {
              createInvite(3);
              status.setRollbackOnly();
            });
    assertThat(jdbc.queryForObject("select count(*) from invite", Integer.class)).isZero();
    assertThat(journal.entries())
        .containsExactly("immediate 3", "after rollback 3", "after completion 3");
  }

  @Test
  void anInnerRequiredFailureMarksTheOuterRollbackOnly() {
    assertThatThrownBy(
            () ->
                required()
                    .executeWithoutResult(
                        outer -> {
                          createInvite(4);
                          try {
                            required()
                                .executeWithoutResult(
                                    inner -> {
                                      throw new IllegalStateException("inner (expected)");
                                    });
                          } catch (IllegalStateException expected) {
                            // swallowed: the outer transaction is rollback-only now
                          }
                        }))
        .isInstanceOf(UnexpectedRollbackException.class);
    assertThat(journal.entries())
        .containsExactly("immediate 4", "after rollback 4", "after completion 4");
  }

  @Test
  void requiresNewInsideRequiredEndsOnItsOwn() {
    assertThatThrownBy(
            () ->
                required()
                    .executeWithoutResult(
                        outer -> {
                          createInvite(5);
                          transaction(TransactionDefinition.PROPAGATION_REQUIRES_NEW)
                              .executeWithoutResult(inner -> createInvite(6));
                          // the inner transaction committed: its handlers ran, the outer's wait
                          assertThat(journal.entries())
                              .containsExactly(
                                  "immediate 5",
                                  "immediate 6",
                                  "before commit 6",
                                  "after commit 6 rows=1",
                                  "after completion 6");
                          throw new IllegalStateException("outer rolls back (expected)");
                        }))
        .hasMessageContaining("expected");
    assertThat(jdbc.queryForList("select id from invite", Long.class)).containsExactly(6L);
    assertThat(journal.entries())
        .endsWith("after completion 6", "after rollback 5", "after completion 5");
  }

  @Test
  void nestedRequiredCallsJoinTheOuterTransaction() {
    required()
        .executeWithoutResult(
            outer -> {
              required().executeWithoutResult(inner -> createInvite(7));
              assertThat(journal.entries()).containsExactly("immediate 7");
              createInvite(8);
            });
    assertThat(journal.entries())
        .containsExactly(
            "immediate 7",
            "immediate 8",
            "before commit 7",
            "before commit 8",
            "after commit 7 rows=2",
            "after commit 8 rows=2",
            "after completion 7",
            "after completion 8");
  }

  @Test
  void aBeforeCommitFailureRollsTheTransactionBack() {
    assertThatThrownBy(
            () ->
                required()
                    .executeWithoutResult(
                        status -> {
                          jdbc.update("insert into invite (id) values (?)", 9L);
                          dispatcher.dispatch(new MailSent(9));
                        }))
        .hasMessageContaining("mail refused (expected)");
    assertThat(jdbc.queryForObject("select count(*) from invite", Integer.class)).isZero();
  }

  @Test
  void aDomainEventPublishedThroughSpringFollowsTheTransactionOnce() {
    required()
        .executeWithoutResult(
            status -> {
              jdbc.update("insert into invite (id) values (?)", 10L);
              publisher.publishEvent(new InviteCreated(10));
            });
    assertThat(journal.entries())
        .containsExactly(
            "immediate 10", "before commit 10", "after commit 10 rows=1", "after completion 10");
  }

  @Test
  void eventsPublishedThroughSpringInsideAHandlerAreCausedByItsEvent() {
    CausationProbe probe = new CausationProbe(publisher);
    var registration = dispatcher.registerAll(probe);
    try {
      InviteCreated cause = new InviteCreated(11);
      required().executeWithoutResult(status -> dispatcher.dispatch(cause));
      assertThat(probe.followUp).isNotNull();
      assertThat(probe.followUp.header().causationId()).contains(cause.header().eventId());
      assertThat(probe.followUpsSeen).isEqualTo(1);
    } finally {
      registration.close();
    }
  }

  /** Publishes a follow-up through Spring and counts the follow-ups it receives. */
  public static final class CausationProbe {
    private final ApplicationEventPublisher publisher;
    volatile Fixtures.@org.jspecify.annotations.Nullable MailSent followUp;
    volatile int followUpsSeen;

    CausationProbe(ApplicationEventPublisher publisher) {
      this.publisher = publisher;
    }

    @HandleEvent
    public void on(InviteCreated event) {
      if (event.inviteId() == 11) {
        publisher.publishEvent(new MailSent(event.inviteId()));
      }
    }

    @HandleEvent
    public void on(MailSent event) {
      if (event.inviteId() == 11) {
        followUp = event;
        followUpsSeen++;
      }
    }
  }

  /** Records every phase of InviteCreated; refuses MailSent 9 before commit. */
  public static final class PhaseRecorder {
    private final Journal journal;
    private final JdbcTemplate jdbc;

    PhaseRecorder(Journal journal, JdbcTemplate jdbc) {
      this.journal = journal;
      this.jdbc = jdbc;
    }

    @HandleEvent
    public void immediate(InviteCreated event) {
      journal.add("immediate " + event.inviteId());
    }

    @HandleEvent(phase = TransactionPhase.BEFORE_COMMIT)
    public void beforeCommit(InviteCreated event) {
      journal.add("before commit " + event.inviteId());
    }

    @HandleEvent(phase = TransactionPhase.AFTER_COMMIT)
    public void afterCommit(InviteCreated event) {
      Integer rows = jdbc.queryForObject("select count(*) from invite", Integer.class);
      journal.add("after commit " + event.inviteId() + " rows=" + rows);
    }

    @HandleEvent(phase = TransactionPhase.AFTER_ROLLBACK)
    public void afterRollback(InviteCreated event) {
      journal.add("after rollback " + event.inviteId());
    }

    @HandleEvent(phase = TransactionPhase.AFTER_COMPLETION)
    public void afterCompletion(InviteCreated event) {
      journal.add("after completion " + event.inviteId());
    }

    @HandleEvent(phase = TransactionPhase.BEFORE_COMMIT)
    public void refuseMail(MailSent event) {
      if (event.inviteId() == 9) {
        throw new IllegalStateException("mail refused (expected)");
      }
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    Journal journal() {
      return new Journal();
    }

    @Bean
    PhaseRecorder phaseRecorder(Journal journal, JdbcTemplate jdbc) {
      return new PhaseRecorder(journal, jdbc);
    }
  }
}
