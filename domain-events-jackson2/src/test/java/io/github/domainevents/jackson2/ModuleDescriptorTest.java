package io.github.domainevents.jackson2;

import io.github.domainevents.testkit.ModuleDescriptorContract;
import java.util.List;
import java.util.Set;

/**
 * The shared {@link ModuleDescriptorContract}: the module exports exactly its one API package,
 * whose public types are the module and the facade; the adapters stay package-private.
 */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  ModuleDescriptorTest() {
    super("io.github.domainevents.jackson2", List.of("io.github.domainevents.jackson2"),
        Set.of(
            "java.base",
            "io.github.domainevents",
            "com.fasterxml.jackson.databind",
            "com.fasterxml.jackson.module.paramnames",
            "org.jspecify"),
        Set.of("DomainEventModule", "EventJson", "EventJson$Builder"));
  }
}
