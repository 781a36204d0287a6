package io.github.domainevents.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The module exports exactly its one API package; the adapters stay package-private. */
class ModuleDescriptorTest {
  @Test
  void exportsOnlyTheApiPackage() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      ModuleDescriptor descriptor = ModuleDescriptor.read(in);

      assertThat(descriptor.name()).isEqualTo("io.github.domainevents.jackson");
      assertThat(descriptor.exports())
          .extracting(ModuleDescriptor.Exports::source)
          .containsExactly("io.github.domainevents.jackson");
    }
  }

  @Test
  void publicTypesAreTheModuleAndTheFacade() {
    assertThat(java.lang.reflect.Modifier.isPublic(EventJson.class.getModifiers())).isTrue();
    assertThat(java.lang.reflect.Modifier.isPublic(DomainEventModule.class.getModifiers())).isTrue();
    assertThat(java.lang.reflect.Modifier.isPublic(EventDeserializer.class.getModifiers())).isFalse();
    assertThat(java.lang.reflect.Modifier.isPublic(EventSerializer.class.getModifiers())).isFalse();
  }
}
