package io.github.domainevents.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Boundaries of the wire rules: each limit holds exactly at its value. */
class WireEdgesTest {
  static final ReadOptions DEFAULTS = ReadOptions.defaults();

  @EventType("edge")
  record Edge(EventHeader header, int count) implements DomainEvent {}

  @Test
  void integersAtTheTypeBoundaries_keepTheirValue() {
    BigInteger twoTo31 = BigInteger.ONE.shiftLeft(31);
    BigInteger twoTo63 = BigInteger.ONE.shiftLeft(63);
    assertThat(Push.read("m", twoTo31, DEFAULTS)).isEqualTo(1L << 31);
    assertThat(Push.read("m", twoTo31.negate(), DEFAULTS)).isEqualTo(Integer.MIN_VALUE);
    assertThat(Push.read("m", twoTo63, DEFAULTS)).isEqualTo(twoTo63);
    assertThat(Push.read("m", twoTo63.negate(), DEFAULTS)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void metadataLimits_holdExactlyAtTheirValue() {
    Map<String, Object> thousand = new LinkedHashMap<>();
    for (int i = 0; i < 1_000; i++) {
      thousand.put("k" + i, true);
    }
    assertThat(Push.read("metadata", thousand, DEFAULTS)).isEqualTo(thousand);

    Map<String, Object> keysOnly = new LinkedHashMap<>();
    for (int i = 0; i < 256; i++) {
      keysOnly.put(String.format("%03d", i) + "k".repeat(253), i);
    }
    assertThat(Push.read("metadata", keysOnly, DEFAULTS)).isEqualTo(keysOnly);
    keysOnly.put("x".repeat(100), 1);
    assertThatThrownBy(() -> Push.read("metadata", keysOnly, DEFAULTS))
        .hasMessage("metadata has more than 65536 characters in its keys and string values");

    Map<String, Object> exact = new LinkedHashMap<>();
    exact.put("a", "v".repeat(65_535));
    assertThat(Push.read("metadata", exact, DEFAULTS.withMaxStringLength(70_000)))
        .isEqualTo(exact);
  }

  @Test
  void timestamps_coverExactlyTheYearsOneTo9999() {
    assertThat(WireFormat.parseTimestamp("t", "9999-12-31T23:59:59.999999999Z"))
        .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999999Z"));
    assertThat(WireFormat.parseTimestamp("t", "0001-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    assertThatThrownBy(() -> WireFormat.parseTimestamp("t", "+10000-01-01T00:00:00Z"))
        .hasMessageContaining("years 1 to 9999");
    assertThatThrownBy(() -> WireFormat.parseTimestamp("t", "0000-12-31T23:59:59Z"))
        .hasMessageContaining("years 1 to 9999");
  }

  @Test
  void describingAndAbbreviating_valuesForMessages() {
    assertThat(WireFormat.describe("s")).isEqualTo("the string 's'");
    assertThat(WireFormat.describe(42)).isEqualTo("the number 42");
    assertThat(WireFormat.describe(true)).isEqualTo("the boolean true");
    assertThat(WireFormat.describe(Map.of())).isEqualTo("an object");
    assertThat(WireFormat.describe(List.of())).isEqualTo("an array");
    assertThat(WireFormat.describe(new Object())).isEqualTo("a Object");
    assertThat(WireFormat.abbreviate("x".repeat(64))).isEqualTo("x".repeat(64));
    assertThat(WireFormat.abbreviate("x".repeat(65))).isEqualTo("x".repeat(61) + "...");
  }

  @Test
  void anOptionalIdOfTheWrongType_failsNamingIt() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("event_id", "0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b");
    values.put("occurred_at", "2025-01-15T10:30:00Z");
    values.put("causation_id", 7);
    assertThatThrownBy(() -> Push.readHeader(values, DEFAULTS))
        .hasMessage("causation_id must be a UUID string or null, was the number 7");
  }

  @Test
  void checkFields_checksTheKindOfEachField() {
    EventObject event = EventObject.start(JsonKind.OBJECT, DEFAULTS);
    event.member("count", JsonKind.STRING);
    assertThatThrownBy(() -> event.checkFields(Edge.class, "header",
            Map.of("count", int.class), List.of()))
        .hasMessage("count must be an integer, was a string");
  }

  @Test
  void booleansAndSpaces_areReadAndWrittenAsThemselves() {
    assertThat(Push.read("metadata", Map.of("b", List.of(true, false)), DEFAULTS))
        .isEqualTo(Map.of("b", List.of(true, false)));
    assertThat(JsonText.of("a b\u001f")).isEqualTo("\"a b\\u001F\"");
  }

  @Test
  void unsupportedAttributes_areListedWithTheAcceptedOnes() {
    CloudEventObject cloudEvent = CloudEventObject.start(JsonKind.OBJECT, DEFAULTS);
    assertThatThrownBy(() -> cloudEvent.member("subject", JsonKind.STRING))
        .hasMessageContaining("unsupported CloudEvents attribute 'subject'")
        .hasMessageContaining("specversion");
  }

  @Test
  void readOptions_rejectImpossibleLimits_atTheirBoundaries() {
    assertThat(DEFAULTS.withMaxMetadataDepth(0).maxMetadataDepth()).isZero();
    assertThatThrownBy(() -> DEFAULTS.withMaxMetadataDepth(-1))
        .hasMessage("maxMetadataDepth must not be negative, was -1");
    assertThat(DEFAULTS.withMaxDocumentLength(1).maxDocumentLength()).isEqualTo(1);
    assertThatThrownBy(() -> DEFAULTS.withMaxDocumentLength(0))
        .hasMessage("maxDocumentLength must be at least 1, was 0");
    assertThat(DEFAULTS.withMaxStringLength(1).maxStringLength()).isEqualTo(1);
    assertThatThrownBy(() -> DEFAULTS.withMaxStringLength(0))
        .hasMessage("maxStringLength must be at least 1, was 0");
    assertThat(DEFAULTS.withMaxNumberLength(1).maxNumberLength()).isEqualTo(1);
    assertThatThrownBy(() -> DEFAULTS.withMaxNumberLength(0))
        .hasMessage("maxNumberLength must be at least 1, was 0");
    assertThat(DEFAULTS.withMaxNestingDepth(1).maxNestingDepth()).isEqualTo(1);
    assertThatThrownBy(() -> DEFAULTS.withMaxNestingDepth(0))
        .hasMessage("maxNestingDepth must be at least 1, was 0");
    assertThat(DEFAULTS.maxNestingDepth()).isEqualTo(64);
    assertThat(DEFAULTS.toString()).isEqualTo("ReadOptions[maxMetadataDepth=16,"
        + " omitNullMetadataValues=false, maxDocumentLength=1000000, maxStringLength=100000,"
        + " maxNumberLength=1000, maxNestingDepth=64]");
  }

  @Test
  void theRegistry_findsAndDescribesItsClasses() {
    EventTypeRegistry registry = EventTypeRegistry.of(Edge.class);
    assertThat(registry.find("edge")).contains(Edge.class);
    assertThat(registry.find("other")).isEmpty();
    assertThat(registry.toString()).isEqualTo("EventTypeRegistry{edge=" + Edge.class.getName() + "}");
  }

  @Test
  void theReadLength_isCheckedBeforeParsing() {
    WireFormat.checkReadLength(1_000_000, DEFAULTS);
    assertThatThrownBy(() -> WireFormat.checkReadLength(1_000_001, DEFAULTS))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("exceeds a read limit")
        .hasMessageContaining("Document length (1000001)");
  }

  @Test
  void finiteDecimals_inAnInexactField_areAccepted() {
    EventObject event = EventObject.start(JsonKind.OBJECT, DEFAULTS);
    event.member("rate", JsonKind.DECIMAL);
    event.decimalInField("rate", "1.5");
    event.checkFields(Edge.class, "header", Map.of("rate", double.class), List.of());
  }

  @Test
  void aNonJsonContentType_aloneIsRejected() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("specversion", "1.0");
    attributes.put("id", "0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b");
    attributes.put("source", "/x");
    attributes.put("type", "edge");
    attributes.put("datacontenttype", "application/xml");
    assertThatThrownBy(() -> Push.cloudEvent(attributes, DEFAULTS).type())
        .hasMessageContaining("datacontenttype must be a JSON media type");
    attributes.put("datacontenttype", "application/cloudevents+json; charset=utf-8");
    assertThat(Push.cloudEvent(attributes, DEFAULTS).type()).isEqualTo("edge");
  }
}
