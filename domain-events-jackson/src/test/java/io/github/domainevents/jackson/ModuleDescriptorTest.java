package io.github.domainevents.jackson;

import io.github.domainevents.testkit.ModuleDescriptorContract;
import java.util.List;
import java.util.Set;

/**
 * The shared {@link ModuleDescriptorContract}: the module exports exactly its one API package,
 * whose public types are the module and the facade; the adapters stay package-private.
 */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  ModuleDescriptorTest() {
    super("io.github.domainevents.jackson", List.of("io.github.domainevents.jackson"),
        Set.of(
            "java.base",
            "io.github.domainevents",
            "tools.jackson.databind",
            "org.jspecify"),
        Set.of("DomainEventModule", "EventJson", "EventJson$Builder"));
  }
}
