/**
 * A transactional outbox for domain events over plain JDBC.
 *
 * <p>Exports one package, {@code io.github.domainevents.outbox}. Needs {@code java.sql} and core;
 * no JSON library: the event's JSON comes from a serializer the application passes in.
 */
module io.github.domainevents.outbox {
  requires transitive io.github.domainevents;
  requires transitive java.sql;
  requires static org.jspecify;

  exports io.github.domainevents.outbox;
}
