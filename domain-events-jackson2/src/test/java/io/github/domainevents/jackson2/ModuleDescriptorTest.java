package io.github.domainevents.jackson2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.testkit.ModuleDescriptorContract;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shared {@link ModuleDescriptorContract}: the module exports exactly its one API package; the
 * adapters stay package-private.
 */
class ModuleDescriptorTest extends ModuleDescriptorContract {
  ModuleDescriptorTest() {
    super("io.github.domainevents.jackson2", List.of("io.github.domainevents.jackson2"),
        Set.of(
            "java.base",
            "io.github.domainevents",
            "com.fasterxml.jackson.databind",
            "com.fasterxml.jackson.module.paramnames",
            "org.jspecify"));
  }

  @Test
  void publicTypesAreTheModuleAndTheFacade() {
    assertThat(Modifier.isPublic(EventJson.class.getModifiers())).isTrue();
    assertThat(Modifier.isPublic(DomainEventModule.class.getModifiers())).isTrue();
    assertThat(Modifier.isPublic(EventDeserializer.class.getModifiers())).isFalse();
    assertThat(Modifier.isPublic(EventSerializer.class.getModifiers())).isFalse();
  }
}
