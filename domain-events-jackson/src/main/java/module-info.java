/**
 * Seed-compatible JSON and CloudEvents JSON for domain events, over Jackson 3.
 *
 * @since 0.1.0
 */
module io.github.domainevents.jackson {
  requires transitive io.github.domainevents;
  requires transitive tools.jackson.databind;
  requires static org.jspecify;

  exports io.github.domainevents.jackson;
}
