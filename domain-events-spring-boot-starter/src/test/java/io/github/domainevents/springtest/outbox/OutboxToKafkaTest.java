package io.github.domainevents.springtest.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.kafka.KafkaEventConsumer;
import io.github.domainevents.outbox.OutboxRelay;
import io.github.domainevents.spring.boot.OutboxExports;
import io.github.domainevents.springtest.outbox.OutboxKafkaEvents.InviteCreated;
import io.github.domainevents.springtest.outbox.OutboxKafkaEvents.WelcomeMailSent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * End to end through the starter alone, in two real Spring Boot applications on one in-process
 * KRaft broker: service A's transaction writes an invite and, through the auto-configured outbox,
 * its exported event (a rolled-back transaction writes neither); the auto-configured relay
 * publishes the row through the auto-configured Kafka sink; service B's auto-configured consumer
 * dispatches it into B's dispatcher with its causal ids restored, so B's follow-up event carries
 * A's correlation id and the invite as its cause.
 */
@Timeout(120)
class OutboxToKafkaTest {
  private static Broker broker;

  @BeforeAll
  static void startBroker() {
    broker = Broker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aCommittedEventTravelsFromServiceAsOutboxToServiceBsHandlersWithItsCausation()
      throws Exception {
    String topic = broker.newTopic("invites");
    String deadLetters = broker.newTopic("invites-dead");
    try (ConfigurableApplicationContext serviceA =
            new SpringApplicationBuilder(ServiceA.class)
                .properties(common("invites"))
                .properties(
                    "domain-events.kafka.producer.topic=" + topic,
                    "domain-events.outbox.relay.poll-interval=100ms")
                .run();
        ConfigurableApplicationContext serviceB =
            new SpringApplicationBuilder(ServiceB.class)
                .properties(common("mailer"))
                .properties(
                    "domain-events.kafka.consumer.topics=" + topic,
                    "domain-events.kafka.consumer.dead-letter-topic=" + deadLetters,
                    "domain-events.kafka.consumer.properties.auto.offset.reset=earliest")
                .run()) {
      Invites invites = serviceA.getBean(Invites.class);
      UUID correlation = UUID.randomUUID();
      InviteCreated first;
      InviteCreated third;
      try (EventContext.Scope request = EventContext.openCorrelation(correlation)) {
        first = invites.invite(1, "ann@example.com");
        assertThatThrownBy(() -> invites.invite(2, "refused@example.com"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("refused");
        third = invites.invite(3, "bob@example.com");
      }
      assertThat(invites.rowsWrittenInTheTransaction).containsExactly(1, 1, 1);
      assertThat(invites.rowsSeenByOtherConnections).containsExactly(0, 0, 0);
      JdbcTemplate jdbcA = serviceA.getBean(JdbcTemplate.class);
      assertThat(jdbcA.queryForList("SELECT id FROM invites ORDER BY id", Long.class))
          .containsExactly(1L, 3L);

      Received received = serviceB.getBean(Received.class);
      List<InviteCreated> invitesInB = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        InviteCreated one = received.invites.poll(60, TimeUnit.SECONDS);
        assertThat(one).as("invite %d of 2 in service B", i + 1).isNotNull();
        invitesInB.add(one);
      }
      assertThat(invitesInB).containsExactlyInAnyOrder(first, third);
      WelcomeMailSent mail = null;
      for (int i = 0; i < 2; i++) {
        WelcomeMailSent one = received.mails.poll(60, TimeUnit.SECONDS);
        assertThat(one).isNotNull();
        if (one.inviteId() == 1) {
          mail = one;
        }
      }
      assertThat(mail).isNotNull();
      assertThat(mail.causationId()).contains(first.eventId());
      assertThat(mail.correlationId()).contains(correlation);
      assertThat(first.correlationId()).contains(correlation);

      // delivered rows are deleted by default
      for (int i = 0; i < 600 && countRows(jdbcA) > 0; i++) {
        Thread.sleep(50);
      }
      assertThat(countRows(jdbcA)).isZero();

      assertThat(serviceA.getBean(OutboxRelay.class)).isNotNull();
      KafkaEventConsumer consumer = serviceB.getBean(KafkaEventConsumer.class);
      assertThat(consumer.isRunning()).isTrue();
      serviceB.close();
      assertThat(consumer.isRunning()).isFalse();
    }
  }

  private static int countRows(JdbcTemplate jdbc) {
    Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM domain_events_outbox", Integer.class);
    return rows == null ? -1 : rows;
  }

  private static String[] common(String application) {
    return new String[] {
      "spring.application.name=" + application,
      "spring.main.web-application-type=none",
      "spring.main.banner-mode=off",
      "logging.level.root=warn",
      "logging.level.kafka=off",
      "logging.level.org.apache.kafka=off",
      "logging.level.state.change.logger=off",
      "spring.datasource.generate-unique-name=true",
      "domain-events.kafka.bootstrap-servers=" + broker.servers()
    };
  }

  /** Service A: invites in a table, InviteCreated exported through the outbox. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class ServiceA {
    @Bean
    OutboxExports inviteExports() {
      return exports -> exports.export(InviteCreated.class, "invite", InviteCreated::inviteId);
    }

    @Bean
    Invites invites(
        JdbcTemplate jdbc, TransactionTemplate transactions, InProcessEventDispatcher dispatcher) {
      jdbc.execute("CREATE TABLE invites (id BIGINT PRIMARY KEY, email VARCHAR(200))");
      return new Invites(jdbc, transactions, dispatcher);
    }
  }

  /** Service A's application service: one transaction per invite. */
  static final class Invites {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final InProcessEventDispatcher dispatcher;
    final List<Integer> rowsWrittenInTheTransaction = new ArrayList<>();
    final List<Integer> rowsSeenByOtherConnections = new ArrayList<>();

    Invites(
        JdbcTemplate jdbc, TransactionTemplate transactions, InProcessEventDispatcher dispatcher) {
      this.jdbc = jdbc;
      this.transactions = transactions;
      this.dispatcher = dispatcher;
    }

    InviteCreated invite(long id, String email) {
      return transactions.execute(
          status -> {
            jdbc.update("INSERT INTO invites VALUES (?, ?)", id, email);
            InviteCreated event = new InviteCreated(EventHeader.create(), id, email);
            dispatcher.dispatch(event);
            rowsWrittenInTheTransaction.add(rows(jdbc, event));
            rowsSeenByOtherConnections.add(rowsSeenElsewhere(event));
            if (email.startsWith("refused")) {
              throw new IllegalStateException("refused");
            }
            return event;
          });
    }

    /** Through a connection of its own, outside the Spring transaction. */
    private int rowsSeenElsewhere(InviteCreated event) {
      try (java.sql.Connection other = jdbc.getDataSource().getConnection();
          java.sql.PreparedStatement count =
              other.prepareStatement("SELECT COUNT(*) FROM domain_events_outbox WHERE id = ?")) {
        count.setObject(1, event.eventId());
        try (java.sql.ResultSet rows = count.executeQuery()) {
          rows.next();
          return rows.getInt(1);
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    private static int rows(JdbcTemplate jdbc, InviteCreated event) {
      Integer rows =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM domain_events_outbox WHERE id = ?",
              Integer.class,
              event.eventId());
      return rows == null ? -1 : rows;
    }
  }

  /** Service B: a welcome mail per invite read from Kafka, as a follow-up event. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class ServiceB {
    @Bean
    Received received() {
      return new Received();
    }

    @Bean
    DomainEventHandler<InviteCreated> welcomeMail(
        Received received, InProcessEventDispatcher dispatcher) {
      return invite -> {
        received.invites.add(invite);
        dispatcher.dispatch(new WelcomeMailSent(EventHeader.create(), invite.inviteId()));
      };
    }

    @Bean
    DomainEventHandler<WelcomeMailSent> mailLog(Received received) {
      return received.mails::add;
    }
  }

  /** What service B's handlers saw. */
  static final class Received {
    final BlockingQueue<InviteCreated> invites = new LinkedBlockingQueue<>();
    final BlockingQueue<WelcomeMailSent> mails = new LinkedBlockingQueue<>();
  }
}
