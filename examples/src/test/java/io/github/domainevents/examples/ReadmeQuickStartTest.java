package io.github.domainevents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's quick start is the code in {@link QuickStart}, and that code works. */
class ReadmeQuickStartTest {
  private static final String START = "// tag::quickstart[]";
  private static final String END = "// end::quickstart[]";

  @Test
  void readmeShowsExactlyTheQuickStartSource() throws IOException {
    String source =
        Files.readString(Path.of("src/main/java/io/github/domainevents/examples/QuickStart.java"));
    String region = source.substring(source.indexOf(START) + START.length(), source.indexOf(END));
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(readme).contains(region.stripIndent().strip());
  }

  @Test
  void quickStartRunsAndShowsAutomaticCausation() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    String inviteId = output.lines().findFirst().orElseThrow().split(" ")[1];
    assertThat(output)
        .contains("(invite.created)")
        .contains("mailing ada@example.com")
        .contains("caused by " + inviteId);
  }
}
