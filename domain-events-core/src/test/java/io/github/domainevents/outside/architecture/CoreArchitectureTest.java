package io.github.domainevents.outside.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the core, read from its compiled classes: it depends on nothing outside the
 * JDK and JSpecify, its packages form no cycle, and the classes of its root package form no
 * cycle either (a cycle there is a knot every later change has to untie).
 */
class CoreArchitectureTest {
  private static final String ROOT = "io.github.domainevents";

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void coreDependsOnNothingButTheJdkAndJspecify() {
    classes()
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jspecify..", ROOT + "..")
        .check(core);
  }

  @Test
  void corePackagesFormNoCycle() {
    slices()
        .assignedFrom(new SliceAssignment() {
          @Override
          public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
          }

          @Override
          public String getDescription() {
            return "core packages";
          }
        })
        .should().beFreeOfCycles()
        .check(core);
  }

  @Test
  void internalPackageDependsOnNoApiPackage() {
    classes().that().resideInAPackage(ROOT + ".internal..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jspecify..", ROOT + ".internal..")
        .check(core);
  }

  /**
   * The cycles the root package keeps, both of one shape: an interface whose static factories
   * return package-private implementations, which implement it. {@code EventIdGenerator}'s
   * factories ({@code timeOrdered()}, {@code random()}, {@code sequential(..)}) and {@code
   * DeadEventHandler.ignore()}. Breaking them would take the factories off the interfaces (an API
   * change every user of {@code EventIdGenerator.sequential(..)} would feel) or need public nested
   * implementation classes; neither is worth it for leaves that depend on nothing else.
   */
  private static final Set<Set<String>> ACCEPTED_CYCLES = Set.of(
      Set.of(
          ROOT + ".EventIdGenerator",
          ROOT + ".RandomIdGenerator",
          ROOT + ".SequentialIdGenerator",
          ROOT + ".TimeOrderedIdGenerator"),
      Set.of(ROOT + ".DeadEventHandler", ROOT + ".IgnoredDeadEvents"));

  /**
   * Top-level classes of the root package (nested classes count as their outermost class) form
   * no dependency cycle other than {@link #ACCEPTED_CYCLES}: strongly connected components of
   * size one only. It pins the cycles broken in issue 9: the thread context with events and
   * headers, the handler registry with its entries, the dispatcher with its logging handlers;
   * and the one broken after issue 11: the dispatcher, its unit-of-work side (which runs held
   * handlers through a callback), the held events and the per-thread phase state (which holds
   * them as a plain synchronization).
   */
  @Test
  void rootPackageClassesFormNoCycle() {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (JavaClass type : core) {
      if (type.isArray() || !type.getPackageName().equals(ROOT)) {
        continue;
      }
      String from = outermost(type).getName();
      Set<String> targets = graph.computeIfAbsent(from, name -> new TreeSet<>());
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass().getBaseComponentType();
        if (target.getPackageName().equals(ROOT)) {
          String to = outermost(target).getName();
          if (!to.equals(from)) {
            targets.add(to);
          }
        }
      }
    }
    assertThat(stronglyConnectedComponents(graph))
        .as("cycles among the root package's classes")
        .filteredOn(component -> component.size() > 1)
        .containsExactlyInAnyOrderElementsOf(ACCEPTED_CYCLES);
  }

  private static JavaClass outermost(JavaClass type) {
    JavaClass current = type;
    while (current.getEnclosingClass().isPresent()) {
      current = current.getEnclosingClass().get();
    }
    return current;
  }

  /** Tarjan's algorithm, iterative enough for a package's worth of classes. */
  private static List<Set<String>> stronglyConnectedComponents(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> components = new ArrayList<>();
    int[] counter = {0};
    for (String node : graph.keySet()) {
      if (!index.containsKey(node)) {
        connect(node, graph, index, low, stack, onStack, components, counter);
      }
    }
    return components;
  }

  private static void connect(
      String node,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> components,
      int[] counter) {
    index.put(node, counter[0]);
    low.put(node, counter[0]);
    counter[0]++;
    stack.push(node);
    onStack.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        connect(next, graph, index, low, stack, onStack, components, counter);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      components.add(component);
    }
  }
}
