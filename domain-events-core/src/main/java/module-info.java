/**
 * Domain events for Java: typed, immutable in-process domain events with causal tracing.
 *
 * <p>The module has no runtime dependencies. JSpecify is read at compile time only
 * ({@code requires static transitive}, so that users compiling against the module see the annotations); every exported package is {@code @NullMarked}.
 */
module io.github.domainevents {
  requires static transitive org.jspecify;

  exports io.github.domainevents;
  exports io.github.domainevents.aggregate;
  exports io.github.domainevents.trace;
  exports io.github.domainevents.wire;
}
