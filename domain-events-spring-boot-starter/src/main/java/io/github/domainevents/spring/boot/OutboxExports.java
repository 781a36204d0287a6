package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import java.util.function.Function;

/**
 * Declares which events the auto-configured transactional outbox exports: the one way to turn the
 * outbox on. With {@code domain-events-outbox-jdbc} and a {@code DataSource} present, the starter
 * creates the outbox only when at least one bean of this type exists, and registers it on the
 * dispatcher bean, so that every exported event dispatched inside a Spring transaction gets its
 * outbox row in that transaction.
 *
 * <pre>{@code
 * @Bean
 * OutboxExports inviteExports() {
 *   return exports -> exports.export(InviteCreated.class, "invite", InviteCreated::inviteId);
 * }
 * }</pre>
 *
 * <p>Why a bean of its own and not properties: an export names a Java class and a function from
 * the event to its aggregate id, which properties cannot express; and why not a customizer of
 * the outbox's builder: the table and the JSON are the starter's ({@code domain-events.outbox.table}
 * is shared with the relay, the JSON is the application's), so only the exports are handed out.
 * Every bean of this type is applied, in {@code @Order} order. Startup fails when these beans
 * declare no export at all, or when they exist but the starter cannot create the outbox (no
 * outbox module, no single {@code DataSource}, no JSON module, or an application {@code Outbox}
 * bean of its own), so a declared export is never ignored silently.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface OutboxExports {

  /**
   * Declares exports, once, while the outbox bean is created.
   *
   * @param exports where to declare them
   * @throws RuntimeException if a declaration is invalid (for example a class without {@code
   *     @EventType}, or one exported twice); the application context then fails to start
   */
  void declare(Declarations exports);

  /**
   * Where {@link OutboxExports} beans declare the exported event classes. Not safe for
   * concurrent use; valid only during {@link OutboxExports#declare}.
   *
   * @since 0.1.0
   */
  interface Declarations {

    /**
     * Exports the events of {@code type}: each one dispatched inside a transaction gets an outbox
     * row, stored under its {@code @EventType} name.
     *
     * @param type the event class; it must carry {@code @EventType}
     * @param aggregateType the kind of aggregate its events belong to (the {@code "aggregatetype"}
     *     column, for example {@code "invite"}), at most 255 characters
     * @param aggregateId returns the id of the aggregate an event belongs to (its {@code
     *     toString()} is stored, at most 255 characters); the relay keeps one aggregate's events
     *     in order and the Kafka sink uses it as the record key
     * @param <E> the event type
     * @return this object, to declare more
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code type} has no {@code @EventType} or was already
     *     exported, or {@code aggregateType} is blank or too long
     */
    <E extends DomainEvent> Declarations export(
        Class<E> type, String aggregateType, Function<? super E, ?> aggregateId);
  }
}
