package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.jackson.EventJson;
import io.github.domainevents.kafka.KafkaEventSink;
import io.github.domainevents.outbox.Outbox;
import io.github.domainevents.outbox.OutboxRelay;
import io.github.domainevents.wire.EventTypeRegistry;
import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
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
 * several relays on one outbox table, on H2 and on PostgreSQL ({@link OutboxDatabase}). Each
 * invocation commits {@value #EVENTS} events (one per aggregate) to the outbox table (not
 * measured), then the relays, each on its own thread, publish exactly those rows through a
 * {@link KafkaEventSink} (binary mode, {@code acks=all}, idempotent producer) to a KRaft broker
 * running in the benchmark JVM; the invocation ends when every row was claimed and published.
 *
 * <p>The broker shares the machine and the JVM with the relays, so the numbers are a lower
 * bound for a real cluster and compare relay counts and databases with each other, not with a
 * production set-up. On H2 the relays claim rows by a select and a conditional update (H2 has
 * no {@code SKIP LOCKED}), so several relays compete for the same candidates; on PostgreSQL
 * they claim with {@code FOR UPDATE SKIP LOCKED}, the path several relays are meant for.
 *
 * <p>Why the settings (the first run, 1 fork of 5 × 2 s, gave 8,200 ± 4,100 events/s for one
 * relay and 12,400 ± 9,100 for four, intervals that overlap):
 *
 * <ul>
 *   <li><b>Too few samples.</b> JMH's error is a 99.9 % confidence interval: with 5 samples it
 *       is 8.61 (Student's t, 4 degrees of freedom) × the standard deviation / √5 = 3.9 standard
 *       deviations. 2 forks × 8 iterations give 16 samples: t = 4.07, so 1.0 standard
 *       deviation, and the fork-to-fork difference (where the broker's partitions and threads
 *       landed) is in the spread instead of hidden.
 *   <li><b>No steady state.</b> Both runs rose through all five iterations (6,655 to 9,226 and
 *       8,787 to 14,763 events/s): 3 × 2 s of warm-up, a few dozen invocations, had not
 *       compiled the broker's, the client's and the relay's code. Now the set-up relays one
 *       invocation's rows before JMH starts (the producer connects, the topic's metadata is
 *       fetched), then 6 × 4 s of warm-up.
 *   <li><b>The end of each invocation.</b> Relays stopped when a {@code SELECT COUNT(*)} of
 *       pending rows said 0; a relay that found nothing to claim (the others held the last
 *       batches) ran that query back to back, on 2 cores shared with the broker, slowing the
 *       relays still publishing. And 1,000 events were 10 batches of 100 for 4 relays (3, 3, 2,
 *       2): half the relays idled at the end. Now the relays count the rows claimed in memory
 *       and park 200 µs when nothing is claimable, and {@value #EVENTS} events are 5 full
 *       batches per relay with 4 relays (the set-up refuses a relay count and batch size that
 *       do not divide it).
 *   <li><b>Dead rows on PostgreSQL.</b> The relay deletes delivered rows; an autovacuum of them
 *       in the middle of an iteration is noise, so each iteration ends with a {@code VACUUM}.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 4)
@Measurement(iterations = 8, time = 4)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class RelayToKafkaBenchmark {
  /** Events per invocation: 5 full batches of 100 per relay with 4 relays. */
  static final int EVENTS = 2_000;

  /** How long a relay waits when it found nothing to claim while rows are still in flight. */
  private static final long IDLE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

  /** How many relays publish from the table at once, each on its own thread. */
  @Param({"1", "4"})
  public int relays;

  /** How many rows a relay claims per round. */
  @Param({"100"})
  public int batchSize;

  /** The database of the outbox table. */
  @Param({"H2", "POSTGRES"})
  public OutboxDatabase database;

  private EmbeddedKafkaKraftBroker broker;
  private OutboxDatabase.Running running;
  private KafkaEventSink sink;
  private Outbox outbox;
  private List<OutboxRelay> relayList;
  private ExecutorService threads;
  private long nextAggregate;
  private final AtomicInteger unclaimed = new AtomicInteger();

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
   * Starts the broker, the database and the relays, and relays one invocation's rows so that
   * the producer is connected and the topic's metadata known before anything is timed.
   *
   * @throws Exception if the broker, the database or the first relaying fails
   */
  @Setup(Level.Trial)
  public void start() throws Exception {
    if (relays < 1 || batchSize < 1 || EVENTS % (relays * batchSize) != 0) {
      throw new IllegalArgumentException("relays (" + relays + ") x batchSize (" + batchSize
          + ") must divide the " + EVENTS + " events of an invocation, so that every relay"
          + " publishes the same number of full batches");
    }
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
    running = database.start();
    EventJson json = EventJson.create(EventTypeRegistry.of(InviteCreated.class));
    sink = KafkaEventSink.builder(Map.of("bootstrap.servers", broker.getBrokersAsString()),
        URI.create("/bench")).topic(topic).build();
    relayList = new ArrayList<>();
    for (int i = 0; i < relays; i++) {
      relayList.add(OutboxRelay.builder(running.dataSource(), sink).name("relay-" + i)
          .batchSize(batchSize).build());
    }
    threads = Executors.newFixedThreadPool(relays);
    outbox = Outbox.builder(() -> {
      throw new SQLException("the benchmark writes with Outbox.write(connection, event)");
    }, json::toJson).export(InviteCreated.class, "invite", InviteCreated::inviteId).build();
    fill();
    relayAll();
    requireAllPublished();
  }

  /**
   * Commits the next {@value #EVENTS} events to the outbox table.
   *
   * @throws SQLException if the database fails
   */
  @Setup(Level.Invocation)
  public void fill() throws SQLException {
    try (Connection transaction = running.dataSource().getConnection()) {
      transaction.setAutoCommit(false);
      for (int i = 0; i < EVENTS; i++) {
        long id = nextAggregate++;
        outbox.write(transaction,
            new InviteCreated(EventHeader.create(), id, "user" + id + "@example.com"));
      }
      transaction.commit();
    }
    unclaimed.set(EVENTS);
  }

  /**
   * The relays publish the {@value #EVENTS} committed rows to Kafka.
   *
   * @return rows claimed, for JMH to consume
   * @throws Exception if a relay fails or takes more than a minute
   */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int relayAll() throws Exception {
    List<Future<Integer>> shares = new ArrayList<>(relays);
    for (OutboxRelay relay : relayList) {
      shares.add(threads.submit(() -> relayUntilAllClaimed(relay)));
    }
    int total = 0;
    for (Future<Integer> one : shares) {
      total += one.get(1, TimeUnit.MINUTES);
    }
    return total;
  }

  /** One relay's share: rounds until no row of the invocation is left unclaimed. */
  private int relayUntilAllClaimed(OutboxRelay relay) throws SQLException {
    int claimed = 0;
    while (unclaimed.get() > 0) {
      int round = relay.relayOnce(); // claimed rows are published and recorded when it returns
      if (round == 0) {
        LockSupport.parkNanos(IDLE_NANOS); // the last batches are with other relays
      } else {
        claimed += round;
        unclaimed.addAndGet(-round);
      }
    }
    return claimed;
  }

  /**
   * Checks, after every invocation (not timed), that the table is empty: a failed publish would
   * leave a row for a later retry, and the invocation would have counted it as relayed.
   *
   * @throws SQLException if the database fails
   * @throws IllegalStateException if rows are left
   */
  @TearDown(Level.Invocation)
  public void requireAllPublished() throws SQLException {
    int left = rowsLeft(running.dataSource());
    if (left != 0 || unclaimed.get() != 0) {
      throw new IllegalStateException(left + " outbox rows left and " + unclaimed.get()
          + " unclaimed after an invocation: a publish failed, the result is not valid");
    }
  }

  private static int rowsLeft(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM domain_events_outbox")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /**
   * On PostgreSQL, vacuums the rows the relays deleted during the iteration (not timed), so
   * that no autovacuum runs in the middle of the next one.
   *
   * @throws SQLException if the database fails
   */
  @TearDown(Level.Iteration)
  public void vacuum() throws SQLException {
    if (database == OutboxDatabase.POSTGRES) {
      try (Connection connection = running.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("VACUUM domain_events_outbox");
      }
    }
  }

  /**
   * Stops everything.
   *
   * @throws SQLException if the database fails to close
   * @throws IOException if the PostgreSQL server fails to stop
   * @throws InterruptedException if interrupted while the relay threads end
   * @throws IllegalStateException if a relay thread does not end within a minute
   */
  @TearDown(Level.Trial)
  public void stop() throws SQLException, IOException, InterruptedException {
    try {
      threads.shutdownNow();
      if (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("a relay thread did not end within a minute");
      }
    } finally {
      try {
        for (OutboxRelay relay : relayList) {
          relay.close();
        }
        sink.close();
      } finally {
        try {
          running.close();
        } finally {
          broker.destroy();
        }
      }
    }
  }
}
