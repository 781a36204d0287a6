package io.github.domainevents.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.EventHeader;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireFormatTest {
  private static final String ID = "0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b";

  @ParameterizedTest
  @CsvSource({
    "2025-01-15T10:30:00.123456+00:00, 2025-01-15T10:30:00.123456Z",
    "2025-01-15T10:30:00.123456Z,      2025-01-15T10:30:00.123456Z",
    "2025-01-15T10:30:00+00:00,        2025-01-15T10:30:00Z",
    "2025-01-15T10:30:00Z,             2025-01-15T10:30:00Z",
    "2025-01-15T10:30:00.1Z,           2025-01-15T10:30:00.100Z",
    "2025-01-15T10:30:00.123456789Z,   2025-01-15T10:30:00.123456789Z",
    "2025-01-15T16:00:00.5+05:30,      2025-01-15T10:30:00.500Z",
    "2025-01-15T02:30:00-08:00,        2025-01-15T10:30:00Z",
  })
  void parsesEveryFormPythonWrites_asUtc(String text, String expected) {
    assertThat(WireFormat.parseTimestamp("occurred_at", text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-01-15T10:30:00", "2025-01-15", "yesterday", "2025-13-01T00:00:00Z",
      "", "2025-01-15 10:30:00+00:00"})
  void rejectsTimestampsWithoutOffsetOrMalformed_namingTheField(String text) {
    assertThatThrownBy(() -> WireFormat.parseTimestamp("occurred_at", text))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("occurred_at")
        .extracting(e -> ((EventFormatException) e).field())
        .isEqualTo("occurred_at");
  }

  @Test
  void formatsUtcIso8601_independentOfLocale() {
    assertThat(WireFormat.formatTimestamp(Instant.parse("2025-01-15T10:30:00.123456Z")))
        .isEqualTo("2025-01-15T10:30:00.123456Z");
    assertThat(WireFormat.formatTimestamp(Instant.parse("2025-01-15T10:30:00Z")))
        .isEqualTo("2025-01-15T10:30:00Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-uuid", "0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5", "1-1-1-1-1",
      "0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5bb"})
  void rejectsNonCanonicalUuids(String text) {
    assertThatThrownBy(() -> WireFormat.parseUuid("event_id", text))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("event_id must be a UUID");
  }

  @Test
  void readHeader_acceptsTheSeedShape() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("event_id", ID);
    values.put("occurred_at", "2025-01-15T10:30:00.123456+00:00");
    values.put("correlation_id", null);
    values.put("metadata", Map.of("tenant", "acme", "tags", List.of(1, 2)));

    EventHeader header = Push.readHeader(values, ReadOptions.defaults());

    assertThat(header.eventId()).isEqualTo(UUID.fromString(ID));
    assertThat(header.correlationId()).isEmpty();
    assertThat(header.causationId()).isEmpty();
    assertThat(header.metadata()).containsEntry("tenant", "acme");
  }

  @Test
  void readHeader_missingRequiredFields_failNamingThem() {
    assertThatThrownBy(() -> Push.readHeader(Map.of(), ReadOptions.defaults()))
        .hasMessageContaining("event_id is missing");
    assertThatThrownBy(() -> Push.readHeader(Map.of("event_id", ID), ReadOptions.defaults()))
        .hasMessageContaining("occurred_at is missing");
    assertThatThrownBy(
            () -> Push.readHeader(Map.of("event_id", 42), ReadOptions.defaults()))
        .hasMessageContaining("event_id must be a string, was the number 42");
  }

  @Test
  void readHeader_nullMetadataValue_failsNamingTheKey_unlessOmitted() {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("tenant", null);
    Map<String, Object> values =
        Map.of("event_id", ID, "occurred_at", "2025-01-15T10:30:00Z", "metadata", metadata);

    assertThatThrownBy(() -> Push.readHeader(values, ReadOptions.defaults()))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("metadata['tenant'] is null");
    assertThat(
            Push.readHeader(values, ReadOptions.defaults().withNullMetadataValuesOmitted(true))
                .metadata())
        .isEmpty();
  }

  @Test
  void readHeader_metadataDeeperThanTheLimit_fails() {
    Object nested = "leaf";
    for (int i = 0; i < 3; i++) {
      nested = Map.of("n", nested);
    }
    Map<String, Object> values =
        Map.of("event_id", ID, "occurred_at", "2025-01-15T10:30:00Z", "metadata",
            Map.of("deep", nested));

    assertThat(Push.readHeader(values, ReadOptions.defaults().withMaxMetadataDepth(3))
        .metadata()).containsKey("deep");
    assertThatThrownBy(
            () -> Push.readHeader(values, ReadOptions.defaults().withMaxMetadataDepth(2)))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("nested deeper than the limit of 2");
  }

  @Test
  void headerKeys_areTheSeedsNames() {
    assertThat(WireFormat.HEADER_KEYS).containsExactly(
        "event_id", "event_type", "occurred_at", "correlation_id", "causation_id", "metadata");
    assertThat(WireFormat.isTypeIdKey("@class")).isTrue();
    assertThat(WireFormat.isHeaderKey("metadata")).isTrue();
  }
}
