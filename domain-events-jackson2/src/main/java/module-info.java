/**
 * Seed-compatible JSON and CloudEvents JSON for domain events, over Jackson 2.
 *
 * <p>The name ends in a digit, which javac's lint discourages, to match the artifact
 * {@code domain-events-jackson2} and the package {@code io.github.domainevents.jackson2}.
 *
 * @since 0.1.0
 */
@SuppressWarnings("module")
module io.github.domainevents.jackson2 {
  requires transitive io.github.domainevents;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.module.paramnames;
  requires static org.jspecify;

  exports io.github.domainevents.jackson2;
}
