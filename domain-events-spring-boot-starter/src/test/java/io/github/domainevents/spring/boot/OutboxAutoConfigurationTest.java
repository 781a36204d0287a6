package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.EventContext;
import io.github.domainevents.HandlerFailure;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.outbox.DeadMessage;
import io.github.domainevents.outbox.Outbox;
import io.github.domainevents.outbox.OutboxMessage;
import io.github.domainevents.outbox.OutboxRelay;
import io.github.domainevents.outbox.OutboxSink;
import io.github.domainevents.outbox.OutboxWriteFailedException;
import io.github.domainevents.spring.boot.Fixtures.InviteCreated;
import io.github.domainevents.spring.boot.Fixtures.MailSent;
import io.github.domainevents.wire.EventTypeRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox and relay auto-configuration on a real H2 database with real Spring transactions:
 * conditions, the application's beans winning, the startup failures and what the outbox writes.
 */
@Timeout(60)
class OutboxAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withPropertyValues("spring.datasource.generate-unique-name=true")
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  DataSourceTransactionManagerAutoConfiguration.class,
                  JdbcTemplateAutoConfiguration.class,
                  TransactionAutoConfiguration.class,
                  DomainEventsAutoConfiguration.class,
                  DomainEventsJacksonAutoConfiguration.class,
                  DomainEventsOutboxAutoConfiguration.class,
                  DomainEventsKafkaAutoConfiguration.class,
                  DomainEventsOutboxRelayAutoConfiguration.class))
          .withBean(EventTypeRegistry.class, () -> EventTypeRegistry.of(InviteCreated.class));

  private static final OutboxExports INVITES =
      exports -> exports.export(InviteCreated.class, "invite", InviteCreated::inviteId);

  /** The embedded database's INFO lines; a green run prints nothing (held: JUL forgets levels). */
  private static final java.util.logging.Logger EMBEDDED_DATABASE_LOG =
      java.util.logging.Logger.getLogger("org.springframework.jdbc.datasource.embedded");

  static {
    EMBEDDED_DATABASE_LOG.setLevel(Level.WARNING);
  }

  private Fixtures.LogCapture contextLog;

  @BeforeEach
  void captureContextFailures() {
    contextLog = new Fixtures.LogCapture(Fixtures.CONTEXT_LOGGER);
  }

  @AfterEach
  void releaseContextLog() {
    contextLog.close();
  }

  @Test
  void withoutOutboxExportsThereIsNoOutboxNoTableAndNoRelay() {
    runner.run(
        context -> {
          assertThat(context)
              .hasNotFailed()
              .doesNotHaveBean(Outbox.class)
              .doesNotHaveBean(OutboxRelay.class);
          assertThat(tableExists(context.getBean(DataSource.class))).isFalse();
        });
  }

  @Test
  void exportsCreateTheOutboxRegisteredOnTheDispatcherAndItsTableOnTheEmbeddedDatabase() {
    runner
        .withBean(OutboxExports.class, () -> INVITES)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Outbox.class);
              assertThat(context.getBean(Outbox.class).exports(InviteCreated.class)).isTrue();
              assertThat(
                      context.getBean(InProcessEventDispatcher.class)
                          .handlersFor(InviteCreated.class))
                  .singleElement()
                  .satisfies(handler -> assertThat(handler.description()).contains("Outbox"));
              assertThat(
                      context.getBean(InProcessEventDispatcher.class).handlersFor(MailSent.class))
                  .isEmpty();
              assertThat(tableExists(context.getBean(DataSource.class))).isTrue();
            });
  }

  @Test
  void theRowIsWrittenInTheSpringTransactionAndCommitsOrRollsBackWithIt() {
    runner
        .withBean(OutboxExports.class, () -> INVITES)
        .run(
            context -> {
              InProcessEventDispatcher dispatcher = context.getBean(InProcessEventDispatcher.class);
              JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
              DataSource dataSource = context.getBean(DataSource.class);
              TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
              InviteCreated committed = new InviteCreated(7);
              transaction.executeWithoutResult(
                  status -> {
                    dispatcher.dispatch(committed);
                    // the transaction sees its row, another connection does not (yet)
                    assertThat(rows(jdbc, committed.eventId())).isEqualTo(1);
                    assertThat(rowsSeenElsewhere(dataSource)).isZero();
                  });
              assertThat(
                      jdbc.queryForMap(
                          "SELECT aggregatetype, aggregateid, type, payload FROM"
                              + " domain_events_outbox WHERE id = ?",
                          committed.eventId()))
                  .containsEntry("AGGREGATETYPE", "invite")
                  .containsEntry("AGGREGATEID", "7")
                  .containsEntry("TYPE", "fixture.invite.created")
                  .hasEntrySatisfying(
                      "PAYLOAD",
                      payload ->
                          assertThat(payload.toString())
                              .contains("\"event_id\":\"" + committed.eventId() + "\"")
                              .contains("\"invite_id\":7"));

              InviteCreated rolledBack = new InviteCreated(8);
              transaction.executeWithoutResult(
                  status -> {
                    dispatcher.dispatch(rolledBack);
                    status.setRollbackOnly();
                  });
              assertThat(rows(jdbc, rolledBack.eventId())).isZero();
            });
  }

  @Test
  void aFailedOutboxWriteRollsTheSpringTransactionBack_evenUnderReportAndContinue() {
    List<HandlerFailure> reported = new CopyOnWriteArrayList<>();
    runner
        .withBean(OutboxExports.class, () -> INVITES)
        .withBean(
            DomainEventDispatcherCustomizer.class,
            () -> builder -> builder.reportAndContinue(reported::add))
        .run(
            context -> {
              InProcessEventDispatcher dispatcher = context.getBean(InProcessEventDispatcher.class);
              JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
              jdbc.execute("CREATE TABLE invites (id INT PRIMARY KEY)");
              TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
              InviteCreated invite = new InviteCreated(9);

              assertThatThrownBy(
                      () ->
                          transaction.executeWithoutResult(
                              status -> {
                                jdbc.update("INSERT INTO invites (id) VALUES (9)");
                                dispatcher.dispatch(invite);
                                dispatcher.dispatch(invite); // the same id: the insert fails
                              }))
                  .isInstanceOf(OutboxWriteFailedException.class)
                  .hasMessageContaining(invite.eventId().toString());
              assertThat(reported).singleElement(); // the policy still saw the failure
              assertThat(rows(jdbc, invite.eventId())).isZero();
              assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invites", Integer.class))
                  .isZero();
            });
  }

  /**
   * The event is raised by a before-commit handler, so the outbox's veto is registered during
   * Spring's before-commit round: it must still be asked, and roll the transaction back.
   */
  @Test
  void aFailedOutboxWriteOfAnEventRaisedBeforeCommitRollsTheSpringTransactionBack() {
    List<HandlerFailure> reported = new CopyOnWriteArrayList<>();
    runner
        .withBean(OutboxExports.class, () -> INVITES)
        .withBean(
            DomainEventDispatcherCustomizer.class,
            () -> builder -> builder.reportAndContinue(reported::add))
        .run(
            context -> {
              InProcessEventDispatcher dispatcher = context.getBean(InProcessEventDispatcher.class);
              JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
              jdbc.execute("CREATE TABLE invites (id INT PRIMARY KEY)");
              TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
              InviteCreated invite = new InviteCreated(10);
              // raises the invite again at commit: its row exists, so the insert fails
              dispatcher.register(
                  MailSent.class,
                  TransactionPhase.BEFORE_COMMIT,
                  mail -> dispatcher.dispatch(invite));

              assertThatThrownBy(
                      () ->
                          transaction.executeWithoutResult(
                              status -> {
                                jdbc.update("INSERT INTO invites (id) VALUES (10)");
                                dispatcher.dispatch(invite);
                                dispatcher.dispatch(new MailSent(10));
                              }))
                  .isInstanceOf(OutboxWriteFailedException.class)
                  .hasMessageContaining(invite.eventId().toString())
                  .hasMessageContaining("rolled back instead of committing");
              assertThat(reported).singleElement();
              assertThat(rows(jdbc, invite.eventId())).isZero();
              assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invites", Integer.class))
                  .isZero();
            });
  }

  @Test
  void anExportedEventDispatchedOutsideATransactionFailsAndWritesNothing() {
    runner
        .withBean(OutboxExports.class, () -> INVITES)
        .run(
            context -> {
              InviteCreated event = new InviteCreated(9);
              assertThatThrownBy(
                      () -> context.getBean(InProcessEventDispatcher.class).dispatch(event))
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessageContaining("needs an active Spring transaction");
              assertThat(rows(context.getBean(JdbcTemplate.class), event.eventId())).isZero();
            });
  }

  @Test
  void outboxExportsThatDeclareNothingFailStartup() {
    runner
        .withBean(OutboxExports.class, () -> exports -> {})
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("the OutboxExports beans declared no exported event"));
  }

  @Test
  void outboxExportsWithoutADataSourceFailStartupNamingIt() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                DomainEventsAutoConfiguration.class,
                DomainEventsJacksonAutoConfiguration.class,
                DomainEventsOutboxAutoConfiguration.class))
        .withBean(EventTypeRegistry.class, () -> EventTypeRegistry.of(InviteCreated.class))
        .withBean("inviteExports", OutboxExports.class, () -> INVITES)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "OutboxExports beans [inviteExports] declare exported events, but no"
                            + " outbox was created")
                    .hasStackTraceContaining("the outbox needs one DataSource bean, found 0"));
  }

  @Test
  void outboxExportsWithoutTheOutboxModuleFailStartupNamingIt() {
    runner
        .withClassLoader(new FilteredClassLoader(Outbox.class))
        .withBean(OutboxExports.class, () -> INVITES)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "domain-events-outbox-jdbc is not on the class path"));
  }

  /** The outbox, like the Kafka consumer, never silently disappears without its JSON module. */
  @Test
  void outboxExportsWithoutTheJacksonModuleFailStartupNamingIt() {
    runner
        .withClassLoader(new FilteredClassLoader("io.github.domainevents.jackson"))
        .withBean(OutboxExports.class, () -> INVITES)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "domain-events-jackson (the outbox stores events as its JSON) is not on"
                            + " the class path"));
  }

  @Test
  void anApplicationOutboxBeanWinsAndTheStarterDoesNotRegisterIt() {
    runner
        .withBean(
            Outbox.class,
            () ->
                Outbox.builder(
                        () -> {
                          throw new AssertionError("not used");
                        },
                        event -> "{}")
                    .export(InviteCreated.class, "invite", InviteCreated::inviteId)
                    .build())
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Outbox.class);
              assertThat(
                      context.getBean(InProcessEventDispatcher.class)
                          .handlersFor(InviteCreated.class))
                  .isEmpty();
            });
  }

  @Test
  void anApplicationOutboxBeanBesideOutboxExportsFailsStartupNamingIt() {
    runner
        .withBean("myOutbox", Outbox.class,
            () -> Outbox.builder(() -> {
                  throw new AssertionError("not used");
                }, event -> "{}")
                .export(InviteCreated.class, "invite", InviteCreated::inviteId)
                .build())
        .withBean(OutboxExports.class, () -> INVITES)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "the application defines its own Outbox bean [myOutbox]"));
  }

  @Test
  void schemaInitializationNeverCreatesNoTable() {
    runner
        .withPropertyValues("domain-events.outbox.initialize-schema=never")
        .withBean(OutboxExports.class, () -> INVITES)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Outbox.class);
              assertThat(tableExists(context.getBean(DataSource.class))).isFalse();
            });
  }

  @Test
  void schemaInitializationAlwaysLeavesAnExistingTableAlone() {
    String url = "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ApplicationContextRunner always =
        runner
            .withPropertyValues("domain-events.outbox.initialize-schema=always")
            .withBean(DataSource.class, () -> {
              org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
              h2.setURL(url);
              return h2;
            })
            .withBean(OutboxExports.class, () -> INVITES);
    always.run(context -> assertThat(context).hasNotFailed());
    always.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(tableExists(context.getBean(DataSource.class))).isTrue();
        });
  }

  @Test
  void schemaInitializationOfAnotherTableNameFailsStartupNamingBoth() {
    runner
        .withPropertyValues("domain-events.outbox.table=my_outbox")
        .withBean(OutboxExports.class, () -> INVITES)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "domain-events.outbox.initialize-schema=embedded creates the table"
                            + " domain_events_outbox, but domain-events.outbox.table is"
                            + " 'my_outbox'"));
  }

  @Test
  void aSinkBeanGetsARelayThatPublishesCommittedRowsWhileTheContextRuns() {
    BlockingQueue<OutboxMessage> published = new LinkedBlockingQueue<>();
    runner
        .withPropertyValues("domain-events.outbox.relay.poll-interval=50ms")
        .withBean(OutboxExports.class, () -> INVITES)
        .withBean(OutboxSink.class, () -> published::add)
        .run(
            context -> {
              assertThat(context).hasSingleBean(OutboxRelay.class);
              OutboxRelayLifecycle lifecycle = context.getBean(OutboxRelayLifecycle.class);
              assertThat(lifecycle.isRunning()).isTrue();
              UUID correlation = UUID.randomUUID();
              InviteCreated event;
              try (EventContext.Scope scope = EventContext.openCorrelation(correlation)) {
                event = new InviteCreated(11);
              }
              context.getBean(TransactionTemplate.class).executeWithoutResult(
                  status -> context.getBean(InProcessEventDispatcher.class).dispatch(event));
              OutboxMessage message = published.poll(30, TimeUnit.SECONDS);
              assertThat(message).isNotNull();
              assertThat(message.eventId()).isEqualTo(event.eventId());
              assertThat(message.correlationId()).isEqualTo(correlation);
              assertThat(message.aggregateId()).isEqualTo("11");
              context.close();
              assertThat(lifecycle.isRunning()).isFalse();
            });
  }

  @Test
  void relayPropertiesReachTheRelay() {
    BlockingQueue<OutboxMessage> published = new LinkedBlockingQueue<>();
    runner
        .withPropertyValues(
            "domain-events.outbox.relay.name=relay-7",
            "domain-events.outbox.relay.batch-size=7",
            "domain-events.outbox.relay.lease-duration=5s",
            "domain-events.outbox.relay.max-attempts=1",
            "domain-events.outbox.relay.keep-delivered=true",
            "domain-events.outbox.relay.poll-interval=50ms")
        .withBean(OutboxExports.class, () -> INVITES)
        .withBean(
            OutboxSink.class,
            () ->
                message -> {
                  if (message.aggregateId().equals("13")) {
                    throw new IllegalStateException("poison");
                  }
                  published.add(message);
                })
        .run(
            context -> {
              OutboxRelay relay = context.getBean(OutboxRelay.class);
              assertThat(relay.toString())
                  .contains("name=relay-7", "batchSize=7", "lease=PT5S", "maxAttempts=1");
              TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
              InProcessEventDispatcher dispatcher = context.getBean(InProcessEventDispatcher.class);
              InviteCreated poison = new InviteCreated(13);
              InviteCreated fine = new InviteCreated(14);
              try (Fixtures.LogCapture relayLog = new Fixtures.LogCapture(OutboxRelay.class)) {
                transaction.executeWithoutResult(status -> dispatcher.dispatch(poison));
                transaction.executeWithoutResult(status -> dispatcher.dispatch(fine));
                assertThat(published.poll(30, TimeUnit.SECONDS)).isNotNull()
                    .extracting(OutboxMessage::eventId).isEqualTo(fine.eventId());
                // max-attempts=1: dead after its first failure
                for (int i = 0; i < 600 && relay.deadMessages(10).isEmpty(); i++) {
                  Thread.sleep(50);
                }
                assertThat(relay.deadMessages(10))
                    .extracting(DeadMessage::eventId)
                    .containsExactly(poison.eventId());
                // keep-delivered=true: the delivered row stays, marked
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                String status = null;
                for (int i = 0; i < 600 && !"DELIVERED".equals(status); i++) {
                  Thread.sleep(i == 0 ? 0 : 50);
                  status = jdbc.queryForObject(
                      "SELECT status FROM domain_events_outbox WHERE id = ?", String.class,
                      fine.eventId());
                }
                assertThat(status).isEqualTo("DELIVERED");
                context.close();
                assertThat(relayLog.messages(Level.WARNING))
                    .anySatisfy(line -> assertThat(line).contains("is dead after 1 attempts"));
              }
            });
  }

  @Test
  void theRelaysOffSwitchLeavesNoRelay() {
    runner
        .withPropertyValues("domain-events.outbox.relay.enabled=false")
        .withBean(OutboxExports.class, () -> INVITES)
        .withBean(OutboxSink.class, () -> message -> {})
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(OutboxRelay.class)
                    .doesNotHaveBean(OutboxRelayLifecycle.class));
  }

  @Test
  void anApplicationRelayWinsAndIsNotStartedByTheStarter() {
    runner
        .withBean(OutboxSink.class, () -> message -> {})
        .withBean(
            OutboxRelay.class,
            () -> OutboxRelay.builder(new org.h2.jdbcx.JdbcDataSource(), message -> {})
                .name("mine").build())
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(OutboxRelay.class);
              assertThat(context.getBean(OutboxRelay.class).toString()).contains("name=mine");
              assertThat(context).doesNotHaveBean(OutboxRelayLifecycle.class);
            });
  }

  @Test
  void anInvalidRelayPropertyFailsStartupNamingIt() {
    runner
        .withPropertyValues("domain-events.outbox.relay.batch-size=0")
        .withBean(OutboxSink.class, () -> message -> {})
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("batchSize must be at least 1, was 0"));
  }

  private static int rows(JdbcTemplate jdbc, UUID eventId) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM domain_events_outbox WHERE id = ?", Integer.class, eventId);
    return count == null ? -1 : count;
  }

  private static int rowsSeenElsewhere(DataSource dataSource) {
    try (Connection other = dataSource.getConnection();
        Statement statement = other.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM domain_events_outbox")) {
      rows.next();
      return rows.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean tableExists(DataSource dataSource) throws java.sql.SQLException {
    try (Connection connection = dataSource.getConnection();
        ResultSet tables =
            connection.getMetaData().getTables(null, null, "DOMAIN_EVENTS_OUTBOX", null)) {
      return tables.next();
    }
  }

}
