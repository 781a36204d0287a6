package io.github.domainevents.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block in the README compiles, for JDK 17 ({@code --release 17}), against
 * the reactor's classes.
 *
 * <p>How a block is compiled, decided by its first line of code (comments and annotations
 * skipped):
 *
 * <ul>
 *   <li>starting with {@code package} or {@code import}: as a source file of its own, exactly as
 *       shown (the quick start);
 *   <li>declaring a type ({@code class}, {@code record}, {@code interface}, {@code enum}, after
 *       any modifiers): as types nested in an interface extending {@link ReadmeTypes}, so they
 *       are static, as they would be as top-level types;
 *   <li>starting with another member (a method, with or without modifiers): as members of a
 *       class extending {@link ReadmeContext};
 *   <li>anything else: as statements, the body of a method of such a class.
 * </ul>
 *
 * <p>The wrapper imports the library's packages ({@code io.github.domainevents}, {@code
 * .aggregate}, {@code .trace}, {@code .slf4j}, {@code .opentelemetry}, {@code .jackson}, {@code
 * .test} with {@code EventAssertions.assertThat}), JUnit Jupiter's API and the everyday JDK ones; {@link ReadmeTypes} and {@link ReadmeContext} declare the names fragments
 * use without declaring them. Blocks are found wherever they are, indented or not, so sections added or rewritten by
 * anyone are checked too.
 */
class ReadmeJavaBlocksTest {
  /**
   * The one section not compiled here: its block needs Spring, which this module does not have;
   * {@code ReadmeExampleTest} in domain-events-spring-boot-starter checks that it is, verbatim, a
   * source file that compiles there and runs it.
   */
  private static final String SPRING_BOOT_SECTION = "## Spring Boot";

  /** Needs Spring too; the starter's ReadmeSpringTestingTest checks and runs it. */
  private static final String SPRING_BOOT_TESTING_SECTION = "### Testing with Spring Boot";

  /** Needs Spring too; the starter's ReadmeExampleTest checks and runs it. */
  private static final String SPRING_BOOT_OUTBOX_SECTION = "### Outbox, relay and Kafka in Spring Boot";

  private static final Pattern FENCE = Pattern.compile("^(\\s*)```java\\s*$");
  private static final Pattern MEMBER_START = Pattern.compile(
      "^(public|protected|private|static|final|abstract|sealed|non-sealed|class|record|interface"
          + "|enum)\\b.*");
  /** A method declared without modifiers, as in a test class: {@code void name(..) {}. */
  private static final Pattern METHOD_START = Pattern.compile(
      "^[\\w<>\\[\\],.? ]*\\w\\s+\\w+\\s*\\([^=]*\\)\\s*(throws\\s+[\\w.,\\s]+)?\\{?\\s*$");
  private static final Pattern TYPE_START = Pattern.compile(
      "^((public|protected|private|static|final|abstract|sealed|non-sealed)\\s+)*"
          + "(class|record|interface|enum)\\b.*");
  private static final String IMPORTS = String.join("\n",
      "import io.github.domainevents.*;",
      "import io.github.domainevents.aggregate.*;",
      "import io.github.domainevents.trace.*;",
      "import io.github.domainevents.wire.*;",
      "import io.github.domainevents.slf4j.*;",
      "import io.github.domainevents.opentelemetry.*;",
      "import io.github.domainevents.jackson.*;",
      "import io.github.domainevents.test.*;",
      "import static io.github.domainevents.test.EventAssertions.assertThat;",
      "import org.junit.jupiter.api.*;",
      "import org.junit.jupiter.api.extension.ExtendWith;",
      "import com.fasterxml.jackson.annotation.JsonCreator;",
      "import tools.jackson.databind.json.JsonMapper;",
      "import java.io.IOException;",
      "import java.net.URI;",
      "import java.time.*;",
      "import java.util.*;",
      "import java.util.concurrent.*;",
      "");

  /** One {@code ```java} block: where it starts (1-based line) and its code, unindented. */
  record Block(int line, String heading, String code) {
    String firstCodeLine() {
      for (String text : code.lines().map(String::strip).toList()) {
        if (!text.isEmpty() && !text.startsWith("//") && !text.startsWith("/*")
            && !text.startsWith("*") && !text.startsWith("@")) {
          return text;
        }
      }
      return "";
    }
  }

  static List<Block> javaBlocks(List<String> readme) {
    List<Block> blocks = new ArrayList<>();
    String heading = "";
    for (int i = 0; i < readme.size(); i++) {
      String line = readme.get(i);
      if (line.startsWith("#")) {
        heading = line;
      }
      Matcher fence = FENCE.matcher(line);
      if (!fence.matches()) {
        continue;
      }
      if (heading.equals(SPRING_BOOT_SECTION) || heading.equals(SPRING_BOOT_TESTING_SECTION)
          || heading.equals(SPRING_BOOT_OUTBOX_SECTION)) {
        continue; // compiled and run by the starter's ReadmeExampleTest, with Spring on its path
      }
      String indent = fence.group(1);
      StringBuilder code = new StringBuilder();
      int start = i + 1;
      for (i++; i < readme.size() && !readme.get(i).strip().equals("```"); i++) {
        String content = readme.get(i);
        code.append(content.startsWith(indent) ? content.substring(indent.length()) : content)
            .append('\n');
      }
      blocks.add(new Block(start, heading, code.toString()));
    }
    return blocks;
  }

  static List<String> readme() throws IOException {
    return Files.readAllLines(Path.of("../README.md"));
  }

  /** Turns a block into a compilation unit, as the class description says. */
  static JavaFileObject source(Block block) {
    String first = block.firstCodeLine();
    if (first.startsWith("package ") || first.startsWith("import ")) {
      Matcher type = Pattern.compile("(?m)^public (?:final )?(?:class|record|interface) (\\w+)")
          .matcher(block.code());
      String name = type.find() ? type.group(1) : "Block" + block.line();
      return new Source(name, block.code());
    }
    String name = "Block" + block.line();
    String wrapper;
    String body;
    if (TYPE_START.matcher(first).matches()) {
      wrapper = "interface " + name + " extends " + ReadmeTypes.class.getName();
      body = block.code();
    } else {
      wrapper = "class " + name + " extends " + ReadmeContext.class.getName();
      body = MEMBER_START.matcher(first).matches() || METHOD_START.matcher(first).matches()
          ? block.code()
          : "void run() throws Exception {\n" + block.code() + "}\n";
    }
    return new Source(name, "package readme;\n" + IMPORTS
        + "// README line " + block.line() + ", " + block.heading() + "\n"
        + "@SuppressWarnings(\"all\")\n" + wrapper + " {\n" + body + "}\n");
  }

  /** The class path the tests run with: the reactor's modules, their dependencies, the tests. */
  static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  @Test
  void readmeHasJavaBlocksToCheck() throws IOException {
    List<Block> blocks = javaBlocks(readme());

    assertThat(blocks).hasSizeGreaterThanOrEqualTo(10);
    assertThat(blocks.get(0).heading()).isEqualTo("## Quick start");
  }

  @Test
  void everyJavaBlockInTheReadme_compilesForJdk17() throws IOException {
    Path out = Files.createTempDirectory("readme-blocks");
    List<JavaFileObject> sources = new ArrayList<>();
    for (Block block : javaBlocks(readme())) {
      sources.add(source(block));
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();

    boolean compiled = compiler.getTask(null, null, diagnostics,
        List.of("--release", "17", "-proc:none", "-implicit:none", "-nowarn",
            "-classpath", classPath(), "-d", out.toString()),
        null, sources).call();

    List<String> errors = new ArrayList<>();
    Set<JavaFileObject> shown = new HashSet<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        JavaFileObject file = diagnostic.getSource();
        errors.add((file == null ? "" : file.getName() + ":" + diagnostic.getLineNumber() + ": ")
            + diagnostic.getMessage(Locale.ROOT)
            + (file == null || !shown.add(file) ? "" : "\nin:\n" + file.getCharContent(true)));
      }
    }
    assertThat(errors).as("README blocks that do not compile").isEmpty();
    assertThat(compiled).isTrue();
    assertThat(out.toFile().listFiles()).isNotEmpty();
  }

  /** An in-memory source file. */
  static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(URI.create("string:///" + className.replace('.', File.separatorChar)
          + Kind.SOURCE.extension), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
