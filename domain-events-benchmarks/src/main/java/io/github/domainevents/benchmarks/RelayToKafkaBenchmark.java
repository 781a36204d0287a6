package io.github.domainevents.benchmarks;

import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.jackson.EventJson;
import io.github.domainevents.kafka.KafkaEventSink;
import io.github.domainevents.outbox.Outbox;
import io.github.domainevents.outbox.OutboxRelay;
import io.github.domainevents.wire.EventTypeRegistry;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Issue 15: the outbox relay's throughput to Kafka, in events per second, with one and with
 * several relays on one outbox table. Each invocation commits {@value #EVENTS} events (one per
 * aggregate) to an H2 outbox table (not measured), then the relays publish them all through a
 * {@link KafkaEventSink} (binary mode, {@code acks=all}, idempotent producer) to a KRaft broker
 * running in the benchmark JVM; the invocation ends when the table is empty.
 *
 * <p>The broker shares the machine and the JVM with the relays, so the numbers are a lower
 * bound for a real cluster and compare relay counts and batch sizes with each other, not with a
 * production set-up.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class RelayToKafkaBenchmark {
  static final int EVENTS = 1_000;

  /** How many relays publish from the table at once, each on its own thread. */
  @Param({"1", "4"})
  public int relays;

  /** How many rows a relay claims per round. */
  @Param({"100"})
  public int batchSize;

  private EmbeddedKafkaKraftBroker broker;
  private JdbcDataSource database;
  private Connection schemaOwner;
  private KafkaEventSink sink;
  private Outbox outbox;
  private List<OutboxRelay> relayList;
  private ExecutorService threads;
  private long nextAggregate;

  /** Made by JMH. */
  public RelayToKafkaBenchmark() {}

  /**
   * The exported event.
   *
   * @param header the header
   * @param inviteId the invite
   * @param email the address
   */
  @EventType("bench.invite.created")
  public record InviteCreated(EventHeader header, long inviteId, String email)
      implements DomainEvent {}

  /**
   * Starts the broker, the database and the relays.
   *
   * @throws SQLException if the schema cannot be created
   */
  @Setup(Level.Trial)
  public void start() throws SQLException {
    broker = new EmbeddedKafkaKraftBroker(1, 4);
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    try {
      broker.afterPropertiesSet();
    } finally {
      System.setOut(out);
    }
    String topic = "relay-bench-" + UUID.randomUUID();
    broker.addTopics(new NewTopic(topic, 4, (short) 1));
    database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:relay-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    // H2 2.4 checks a CHECK constraint in the session that created it: keep that one open.
    schemaOwner = database.getConnection();
    try (Statement statement = schemaOwner.createStatement()) {
      statement.execute(
          "RUNSCRIPT FROM 'classpath:/io/github/domainevents/outbox/schema-h2.sql'");
    }
    EventJson json = EventJson.create(EventTypeRegistry.of(InviteCreated.class));
    sink = KafkaEventSink.builder(Map.of("bootstrap.servers", broker.getBrokersAsString()),
        URI.create("/bench")).topic(topic).build();
    relayList = new ArrayList<>();
    for (int i = 0; i < relays; i++) {
      relayList.add(OutboxRelay.builder(database, sink).name("relay-" + i)
          .batchSize(batchSize).build());
    }
    threads = Executors.newFixedThreadPool(relays);
    outboxFor(json);
  }

  private void outboxFor(EventJson json) {
    this.outbox = Outbox.builder(() -> {
      throw new SQLException("the benchmark writes with Outbox.write(connection, event)");
    }, json::toJson).export(InviteCreated.class, "invite", InviteCreated::inviteId).build();
  }

  /**
   * Commits the next {@value #EVENTS} events to the outbox table.
   *
   * @throws SQLException if the database fails
   */
  @Setup(Level.Invocation)
  public void fill() throws SQLException {
    try (Connection transaction = database.getConnection()) {
      transaction.setAutoCommit(false);
      for (int i = 0; i < EVENTS; i++) {
        long id = nextAggregate++;
        outbox.write(transaction,
            new InviteCreated(EventHeader.create(), id, "user" + id + "@example.com"));
      }
      transaction.commit();
    }
  }

  /**
   * The relays publish every committed row to Kafka.
   *
   * @return rows claimed, for JMH to consume
   * @throws Exception if a relay fails
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int relayAll() throws Exception {
    List<Future<Integer>> running = new ArrayList<>();
    for (OutboxRelay relay : relayList) {
      running.add(threads.submit(() -> {
        int claimed = 0;
        while (pending() > 0) {
          claimed += relay.relayOnce();
        }
        return claimed;
      }));
    }
    int total = 0;
    for (Future<Integer> one : running) {
      total += one.get(5, TimeUnit.MINUTES);
    }
    return total;
  }

  private int pending() throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT COUNT(*) FROM domain_events_outbox WHERE status = 'PENDING'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /**
   * Stops everything.
   *
   * @throws SQLException if the database fails to close
   */
  @TearDown(Level.Trial)
  public void stop() throws SQLException {
    threads.shutdownNow();
    for (OutboxRelay relay : relayList) {
      relay.close();
    }
    sink.close();
    schemaOwner.close();
    broker.destroy();
  }
}
