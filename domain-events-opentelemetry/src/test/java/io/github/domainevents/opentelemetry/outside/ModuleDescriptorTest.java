package io.github.domainevents.opentelemetry.outside;

import io.github.domainevents.testkit.ModuleDescriptorContract;
import java.util.List;
import java.util.Set;

/**
 * The shared {@link ModuleDescriptorContract}: exports only the OpenTelemetry package, requires
 * core and the API.
 */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  ModuleDescriptorTest() {
    super("io.github.domainevents.opentelemetry", List.of("io.github.domainevents.opentelemetry"),
        Set.of(
            "java.base",
            "io.github.domainevents",
            "io.opentelemetry.api",
            "io.opentelemetry.context",
            "org.jspecify"),
        Set.of("DomainEventsTelemetry", "EventSpans"));
  }
}
