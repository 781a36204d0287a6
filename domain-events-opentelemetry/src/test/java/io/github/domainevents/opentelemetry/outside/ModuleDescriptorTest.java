package io.github.domainevents.opentelemetry.outside;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The compiled module-info exports exactly the public package and requires only what it should. */
class ModuleDescriptorTest {

  @Test
  void exportsOnlyTheOpenTelemetryPackageAndRequiresCoreAndTheApi() throws Exception {
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }

    assertThat(module.name()).isEqualTo("io.github.domainevents.opentelemetry");
    assertThat(module.exports())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactly("io.github.domainevents.opentelemetry");
    assertThat(module.requires().stream().map(Requires::name).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "java.base",
            "io.github.domainevents",
            "io.opentelemetry.api",
            "io.opentelemetry.context",
            "org.jspecify");
  }
}
