package io.github.domainevents.testkit;

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
 * An integration module uses only what the core exports: no class of the core's non-exported
 * packages (such as {@code io.github.domainevents.internal}), read from the core's compiled
 * {@code module-info}, so that the rule follows the core's exports as they change. Every
 * integration module runs it with its own package.
 */
public abstract class UsesOnlyCoreApiContract {
  private static final String CORE = "io.github.domainevents";

  private final String own;

  /**
   * @param ownPackage the module's root package; its classes (main code only) are checked
   */
  protected UsesOnlyCoreApiContract(String ownPackage) {
    this.own = ownPackage;
  }

  @Test
  void dependsOnlyOnTheCoresExportedPackages() throws Exception {
    Set<String> exported = coreExports();
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(own);

    noClasses()
        .should().dependOnClassesThat(new DescribedPredicate<JavaClass>(
            "are in a package of the core it does not export (exported: " + exported + ")") {
          @Override
          public boolean test(JavaClass type) {
            String pkg = type.getBaseComponentType().getPackageName();
            boolean core = pkg.equals(CORE) || pkg.startsWith(CORE + ".");
            boolean ownPackage = pkg.equals(own) || pkg.startsWith(own + ".");
            return core && !ownPackage && !exported.contains(pkg);
          }
        })
        .check(classes);
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
