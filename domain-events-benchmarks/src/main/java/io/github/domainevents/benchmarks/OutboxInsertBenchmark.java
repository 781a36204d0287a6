package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventIdGenerator;
import io.github.domainevents.EventType;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.jackson.EventJson;
import io.github.domainevents.outbox.Outbox;
import io.github.domainevents.wire.EventTypeRegistry;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What writing an event to the outbox costs inside a transaction, beside a plain insert of the
 * same row, on H2 and on PostgreSQL ({@code @Param database}, {@link OutboxDatabase}): one
 * connection, one transaction (insert + commit) per operation.
 *
 * <ul>
 *   <li>{@link #plainInsert()}: the application's own insert of the same row;
 *   <li>{@link #outboxWrite()}: {@code Outbox.write} of a new event;
 *   <li>{@link #dispatchToOutbox()}: the same through {@code dispatcher.dispatch}, the outbox's
 *       immediate handler writing the row.
 * </ul>
 *
 * <p>Like for like: the plain insert writes the outbox's own row shape: the same {@code INSERT}
 * text and columns, a time-ordered (version 7) id from {@code EventIdGenerator.timeOrdered()}
 * as the event ids are, the same aggregate type, aggregate id and type, a payload and a
 * metadata JSON of the same length (the outbox's JSON of an event with the same field values,
 * made once at set-up; lengths may differ by the 3 or 6 digits of a timestamp's fraction), the
 * same nulls (correlation, causation, traceparent) and the same three timestamps. Both prepare
 * the statement on every call and close it (as the outbox and Spring's {@code JdbcTemplate}
 * do), on the same connection with auto-commit off, and commit once per operation. {@code
 * SameWorkTest} checks the rows column by column.
 *
 * <p>What only the outbox path does, so what the difference measures: making the event ({@code
 * EventHeader.create()}: id, clock, the ambient causal context; the record), the export lookup
 * by class and the aggregate id ({@code long} to text), the auto-commit check, the payload JSON
 * (Jackson 3, the seed format) and the metadata JSON of each event, and two {@code Instant} to
 * {@code OffsetDateTime} conversions. The plain insert makes only the id and reads the clock
 * once.
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

  /** The database the rows go to. */
  @Param({"H2", "POSTGRES"})
  public OutboxDatabase database;

  /** The outbox's own insert (see {@code Outbox}): same text, so the same statement caching. */
  static final String PLAIN_INSERT = "INSERT INTO domain_events_outbox (id, aggregatetype,"
      + " aggregateid, type, payload, occurred_at, correlation_id, causation_id, metadata,"
      + " traceparent, status, attempts, next_attempt_at, created_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";

  private static final EventIdGenerator IDS = EventIdGenerator.timeOrdered();

  private OutboxDatabase.Running running;
  private Connection connection;
  private Outbox outbox;
  private InProcessEventDispatcher dispatcher;
  private String payload;
  private UUID correlationId;
  private UUID causationId;

  /**
   * Starts the database with the outbox schema, and makes the outbox and a dispatcher that
   * writes to it.
   *
   * @throws SQLException if the database fails
   * @throws IOException if the database cannot start or the schema script cannot be read
   */
  @Setup(Level.Trial)
  public void setUp() throws SQLException, IOException {
    running = database.start();
    connection = running.dataSource().getConnection();
    connection.setAutoCommit(false);
    EventJson json = EventJson.create(EventTypeRegistry.of(OrderPlaced.class));
    Connection current = connection;
    outbox = Outbox.builder(() -> current, json::toJson)
        .export(OrderPlaced.class, "order", OrderPlaced::orderId)
        .build();
    dispatcher = new InProcessEventDispatcher();
    outbox.registerOn(dispatcher);
    OrderPlaced template = newEvent();
    payload = json.toJson(template);
    correlationId = template.correlationId().orElse(null);
    causationId = template.causationId().orElse(null);
  }

  /**
   * Empties the table between iterations, so every iteration inserts into the same size.
   *
   * @throws SQLException if the database fails
   */
  @TearDown(Level.Iteration)
  public void empty() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM domain_events_outbox");
    }
    connection.commit();
  }

  /**
   * Closes the connection and stops the database.
   *
   * @throws SQLException if the database fails
   * @throws IOException if the PostgreSQL server fails to stop
   */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException, IOException {
    try {
      connection.close();
    } finally {
      running.close();
    }
  }

  private static OrderPlaced newEvent() {
    return new OrderPlaced(EventHeader.create(), 42L, "ada@example.com");
  }

  /**
   * A plain insert of the same row (a time-ordered id, the JSON made beforehand), then the
   * commit.
   *
   * @throws SQLException if the database fails
   */
  @Benchmark
  public void plainInsert() throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement plain = connection.prepareStatement(PLAIN_INSERT)) {
      plain.setObject(1, IDS.nextId());
      plain.setString(2, "order");
      plain.setString(3, "42");
      plain.setString(4, "order.placed");
      plain.setString(5, payload);
      plain.setObject(6, now);
      plain.setObject(7, correlationId);
      plain.setObject(8, causationId);
      plain.setString(9, "{}");
      plain.setString(10, null);
      plain.setObject(11, now);
      plain.setObject(12, now);
      plain.executeUpdate();
    }
    connection.commit();
  }

  /**
   * {@code Outbox.write} of a new event, then the commit.
   *
   * @throws SQLException if the database fails
   */
  @Benchmark
  public void outboxWrite() throws SQLException {
    outbox.write(newEvent());
    connection.commit();
  }

  /**
   * A dispatch whose only handler is the outbox writer, then the commit.
   *
   * @throws SQLException if the database fails
   */
  @Benchmark
  public void dispatchToOutbox() throws SQLException {
    dispatcher.dispatch(newEvent());
    connection.commit();
  }

  /**
   * Counts the rows, for the tests.
   *
   * @return the number of outbox rows
   * @throws SQLException if the database fails
   */
  long rows() throws SQLException {
    try (Statement statement = connection.createStatement();
        var result = statement.executeQuery("SELECT COUNT(*) FROM domain_events_outbox")) {
      result.next();
      long rows = result.getLong(1);
      connection.commit();
      return rows;
    }
  }

  /**
   * Reads every outbox row, oldest first, each column as text (null stays null), keyed by the
   * lower-case column name: for the test that the benchmark's paths write the same row shape.
   *
   * @return the rows in insertion order
   * @throws SQLException if the database fails
   */
  List<Map<String, String>> rowsInOrder() throws SQLException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(
            "SELECT * FROM domain_events_outbox ORDER BY seq")) {
      ResultSetMetaData columns = result.getMetaData();
      while (result.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          row.put(columns.getColumnLabel(i).toLowerCase(Locale.ROOT), result.getString(i));
        }
        rows.add(row);
      }
    }
    connection.commit();
    return rows;
  }

  /**
   * Names the database product behind the connection, for the tests.
   *
   * @return the JDBC product name, such as {@code PostgreSQL}
   * @throws SQLException if the database fails
   */
  String databaseProduct() throws SQLException {
    return connection.getMetaData().getDatabaseProductName();
  }
}
