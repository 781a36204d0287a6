package io.github.domainevents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start: its commands block holds the two commands CI runs, its Java block is
 * {@link QuickStart}'s whole source, and the output it shows is what that code prints (ids
 * differ from run to run, and the causation id is the invite's id).
 */
class ReadmeQuickStartTest {
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /**
   * The code blocks of the README's "Quick start" section, in order, each with its opening fence
   * as its first line.
   */
  static List<String> quickStartBlocks() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("../README.md"));
    List<String> blocks = new ArrayList<>();
    int start = lines.indexOf("## Quick start");
    StringBuilder block = null;
    for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
      String line = lines.get(i);
      if (block == null && line.startsWith("```")) {
        block = new StringBuilder(line).append('\n');
      } else if (block != null && line.equals("```")) {
        blocks.add(block.toString());
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }

  @Test
  void commandsBlock_holdsExactlyTheTwoCommandsCiRuns() throws IOException {
    assertThat(quickStartBlocks().get(0).lines())
        .containsExactly("```",
            "./mvnw -B -q -pl examples -am compile exec:java", "./mvnw -B clean verify");
  }

  /** The first Java block of the section, without its fence. */
  static String javaBlock() throws IOException {
    return withoutFence(quickStartBlocks().get(javaBlockIndex()));
  }

  /** The block after the Java block: its output. */
  static String outputBlock() throws IOException {
    return withoutFence(quickStartBlocks().get(javaBlockIndex() + 1));
  }

  private static int javaBlockIndex() throws IOException {
    List<String> blocks = quickStartBlocks();
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).startsWith("```java\n")) {
        return i;
      }
    }
    throw new AssertionError("no ```java block under ## Quick start");
  }

  private static String withoutFence(String block) {
    return block.substring(block.indexOf('\n') + 1);
  }

  @Test
  void readmeShowsExactlyTheWholeQuickStartSource() throws IOException {
    String source =
        Files.readString(Path.of("src/main/java/io/github/domainevents/examples/QuickStart.java"));

    assertThat(javaBlock()).isEqualTo(source);
  }

  @Test
  void quickStartPrintsWhatTheReadmeShows() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    List<String> printed = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    List<String> shown = outputBlock().lines().toList();

    assertThat(printed).hasSameSizeAs(shown);
    for (int i = 0; i < shown.size(); i++) {
      assertThat(printed.get(i)).matches(UUID_TEXT.matcher(Pattern.quote(shown.get(i)))
          .replaceAll(Matcher.quoteReplacement("\\E" + UUID_TEXT.pattern() + "\\Q")));
    }
    String inviteId = printed.get(0).split(" ")[1];
    assertThat(printed.get(2)).endsWith("caused by " + inviteId);
    assertThat(shown.get(2)).endsWith("caused by " + shown.get(0).split(" ")[1]);
  }
}
