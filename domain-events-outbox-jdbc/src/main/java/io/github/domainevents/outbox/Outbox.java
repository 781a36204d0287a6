package io.github.domainevents.outbox;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.EventType;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.UnitOfWorkSupport;
import io.github.domainevents.UnitOfWorkSynchronization;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.wire.ReadOptions;
import io.github.domainevents.wire.WireFormat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes the events chosen for export into an outbox table, in the transaction of the
 * application's own writes: one row per event, committed or rolled back with them.
 *
 * <pre>{@code
 * Outbox outbox = Outbox.builder(() -> connection, eventJson::toJson)
 *     .export(InviteCreated.class, "invite", e -> e.inviteId())
 *     .build();
 * outbox.registerOn(dispatcher);   // exported events dispatched from now on get a row
 * }</pre>
 *
 * <h2>What is exported</h2>
 *
 * Each exported class is declared once, with the kind of aggregate its events belong to and how
 * to get the aggregate's id from an event; the class must carry {@link EventType}, whose name is
 * what the row stores ({@code type}) — never a Java class or method name. Other events are not
 * written.
 *
 * <h2>The row</h2>
 *
 * The Debezium outbox columns {@code id} (the event id), {@code aggregatetype}, {@code
 * aggregateid}, {@code type} and {@code payload} (the seed-compatible JSON of the whole event), so
 * that a change-data-capture pipeline can relay the table instead of {@link OutboxRelay}; then the
 * header ({@code occurred_at}, {@code correlation_id}, {@code causation_id}, {@code metadata} as
 * JSON, and {@code traceparent} copied from the metadata) and the delivery state the relay keeps.
 * The schema scripts are resources of this module: {@code
 * io/github/domainevents/outbox/schema-h2.sql} and {@code schema-postgresql.sql}.
 *
 * <h2>Transactions</h2>
 *
 * The row is inserted at once (the handler {@link #registerOn} adds is an immediate one) through
 * the connection {@link TransactionalConnection} gives, so it exists exactly when the
 * application's transaction commits: a rolled-back transaction leaves no row. A connection in
 * auto-commit mode is refused with an {@link IllegalStateException}, since its row would commit
 * alone. Writers of one aggregate must be serialized by the application (as they are for the
 * aggregate's own state, by a row lock or a version check): the relay's order per aggregate is
 * the order of the inserts.
 *
 * <p>When the handler {@link #registerOn} adds cannot write an event (the insert fails, the
 * connection is in auto-commit mode, the event cannot be serialized):
 *
 * <ul>
 *   <li><b>Inside a unit of work</b> (one active on the thread for the {@link
 *       Builder#unitOfWorkSupport UnitOfWorkSupport}: core's {@link UnitOfWork}, a {@link
 *       JdbcTransactions} transaction, Spring's transaction with the starter), the outbox vetoes
 *       the unit: its commit rolls it back, runs its after-rollback handlers and throws an {@link
 *       OutboxWriteFailedException} naming the event, whose cause is the insert's failure. This
 *       holds under every error policy of the dispatcher, so the state change never commits
 *       without its event. The failure also goes through the dispatcher's error policy as any
 *       handler's does: it propagates out of the dispatch ({@code FAIL_FAST}, {@code
 *       RUN_ALL_THEN_THROW}) or reaches the error handler ({@code REPORT_AND_CONTINUE}).
 *   <li><b>Outside any unit of work</b>, the failure only goes through the error policy. Under
 *       {@code FAIL_FAST} and {@code RUN_ALL_THEN_THROW} it propagates out of the dispatch, and
 *       the application's transaction must roll back (it does, if the exception is left to
 *       reach the transaction boundary). Under {@code REPORT_AND_CONTINUE} it is only reported:
 *       the dispatch returns normally, and if the application then commits its JDBC transaction,
 *       the state change commits without the event. Nothing here can stop that commit; so
 *       dispatch exported events inside a unit of work, and without a transaction framework use
 *       {@link JdbcTransactions}, which is both the transaction and the unit.
 * </ul>
 *
 * {@link #write(DomainEvent)} called directly never vetoes: it throws, and the caller decides.
 *
 * <p>An {@code Outbox} is immutable and safe for concurrent use.
 *
 * @since 0.1.0
 */
public final class Outbox {
  private static final int MAX_KEY_LENGTH = 255;

  private final TransactionalConnection connections;
  private final Function<? super DomainEvent, String> serializer;
  private final Map<Class<?>, Export<?>> exports;
  private final EventTypeRegistry registry;
  private final Clock clock;
  private final UnitOfWorkSupport units;
  private final String insert;

  private Outbox(Builder builder) {
    this.connections = builder.connections;
    this.units = builder.units();
    this.serializer = builder.serializer;
    this.exports = Map.copyOf(builder.exports);
    this.registry = EventTypeRegistry.builder().registerAll(builder.exports.keySet()).build();
    this.clock = builder.clock;
    this.insert = "INSERT INTO " + builder.table
        + " (id, aggregatetype, aggregateid, type, payload, occurred_at, correlation_id,"
        + " causation_id, metadata, traceparent, status, attempts, next_attempt_at, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";
  }

  /**
   * Starts an outbox.
   *
   * @param connections gives the connection of the transaction active on the writing thread
   * @param serializer returns the seed-compatible JSON of an event (for example {@code
   *     EventJson::toJson} of {@code domain-events-jackson}, or its Jackson 2 twin)
   * @return a builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(
      TransactionalConnection connections, Function<? super DomainEvent, String> serializer) {
    return new Builder(connections, serializer);
  }

  /**
   * Tells whether events of {@code type} are exported.
   *
   * @param type an event class
   * @return true if it was declared with {@link Builder#export}
   */
  public boolean exports(Class<?> type) {
    return exports.containsKey(type);
  }

  /**
   * Registers on {@code dispatcher} one immediate handler per exported class, which writes each
   * event of that class with {@link #write(DomainEvent)}. If a write fails while a unit of work
   * is active, the handler also vetoes the unit's commit, then throws the failure to the
   * dispatcher (see "Transactions" above).
   *
   * @param dispatcher the dispatcher the application's events go through
   * @return a registration that removes all of them
   * @throws NullPointerException if {@code dispatcher} is null
   */
  public Registration registerOn(InProcessEventDispatcher dispatcher) {
    Objects.requireNonNull(dispatcher, "dispatcher");
    List<Registration> registrations = new ArrayList<>();
    for (Class<?> type : exports.keySet()) {
      registrations.add(register(dispatcher, type));
    }
    return () -> registrations.forEach(Registration::close);
  }

  @SuppressWarnings("unchecked") // every key of exports is a DomainEvent class
  private Registration register(InProcessEventDispatcher dispatcher, Class<?> type) {
    return dispatcher.register((Class<DomainEvent>) type, new Writer(this));
  }

  /**
   * Writes {@code event} into the outbox through the connection of the current transaction.
   *
   * @param event an event of an exported class
   * @throws IllegalArgumentException if the event's class is not exported, its aggregate id is
   *     null, blank or longer than 255 characters, or it cannot be written as JSON
   * @throws IllegalStateException if the connection is in auto-commit mode
   * @throws SQLException if the insert fails; the caller's transaction should roll back
   */
  public void write(DomainEvent event) throws SQLException {
    write(connections.current(), event);
  }

  /**
   * Writes {@code event} into the outbox through {@code connection}, in its current transaction.
   *
   * @param connection a connection with a transaction open (not in auto-commit mode)
   * @param event an event of an exported class
   * @throws IllegalArgumentException as for {@link #write(DomainEvent)}
   * @throws IllegalStateException if the connection is in auto-commit mode
   * @throws SQLException if the insert fails; the caller's transaction should roll back
   */
  public void write(Connection connection, DomainEvent event) throws SQLException {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(event, "event");
    Export<?> export = exports.get(event.getClass());
    if (export == null) {
      throw new IllegalArgumentException(
          "events of " + event.getClass().getName() + " are not exported: declare them with"
              + " Outbox.Builder.export (exported: " + registry.names() + ")");
    }
    String aggregateId = export.aggregateIdOf(event);
    String metadata = metadataJson(event);
    String payload = serializer.apply(event);
    if (payload == null) {
      throw new IllegalArgumentException(
          "the serializer returned null for the " + event.eventType() + " event " + event.eventId());
    }
    Tables.requireTransaction(connection, "writing the " + event.eventType() + " event to the outbox");
    Object traceparent = event.metadata().get("traceparent");
    var now = Tables.utc(clock.instant());
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      statement.setObject(1, event.eventId());
      statement.setString(2, export.aggregateType);
      statement.setString(3, aggregateId);
      statement.setString(4, event.eventType());
      statement.setString(5, payload);
      statement.setObject(6, Tables.utc(event.occurredAt()));
      statement.setObject(7, event.correlationId().orElse(null));
      statement.setObject(8, event.causationId().orElse(null));
      statement.setString(9, metadata);
      statement.setString(10, traceparent instanceof String text ? text : null);
      statement.setObject(11, now);
      statement.setObject(12, now);
      statement.executeUpdate();
    }
  }

  /**
   * Makes the unit of work active on this thread (if any) roll back instead of committing:
   * whatever the dispatcher's error policy does with {@code failure}, the state change must not
   * commit without the event's row.
   */
  private void veto(DomainEvent event, Throwable failure) {
    try {
      if (units.isActive()) {
        units.registerSynchronization(new Veto(event.eventType(), event.eventId(), failure));
      }
    } catch (RuntimeException cannotVeto) {
      failure.addSuppressed(cannotVeto); // travels with the insert's failure, per the policy
    }
  }

  /** The metadata as one compact JSON object, as core's seed header has it. */
  private String metadataJson(DomainEvent event) {
    MetadataCapture capture = new MetadataCapture();
    WireFormat.writeHeader(event, registry, ReadOptions.defaults(), capture);
    String json = capture.metadata();
    return json == null ? "{}" : json;
  }

  /** Returns the exported type names and the table, for diagnostics. */
  @Override
  public String toString() {
    return "Outbox[exports=" + registry.names() + "]";
  }

  /** The immediate handler {@link #registerOn} adds; named for handler listings. */
  private static final class Writer implements DomainEventHandler<DomainEvent> {
    private final Outbox outbox;

    Writer(Outbox outbox) {
      this.outbox = outbox;
    }

    @Override
    public void handle(DomainEvent event) throws SQLException {
      try {
        outbox.write(event);
      } catch (Throwable failure) { // rethrown as is: SQLException or unchecked
        outbox.veto(event, failure);
        throw failure;
      }
    }

    @Override
    public String toString() {
      return "outbox writer";
    }
  }

  /**
   * Vetoes the commit of the unit of work it is registered on: its {@link #beforeCommit()}
   * throws, so the unit rolls back and the committer sees why. Core's {@code UnitOfWork}, {@link
   * JdbcTransactions} and the Spring starter's support also call {@code beforeCommit} on a veto
   * registered while the before-commit callbacks run (an exported event raised by a
   * before-commit handler). The last line of defence: a support that never calls this veto's
   * {@code beforeCommit} (one that skips registrations made during its commit, or the Spring
   * starter's for a veto registered after its before-commit round, by another Spring
   * synchronization or during the commit itself) commits anyway; then {@link #afterCommit()}
   * throws, so that the missing event is not silent either.
   */
  private static final class Veto implements UnitOfWorkSynchronization {
    private final String eventType;
    private final UUID eventId;
    private final Throwable failure;

    Veto(String eventType, UUID eventId, Throwable failure) {
      this.eventType = eventType;
      this.eventId = eventId;
      this.failure = failure;
    }

    @Override
    public void beforeCommit() {
      throw new OutboxWriteFailedException(eventType, eventId, failure, false);
    }

    /** Reached only if the support never called {@link #beforeCommit()}: say so, loudly. */
    @Override
    public void afterCommit() {
      throw new OutboxWriteFailedException(eventType, eventId, failure, true);
    }

    @Override
    public void afterCompletion(boolean committed) {}

    @Override
    public String toString() {
      return "outbox veto of the " + eventType + " event " + eventId;
    }
  }

  /** One export declaration. */
  private static final class Export<E extends DomainEvent> {
    final Class<E> type;
    final String aggregateType;
    final Function<? super E, ?> aggregateId;

    Export(Class<E> type, String aggregateType, Function<? super E, ?> aggregateId) {
      this.type = type;
      this.aggregateType = aggregateType;
      this.aggregateId = aggregateId;
    }

    String aggregateIdOf(DomainEvent event) {
      Object id = aggregateId.apply(type.cast(event));
      String text = id == null ? null : id.toString();
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException(
            "the aggregate id of the " + event.eventType() + " event " + event.eventId()
                + " is " + (text == null ? "null" : "blank"));
      }
      if (text.length() > MAX_KEY_LENGTH) {
        throw new IllegalArgumentException(
            "the aggregate id of the " + event.eventType() + " event " + event.eventId()
                + " has " + text.length() + " characters, more than " + MAX_KEY_LENGTH);
      }
      return text;
    }
  }

  /**
   * Writes the {@code metadata} member of the seed header core writes (members of an object the
   * caller started, so at depth 0) as compact JSON text, and ignores the other members.
   */
  private static final class MetadataCapture implements io.github.domainevents.wire.JsonSink {
    private final StringBuilder json = new StringBuilder();
    private int depth;
    private boolean capturing;
    private boolean captured;
    private boolean first = true;

    @Nullable String metadata() {
      return captured ? json.toString() : null;
    }

    private boolean writing() {
      return capturing;
    }

    private void separator() {
      if (!first) {
        json.append(',');
      }
      first = false;
    }

    private void valueStart() {
      if (depth > 0 && json.length() > 0 && json.charAt(json.length() - 1) != ':') {
        separator();
      }
    }

    private void valueEnd() {
      if (capturing && depth == 0) {
        capturing = false;
        captured = true;
      }
    }

    @Override
    public void name(String name) {
      if (depth == 0 && !capturing) {
        capturing = WireFormat.METADATA.equals(name);
        return;
      }
      if (writing()) {
        separator();
        quote(name);
        json.append(':');
      }
    }

    @Override
    public void startObject() {
      if (writing()) {
        valueStart();
        json.append('{');
        first = true;
      }
      depth++;
    }

    @Override
    public void endObject() {
      depth--;
      if (writing()) {
        json.append('}');
        first = false;
        valueEnd();
      }
    }

    @Override
    public void startArray() {
      if (writing()) {
        valueStart();
        json.append('[');
        first = true;
      }
      depth++;
    }

    @Override
    public void endArray() {
      depth--;
      if (writing()) {
        json.append(']');
        first = false;
        valueEnd();
      }
    }

    @Override
    public void string(String value) {
      scalar(null, value);
    }

    @Override
    public void number(Number value) {
      scalar(value.toString(), null);
    }

    @Override
    public void bool(boolean value) {
      scalar(Boolean.toString(value), null);
    }

    @Override
    public void nullValue() {
      scalar("null", null);
    }

    private void scalar(@Nullable String literal, @Nullable String text) {
      if (!writing()) {
        return;
      }
      valueStart();
      first = false;
      if (text != null) {
        quote(text);
      } else {
        json.append(literal);
      }
      valueEnd();
    }

    private void quote(String text) {
      json.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '"' -> json.append("\\\"");
          case '\\' -> json.append("\\\\");
          case '\n' -> json.append("\\n");
          case '\r' -> json.append("\\r");
          case '\t' -> json.append("\\t");
          default -> {
            if (c < 0x20 || c == '\u2028' || c == '\u2029') {
              json.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
              json.append(c);
            }
          }
        }
      }
      json.append('"');
    }
  }

  /**
   * Declares what an {@link Outbox} exports and where it writes. Not safe for concurrent use.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final TransactionalConnection connections;
    private final Function<? super DomainEvent, String> serializer;
    private final Map<Class<? extends DomainEvent>, Export<?>> exports = new LinkedHashMap<>();
    private String table = Tables.OUTBOX;
    private Clock clock = Clock.systemUTC();
    private @Nullable UnitOfWorkSupport units;

    private Builder(
        TransactionalConnection connections, Function<? super DomainEvent, String> serializer) {
      this.connections = Objects.requireNonNull(connections, "connections");
      this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    /**
     * Exports the events of {@code type}.
     *
     * @param type the event class; it must carry {@link EventType}
     * @param aggregateType the kind of aggregate its events belong to (the {@code "aggregatetype"}
     *     column, for example {@code "invite"}), at most 255 characters
     * @param aggregateId returns the id of the aggregate an event belongs to (its {@code
     *     toString()} is stored, at most 255 characters)
     * @param <E> the event type
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code type} has no {@link EventType} or was already
     *     exported, or {@code aggregateType} is blank or too long
     */
    public <E extends DomainEvent> Builder export(
        Class<E> type, String aggregateType, Function<? super E, ?> aggregateId) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(aggregateType, "aggregateType");
      Objects.requireNonNull(aggregateId, "aggregateId");
      if (!type.isAnnotationPresent(EventType.class)) {
        throw new IllegalArgumentException(
            type.getName() + " has no @EventType: exported events are stored under their"
                + " @EventType name, never under a Java class name");
      }
      if (aggregateType.isBlank() || aggregateType.length() > MAX_KEY_LENGTH) {
        throw new IllegalArgumentException(
            "aggregateType must be 1 to " + MAX_KEY_LENGTH + " non-blank characters, was '"
                + aggregateType + "'");
      }
      if (exports.containsKey(type)) {
        throw new IllegalArgumentException(type.getName() + " is already exported");
      }
      exports.put(type, new Export<>(type, aggregateType, aggregateId));
      return this;
    }

    /**
     * Sets the outbox table; default {@code domain_events_outbox}, as in the schema scripts.
     *
     * @param table a plain SQL identifier, optionally schema-qualified
     * @return this builder
     * @throws IllegalArgumentException if it is not such an identifier
     */
    public Builder table(String table) {
      this.table = Tables.checkName(table, "table");
      return this;
    }

    /**
     * Sets the clock that stamps rows ({@code created_at}, the first {@code next_attempt_at});
     * default the system's UTC clock.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the units of work whose commit the outbox vetoes when it cannot write an event (see
     * "Transactions" in {@link Outbox}): the same {@link UnitOfWorkSupport} the dispatcher uses.
     * By default, the {@link TransactionalConnection} itself if it is one (a {@link
     * JdbcTransactions}), otherwise {@link UnitOfWork#support()}; with Spring, pass the
     * support the starter gives the dispatcher, which is Spring's transactions.
     *
     * @param unitOfWorkSupport the units of work
     * @return this builder
     * @throws NullPointerException if {@code unitOfWorkSupport} is null
     */
    public Builder unitOfWorkSupport(UnitOfWorkSupport unitOfWorkSupport) {
      this.units = Objects.requireNonNull(unitOfWorkSupport, "unitOfWorkSupport");
      return this;
    }

    private UnitOfWorkSupport units() {
      if (units != null) {
        return units;
      }
      return connections instanceof UnitOfWorkSupport support ? support : UnitOfWork.support();
    }

    /**
     * Builds the outbox.
     *
     * @return the outbox
     * @throws IllegalArgumentException if two exported classes share one {@link EventType} name
     */
    public Outbox build() {
      return new Outbox(this);
    }
  }
}
