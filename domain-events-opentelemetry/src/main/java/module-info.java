/**
 * OpenTelemetry integration for domain events: a span per handler invocation, and the W3C trace
 * context carried in each event's metadata.
 *
 * <p>Exports one package, {@code io.github.domainevents.opentelemetry}, whose entry point is
 * {@link io.github.domainevents.opentelemetry.DomainEventsTelemetry}. The OpenTelemetry jars are
 * automatic modules ({@code Automatic-Module-Name} in their manifests), hence the suppressed
 * lint warnings.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.domainevents.opentelemetry {
  requires transitive io.github.domainevents;
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;
  requires static org.jspecify;

  exports io.github.domainevents.opentelemetry;
}
