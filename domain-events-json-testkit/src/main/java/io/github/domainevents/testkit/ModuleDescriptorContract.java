package io.github.domainevents.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An integration module's compiled {@code module-info} and API: its name, exactly the packages
 * it exports, exactly the modules it requires, and exactly the public types of its exported
 * packages, so that a new export, dependency or public type is a visible change. Every
 * integration module runs it with its own descriptor, from the module's directory (where {@code
 * target/classes} is).
 */
public abstract class ModuleDescriptorContract {
  private static final Path CLASSES = Path.of("target/classes");

  private final String name;
  private final List<String> exports;
  private final Set<String> requires;
  private final Set<String> publicTypes;

  /**
   * @param name the module's name
   * @param exports the packages it exports, all of them
   * @param requires the modules it requires, all of them ({@code java.base} included)
   * @param publicTypes the public types of the exported packages, all of them, by their binary
   *     name without the package ({@code EventJson$Builder} for a nested type)
   */
  protected ModuleDescriptorContract(
      String name, List<String> exports, Set<String> requires, Set<String> publicTypes) {
    this.name = name;
    this.exports = List.copyOf(exports);
    this.requires = Set.copyOf(requires);
    this.publicTypes = Set.copyOf(publicTypes);
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

  @Test
  void theExportedPackagesHoldExactlyTheApisPublicTypes() throws Exception {
    Set<String> found = new HashSet<>();
    ClassLoader loader = getClass().getClassLoader();
    for (String exported : exports) {
      try (Stream<Path> files = Files.list(CLASSES.resolve(exported.replace('.', '/')))) {
        for (Path file : files.toList()) {
          String simple = file.getFileName().toString();
          if (!simple.endsWith(".class") || simple.equals("package-info.class")) {
            continue;
          }
          String binary = simple.substring(0, simple.length() - ".class".length());
          Class<?> type = Class.forName(exported + "." + binary, false, loader);
          if (Modifier.isPublic(type.getModifiers())) {
            found.add(binary);
          }
        }
      }
    }

    assertThat(found).containsExactlyInAnyOrderElementsOf(publicTypes);
  }

  private static ModuleDescriptor compiled() throws IOException {
    try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }
}
