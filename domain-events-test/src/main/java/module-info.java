/**
 * The domain-events test kit: capture the events a test causes, assert on them and their causes
 * with AssertJ, wait for asynchronous ones without sleeping, and fix the clock and ids per JUnit
 * test.
 *
 * <p>Exports one package, {@code io.github.domainevents.test}; start with {@link
 * io.github.domainevents.test.DomainEventsExtension} and {@link
 * io.github.domainevents.test.EventAssertions}.
 */
module io.github.domainevents.test {
  requires transitive io.github.domainevents;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;
  requires static org.jspecify;

  exports io.github.domainevents.test;
}
