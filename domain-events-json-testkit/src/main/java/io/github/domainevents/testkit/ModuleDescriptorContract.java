package io.github.domainevents.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An integration module's compiled {@code module-info}: its name, exactly the packages it
 * exports and exactly the modules it requires, so that a new export or dependency is a visible
 * change. Every integration module runs it with its own descriptor, from the module's directory
 * (where {@code target/classes} is).
 */
public abstract class ModuleDescriptorContract {
  private final String name;
  private final List<String> exports;
  private final Set<String> requires;

  /**
   * @param name the module's name
   * @param exports the packages it exports, all of them
   * @param requires the modules it requires, all of them ({@code java.base} included)
   */
  protected ModuleDescriptorContract(String name, List<String> exports, Set<String> requires) {
    this.name = name;
    this.exports = List.copyOf(exports);
    this.requires = Set.copyOf(requires);
  }

  @Test
  void exportsExactlyItsApiPackages() throws IOException {
    ModuleDescriptor module = compiled();

    assertThat(module.name()).isEqualTo(name);
    assertThat(module.exports())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrderElementsOf(exports);
  }

  @Test
  void requiresExactlyItsDependencies() throws IOException {
    assertThat(compiled().requires().stream()
        .map(ModuleDescriptor.Requires::name)
        .collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(requires);
  }

  private static ModuleDescriptor compiled() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }
}
