package io.github.domainevents.opentelemetry;

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
 * This module uses only what the core exports: no class of the core's non-exported packages
 * (such as {@code io.github.domainevents.internal}), read from the core's compiled {@code
 * module-info}, so that the rule follows the core's exports as they change.
 */
class UsesOnlyCoreApiTest {
  private static final String CORE = "io.github.domainevents";
  private static final String OWN = "io.github.domainevents.opentelemetry";

  @Test
  void dependsOnlyOnTheCoresExportedPackages() throws Exception {
    Set<String> exported = coreExports();
    JavaClasses own = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(OWN);

    noClasses()
        .should().dependOnClassesThat(new DescribedPredicate<JavaClass>(
            "are in a package of the core it does not export (exported: " + exported + ")") {
          @Override
          public boolean test(JavaClass type) {
            String pkg = type.getBaseComponentType().getPackageName();
            boolean core = pkg.equals(CORE) || pkg.startsWith(CORE + ".");
            boolean ownPackage = pkg.equals(OWN) || pkg.startsWith(OWN + ".");
            return core && !ownPackage && !exported.contains(pkg);
          }
        })
        .check(own);
  }

  private static Set<String> coreExports() throws Exception {
    Path core = Path.of(DomainEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor descriptor = ModuleFinder.of(core).findAll().stream()
        .map(ModuleReference::descriptor)
        .filter(d -> d.name().equals(CORE))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no module " + CORE + " at " + core));
    return descriptor.exports().stream()
        .filter(export -> !export.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toSet());
  }
}
