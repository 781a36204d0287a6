package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.jackson.EventJson;
import io.github.domainevents.outbox.Outbox;
import io.github.domainevents.wire.EventTypeRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What writing an event to the outbox costs inside a transaction, beside a plain insert of the
 * same row: H2 in memory, one connection, one transaction (insert + commit) per operation.
 *
 * <ul>
 *   <li>{@link #plainInsert()}: the application's own insert of an outbox-shaped row, its JSON
 *       already made (a fresh id per row);
 *   <li>{@link #outboxWrite()}: {@code Outbox.write} of a new event: the seed JSON (Jackson 3),
 *       the metadata JSON, the checks and the insert;
 *   <li>{@link #dispatchToOutbox()}: the same through {@code dispatcher.dispatch}, the outbox's
 *       immediate handler writing the row.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Thread)
public class OutboxInsertBenchmark {
  /** Made by JMH. */
  public OutboxInsertBenchmark() {}

  /**
   * The benchmark's event.
   *
   * @param header the header
   * @param orderId the order
   * @param customer the customer
   */
  @EventType("order.placed")
  public record OrderPlaced(EventHeader header, long orderId, String customer)
      implements DomainEvent {}

  private static final String PLAIN_INSERT = "INSERT INTO domain_events_outbox (id, aggregatetype,"
      + " aggregateid, type, payload, occurred_at, correlation_id, causation_id, metadata,"
      + " traceparent, status, attempts, next_attempt_at, created_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";

  private Connection connection;
  private Outbox outbox;
  private InProcessEventDispatcher dispatcher;
  private PreparedStatement plain;
  private String payload;

  /**
   * Creates the database, the schema, the outbox and a dispatcher that writes to it.
   *
   * @throws SQLException if H2 fails
   * @throws IOException if the schema script cannot be read
   */
  @Setup(Level.Trial)
  public void setUp() throws SQLException, IOException {
    connection = DriverManager.getConnection("jdbc:h2:mem:outbox-bench-" + UUID.randomUUID());
    try (Statement statement = connection.createStatement()) {
      for (String sql : schema().split(";", -1)) {
        String code = sql.replaceAll("(?m)^--.*$", "").trim();
        if (!code.isEmpty()) {
          statement.execute(code);
        }
      }
    }
    connection.setAutoCommit(false);
    EventJson json = EventJson.create(EventTypeRegistry.of(OrderPlaced.class));
    Connection current = connection;
    outbox = Outbox.builder(() -> current, json::toJson)
        .export(OrderPlaced.class, "order", OrderPlaced::orderId)
        .build();
    dispatcher = new InProcessEventDispatcher();
    outbox.registerOn(dispatcher);
    plain = connection.prepareStatement(PLAIN_INSERT);
    payload = json.toJson(newEvent());
  }

  private static String schema() throws IOException {
    try (InputStream in = Outbox.class.getResourceAsStream("schema-h2.sql")) {
      if (in == null) {
        throw new IOException("schema-h2.sql is not beside Outbox");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Empties the table between iterations, so every iteration inserts into the same size.
   *
   * @throws SQLException if H2 fails
   */
  @TearDown(Level.Iteration)
  public void empty() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM domain_events_outbox");
    }
    connection.commit();
  }

  /**
   * Closes the database.
   *
   * @throws SQLException if H2 fails
   */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    plain.close();
    connection.close();
  }

  private static OrderPlaced newEvent() {
    return new OrderPlaced(EventHeader.create(), 42L, "ada@example.com");
  }

  /**
   * A plain insert of the same row, its JSON made beforehand, then the commit.
   *
   * @throws SQLException if H2 fails
   */
  @Benchmark
  public void plainInsert() throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    plain.setObject(1, UUID.randomUUID());
    plain.setString(2, "order");
    plain.setString(3, "42");
    plain.setString(4, "order.placed");
    plain.setString(5, payload);
    plain.setObject(6, now);
    plain.setObject(7, null);
    plain.setObject(8, null);
    plain.setString(9, "{}");
    plain.setString(10, null);
    plain.setObject(11, now);
    plain.setObject(12, now);
    plain.executeUpdate();
    connection.commit();
  }

  /**
   * {@code Outbox.write} of a new event, then the commit.
   *
   * @throws SQLException if H2 fails
   */
  @Benchmark
  public void outboxWrite() throws SQLException {
    outbox.write(newEvent());
    connection.commit();
  }

  /**
   * A dispatch whose only handler is the outbox writer, then the commit.
   *
   * @throws SQLException if H2 fails
   */
  @Benchmark
  public void dispatchToOutbox() throws SQLException {
    dispatcher.dispatch(newEvent());
    connection.commit();
  }

  /**
   * Counts the rows, for the smoke test.
   *
   * @return the number of outbox rows
   * @throws SQLException if H2 fails
   */
  long rows() throws SQLException {
    try (Statement statement = connection.createStatement();
        var result = statement.executeQuery("SELECT COUNT(*) FROM domain_events_outbox")) {
      result.next();
      return result.getLong(1);
    }
  }
}
