package io.github.domainevents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo tells the invite story: the event's type, a version-7 id, time and metadata. */
class InviteDemoTest {
  private static final Pattern ID_LINE =
      Pattern.compile("^  id +([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}) "
          + "\\(version (\\d)\\)$", Pattern.MULTILINE);

  private static String runDemo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      InviteDemo.run(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_printsTheEventTypeAndAVersion7Id() {
    String output = runDemo();

    assertThat(output).contains("An invite was created:").containsPattern("(?m)^  type +invite\\.created$");
    Matcher idLine = ID_LINE.matcher(output);
    assertThat(idLine.find()).as(output).isTrue();
    UUID id = UUID.fromString(idLine.group(1));
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(idLine.group(2)).isEqualTo("7");
    // the event's own toString, printed last, is about the same event
    assertThat(output).contains("InviteCreated[header=EventHeader[id=" + id);
  }

  @Test
  void run_printsTheMetadataAndPayload() {
    String output = runDemo();

    assertThat(output)
        .contains("{source=invite-service, actor=ada@example.com}")
        .contains("invite 42 for grace@example.com")
        .containsPattern("(?m)^  occurred at \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$");
  }

  @Test
  void eachRun_createsANewEvent() {
    String first = runDemo();
    String second = runDemo();

    Matcher a = ID_LINE.matcher(first);
    Matcher b = ID_LINE.matcher(second);
    assertThat(a.find() && b.find()).isTrue();
    assertThat(a.group(1)).isNotEqualTo(b.group(1));
  }
}
