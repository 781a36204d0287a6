package io.github.domainevents.spring.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.domainevents.DomainEvent;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The starter uses only what the core exports: no class of a package the core's compiled {@code
 * module-info} contains but does not export (such as {@code io.github.domainevents.internal}), so
 * that the rule follows the core's exports as they change. (The starter itself has no module
 * descriptor; the core's is the reference.)
 */
class UsesOnlyCoreApiTest {
  private static final String CORE = "io.github.domainevents";
  private static final String OWN = "io.github.domainevents.spring.boot";

  @Test
  void dependsOnlyOnTheCoresExportedPackages() throws Exception {
    ModuleDescriptor core = coreDescriptor();
    Set<String> exported =
        core.exports().stream()
            .filter(export -> !export.isQualified())
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet());
    Set<String> hidden =
        core.packages().stream().filter(pkg -> !exported.contains(pkg)).collect(Collectors.toSet());
    JavaClasses own =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(OWN);

    noClasses()
        .should()
        .dependOnClassesThat(
            new DescribedPredicate<JavaClass>(
                "are in a package of the core it does not export (exported: " + exported + ")") {
              @Override
              public boolean test(JavaClass type) {
                return hidden.contains(type.getBaseComponentType().getPackageName());
              }
            })
        .check(own);
    // the rule has something to check: the starter's classes were imported
    org.assertj.core.api.Assertions.assertThat(own.contain(DomainEventsProperties.class)).isTrue();
    org.assertj.core.api.Assertions.assertThat(hidden).contains(CORE + ".internal");
  }

  private static ModuleDescriptor coreDescriptor() throws Exception {
    Path core =
        Path.of(DomainEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ModuleFinder.of(core).findAll().stream()
        .map(ModuleReference::descriptor)
        .filter(d -> d.name().equals(CORE))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no module " + CORE + " at " + core));
  }
}
