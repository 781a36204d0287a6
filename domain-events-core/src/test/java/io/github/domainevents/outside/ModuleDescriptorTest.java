package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compiled {@code module-info}: the module's name, exactly which packages it exports, and
 * that it needs nothing but the JDK at run time.
 */
class ModuleDescriptorTest {
  private static ModuleDescriptor descriptor;

  @BeforeAll
  static void readCompiledDescriptor() throws Exception {
    Path classes = Path.of(DomainEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleReference module =
        ModuleFinder.of(classes)
            .find("io.github.domainevents")
            .orElseThrow(() -> new AssertionError("no module io.github.domainevents in " + classes));
    descriptor = module.descriptor();
  }

  @Test
  void moduleIsNamedAfterTheRootPackageAndIsNotOpenOrAutomatic() {
    assertThat(descriptor.name()).isEqualTo("io.github.domainevents");
    assertThat(descriptor.isAutomatic()).isFalse();
    assertThat(descriptor.isOpen()).isFalse();
    assertThat(descriptor.opens()).isEmpty();
  }

  @Test
  void exportsExactlyTheApiPackagesToEveryone() {
    assertThat(descriptor.exports())
        .allSatisfy(export -> assertThat(export.isQualified()).as(export.source()).isFalse());
    assertThat(descriptor.exports().stream().map(Exports::source).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("io.github.domainevents", "io.github.domainevents.aggregate", "io.github.domainevents.trace",
            "io.github.domainevents.wire");
    // internal holds machinery shared by the packages: in the module, never exported
    assertThat(descriptor.packages())
        .containsExactlyInAnyOrder("io.github.domainevents", "io.github.domainevents.aggregate", "io.github.domainevents.trace",
            "io.github.domainevents.wire", "io.github.domainevents.internal");
  }

  @Test
  void requiresOnlyJavaBaseAndJspecifyAtCompileTime() {
    Map<String, Set<Requires.Modifier>> requires =
        descriptor.requires().stream()
            .collect(Collectors.toMap(Requires::name, Requires::modifiers));

    assertThat(requires).containsOnlyKeys("java.base", "org.jspecify");
    assertThat(requires.get("org.jspecify"))
        .containsExactlyInAnyOrder(Requires.Modifier.STATIC, Requires.Modifier.TRANSITIVE);
    assertThat(requires.get("java.base")).doesNotContain(Requires.Modifier.STATIC);
  }

  @Test
  void noRuntimeDependencyOtherThanTheJdk() {
    assertThat(descriptor.requires())
        .filteredOn(r -> !r.modifiers().contains(Requires.Modifier.STATIC))
        .extracting(Requires::name)
        .containsExactly("java.base");
    assertThat(descriptor.uses()).isEmpty();
    assertThat(descriptor.provides()).isEmpty();
  }
}
