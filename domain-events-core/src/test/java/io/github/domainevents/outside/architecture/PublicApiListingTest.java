package io.github.domainevents.outside.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.domainevents.DomainEvent;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of the core is exactly what {@code src/test/resources/api/core-api.txt} lists:
 * every public or protected type, constructor, method and field of the exported packages, with
 * its signature. Any change to the API is then a visible diff in review.
 *
 * <p>After an intended change, regenerate the listing with:
 *
 * <pre>{@code
 * ./mvnw -B -q -o -pl domain-events-core -am test -Dtest=PublicApiListingTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true
 * }</pre>
 */
class PublicApiListingTest {
  static final String UPDATE_COMMAND =
      "./mvnw -B -q -o -pl domain-events-core -am test -Dtest=PublicApiListingTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true";

  private static final Path LISTING = Path.of("src/test/resources/api/core-api.txt");

  @Test
  void publicApiMatchesTheCheckedInListing() throws Exception {
    List<String> actual = listing();
    if (Boolean.getBoolean("api.update")) {
      Files.createDirectories(LISTING.getParent());
      Files.write(LISTING, actual, StandardCharsets.UTF_8);
      return;
    }
    List<String> expected =
        Files.exists(LISTING) ? Files.readAllLines(LISTING, StandardCharsets.UTF_8) : List.of();
    if (!expected.equals(actual)) {
      fail("The public API of domain-events-core differs from " + LISTING + ".\n"
          + "Lines starting with - are in the listing but no longer in the classes; + are new:\n"
          + diff(expected, actual)
          + "\nIf the change is intended, regenerate the listing and commit it:\n  "
          + UPDATE_COMMAND + "\n");
    }
  }

  @Test
  void listingNamesTheCoreTypesAndNoInternalOne() throws Exception {
    List<String> actual = listing();
    assertThat(actual).anyMatch(line -> line.contains("interface io.github.domainevents.DomainEvent"));
    assertThat(actual).noneMatch(line -> line.contains("io.github.domainevents.internal."));
    assertThat(actual).noneMatch(line -> line.contains("AmbientContext"));
  }

  /** One line per type (unindented), then one per member (indented), all sorted. */
  static List<String> listing() throws IOException, URISyntaxException {
    Path classes = Path.of(DomainEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor descriptor = ModuleFinder.of(classes).findAll().stream()
        .map(ModuleReference::descriptor)
        .filter(d -> d.name().equals("io.github.domainevents"))
        .findFirst()
        .orElseThrow();
    Set<String> exported = descriptor.exports().stream()
        .filter(export -> !export.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
    List<Class<?>> types = new ArrayList<>();
    for (String pkg : exported) {
      Path dir = classes.resolve(pkg.replace('.', '/'));
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          String simple = file.getFileName().toString().replace(".class", "");
          if (simple.equals("package-info")) {
            continue;
          }
          Class<?> type;
          try {
            type = Class.forName(pkg + "." + simple, false, DomainEvent.class.getClassLoader());
          } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
          }
          if (isApi(type)) {
            types.add(type);
          }
        }
      }
    }
    types.sort((a, b) -> a.getName().compareTo(b.getName()));
    List<String> lines = new ArrayList<>();
    for (Class<?> type : types) {
      lines.add(describe(type));
      Set<String> members = new TreeSet<>();
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (isApi(constructor.getModifiers()) && !constructor.isSynthetic()) {
          members.add(constructor.toGenericString());
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (isApi(field.getModifiers()) && !field.isSynthetic()) {
          members.add(field.toGenericString());
        }
      }
      for (Method method : methods(type)) {
        members.add(method.toGenericString());
      }
      members.forEach(member -> lines.add("  " + member));
    }
    return lines;
  }

  /** Declared public/protected methods, plus public ones inherited from non-API supertypes. */
  private static List<Method> methods(Class<?> type) {
    Set<Method> found = new LinkedHashSet<>();
    for (Method method : type.getDeclaredMethods()) {
      if (isApi(method.getModifiers()) && !method.isSynthetic()) {
        found.add(method);
      }
    }
    for (Method method : type.getMethods()) {
      Class<?> owner = method.getDeclaringClass();
      if (owner.getName().startsWith("java.") || (isApi(owner) && owner != type)) {
        continue;
      }
      if (method.isBridge() && hasNonBridgeTwin(type, method)) {
        continue; // a generic bridge: its real method is listed
      }
      found.add(method);
    }
    return new ArrayList<>(found);
  }

  private static boolean hasNonBridgeTwin(Class<?> type, Method bridge) {
    return Arrays.stream(type.getMethods())
        .anyMatch(m -> !m.isBridge()
            && m.getName().equals(bridge.getName())
            && m.getParameterCount() == bridge.getParameterCount());
  }

  private static boolean isApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic() || !isApi(c.getModifiers())) {
        return false;
      }
      if (c.getEnclosingClass() == null && !Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isApi(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String describe(Class<?> type) {
    // JDK 17 leaves "sealed" out of toGenericString, later JDKs print it: drop it, so that the
    // listing is the same on every JDK; the permits clause below shows a sealed type.
    String generic = type.toGenericString().replace("non-sealed ", "").replace("sealed ", "");
    StringBuilder line = new StringBuilder(generic);
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      line.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0 && !type.isAnnotation()) {
      line.append(type.isInterface() ? " extends " : " implements ")
          .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    if (type.isSealed()) {
      line.append(" permits ")
          .append(Arrays.stream(type.getPermittedSubclasses())
              .map(Class::getName)
              .sorted()
              .collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  private static String diff(List<String> expected, List<String> actual) {
    Set<String> removed = new LinkedHashSet<>(expected);
    actual.forEach(removed::remove);
    Set<String> added = new LinkedHashSet<>(actual);
    expected.forEach(added::remove);
    StringBuilder text = new StringBuilder();
    removed.forEach(line -> text.append("- ").append(line.strip()).append('\n'));
    added.forEach(line -> text.append("+ ").append(line.strip()).append('\n'));
    if (removed.isEmpty() && added.isEmpty()) {
      text.append("(same lines, different order)\n");
    }
    return text.toString();
  }
}
