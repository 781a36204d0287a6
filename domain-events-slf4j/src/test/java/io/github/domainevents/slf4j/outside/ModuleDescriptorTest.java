package io.github.domainevents.slf4j.outside;

import io.github.domainevents.testkit.ModuleDescriptorContract;
import java.util.List;
import java.util.Set;

/**
 * The shared {@link ModuleDescriptorContract}: exports only the slf4j package, requires core and
 * the SLF4J API.
 */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  ModuleDescriptorTest() {
    super("io.github.domainevents.slf4j", List.of("io.github.domainevents.slf4j"),
        Set.of(
            "java.base",
            "io.github.domainevents",
            "org.slf4j",
            "org.jspecify"),
        Set.of("EventMdc"));
  }
}
