package io.github.domainevents.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.EventHeader;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.examples.readme.ReadmeTypes.InviteCreated;
import io.github.domainevents.jackson.EventJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JSON the README shows is what {@code EventJson} writes for the README's {@code
 * InviteCreated} (a {@code ...} in the README stands for text left out).
 */
class ReadmeWireFormatTest {
  private static final EventJson JSON =
      EventJson.builder(EventTypeRegistry.of(InviteCreated.class))
          .cloudEventsSource(URI.create("/invites"))
          .build();

  /** The {@code ```json} blocks of the README, one line each, in order. */
  static List<String> jsonExamples() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("../README.md"));
    List<String> examples = new java.util.ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      if (readme.get(i).strip().equals("```json")) {
        examples.add(readme.get(i + 1).strip());
      }
    }
    return examples;
  }

  private static String pattern(String shown) {
    return Pattern.quote(shown).replace("...", "\\E.*?\\Q");
  }

  @Test
  void seedShapedExample_isWhatEventJsonWrites() throws IOException {
    String shown = jsonExamples().stream()
        .filter(json -> json.startsWith("{\"event_id\"")).findFirst().orElseThrow();
    InviteCreated event = new InviteCreated(
        EventHeader.of(UUID.fromString("0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b"),
            Instant.parse("2025-01-15T10:30:00.123456Z"), null, null, Map.of()),
        42, "ada@example.com");

    assertThat(JSON.toJson(event)).matches(pattern(shown));
  }

  @Test
  void cloudEventsExample_isWhatEventJsonWrites() throws IOException {
    String shown = jsonExamples().stream()
        .filter(json -> json.startsWith("{\"specversion\"")).findFirst().orElseThrow();
    InviteCreated event = new InviteCreated(
        EventHeader.of(UUID.fromString("0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b"),
            Instant.parse("2025-01-15T10:30:00.123456Z"),
            UUID.fromString("0194a3b2-0000-7000-8000-000000000001"), null,
            Map.of("tenant", "acme")),
        42, "ada@example.com");

    assertThat(JSON.toCloudEvent(event)).matches(pattern(shown));
  }
}
