package io.github.domainevents.test.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Testing" section shows exactly the code of {@link InviteTest}, which runs. */
class ReadmeTestingTest {

  @Test
  void readmeShowsTheUnitTestAndTheAsyncTestVerbatim() throws IOException {
    String source = Files.readString(
        Path.of("src/test/java/io/github/domainevents/test/readme/InviteTest.java"));
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(readme)
        .contains(region(source, "unit") + "\n  // ...")
        .contains(region(source, "async"));
  }

  private static String region(String source, String tag) {
    String start = "// tag::" + tag + "[]";
    String end = "// end::" + tag + "[]";
    int from = source.indexOf(start);
    int to = source.indexOf(end);
    assertThat(from).as("tag %s", tag).isNotNegative();
    return source.substring(source.indexOf('\n', from) + 1, to).stripTrailing().stripIndent();
  }
}
