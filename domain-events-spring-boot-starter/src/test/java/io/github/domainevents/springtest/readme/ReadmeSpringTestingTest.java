package io.github.domainevents.springtest.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "Testing with Spring Boot" block is {@link InviteServiceTest} verbatim (which
 * Surefire runs as a test of its own); the examples module's ReadmeJavaBlocksTest skips that
 * block, since Spring is not on its class path.
 */
class ReadmeSpringTestingTest {
  private static final String START = "// tag::spring-testing[]";
  private static final String END = "// end::spring-testing[]";

  @Test
  void readmeShowsExactlyTheTestedExample() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/io/github/domainevents/springtest/readme/InviteServiceTest.java"));
    String region = source.substring(source.indexOf(START) + START.length(), source.indexOf(END));
    String readme = Files.readString(Path.of("../README.md"));
    int section = readme.indexOf("### Testing with Spring Boot");

    assertThat(section).as("README section '### Testing with Spring Boot'").isNotNegative();
    assertThat(readme.substring(section)).contains("```java\n" + region.strip() + "\n```");
  }
}
