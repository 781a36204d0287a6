package io.github.domainevents.test.outside;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The compiled module-info exports exactly the kit's package and requires only core, AssertJ and JUnit. */
class ModuleDescriptorTest {

  @Test
  void exportsOnlyTheTestKitPackage() throws Exception {
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }

    assertThat(module.name()).isEqualTo("io.github.domainevents.test");
    assertThat(module.exports())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactly("io.github.domainevents.test");
    assertThat(module.requires().stream().map(Requires::name).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "java.base", "io.github.domainevents", "org.assertj.core", "org.junit.jupiter.api",
            "org.jspecify");
  }
}
