/**
 * SLF4J integration for domain events: the handled event's ids in the MDC while a handler runs.
 *
 * <p>Exports one package, {@code io.github.domainevents.slf4j}, whose entry point is {@link
 * io.github.domainevents.slf4j.EventMdc}.
 */
module io.github.domainevents.slf4j {
  requires transitive io.github.domainevents;
  requires org.slf4j;
  requires static org.jspecify;

  exports io.github.domainevents.slf4j;
}
