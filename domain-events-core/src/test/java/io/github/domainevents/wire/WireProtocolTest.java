package io.github.domainevents.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The protocol's operations on plain values, without any JSON library. */
class WireProtocolTest {
  static final String ID = "0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b";
  static final ReadOptions DEFAULTS = ReadOptions.defaults();

  @EventType("invite.created")
  record Invite(EventHeader header, long inviteId) implements DomainEvent {}

  @EventType("other")
  record Other(EventHeader header) implements DomainEvent {}

  static final EventTypeRegistry REGISTRY = EventTypeRegistry.of(Invite.class, Other.class);

  static Map<String, Object> header() {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("event_id", ID);
    members.put("event_type", "invite.created");
    members.put("occurred_at", "2025-01-15T10:30:00Z");
    members.put("metadata", Map.of("tenant", "acme"));
    return members;
  }

  // ---- ValueReader -------------------------------------------------------------------------

  @Test
  void numbers_areKeptExactly_inTheSmallestFittingType() {
    assertThat(Push.read("m", 1L, DEFAULTS)).isEqualTo(1);
    assertThat(Push.read("m", 3_000_000_000L, DEFAULTS)).isEqualTo(3_000_000_000L);
    assertThat(Push.read("m", BigInteger.TEN, DEFAULTS)).isEqualTo(10);
    assertThat(Push.read("m", BigInteger.ONE.shiftLeft(40), DEFAULTS)).isEqualTo(1L << 40);
    assertThat(Push.read("m", BigInteger.ONE.shiftLeft(70), DEFAULTS))
        .isEqualTo(BigInteger.ONE.shiftLeft(70));
    assertThat(Push.read("m", (short) 7, DEFAULTS)).isEqualTo(7);
    assertThat(Push.read("m", new BigDecimal("1.25"), DEFAULTS)).isEqualTo(1.25);
    assertThat(Push.read("m", new BigDecimal("1.0E7"), DEFAULTS)).isEqualTo(1.0E7);
    assertThat(Push.read("m", new BigDecimal("12.50"), DEFAULTS)).isEqualTo(new BigDecimal("12.50"));
    assertThat(Push.read("m", new BigDecimal("0.1000000000000000055511151231257827"), DEFAULTS))
        .isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
    assertThat(Push.read("m", 2.5f, DEFAULTS)).isEqualTo(2.5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "-1E+309"})
  void numbersBeyondTheDoubleRange_areRejectedNamingThePath(String number) {
    assertThatThrownBy(() -> Push.read("metadata", Map.of("k", new BigDecimal(number)), DEFAULTS))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("metadata['k'] is a number beyond the range of a double")
        .extracting(e -> ((EventFormatException) e).field()).isEqualTo("metadata['k']");
  }

  @Test
  void nonFiniteDoubles_andForeignNumbers_areRejected() {
    assertThatThrownBy(() -> Push.read("m", List.of(Double.NaN), DEFAULTS))
        .hasMessageContaining("m[0] is not a finite number");
    assertThatThrownBy(() -> Push.read("m", Double.POSITIVE_INFINITY, DEFAULTS))
        .hasMessageContaining("not a finite number");
    assertThatThrownBy(() -> Push.read("m", new java.util.concurrent.atomic.AtomicInteger(1),
            DEFAULTS))
        .hasMessageContaining("unsupported type");
  }

  @Test
  void duplicateKeys_areRejectedNamingThePath() {
    ValueReader reader = ValueReader.of("metadata", DEFAULTS);
    reader.startObject();
    reader.name("a");
    reader.startArray();
    reader.startObject();
    reader.name("k");
    reader.number(1);
    assertThatThrownBy(() -> reader.name("k"))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("metadata['a'][0]['k'] appears twice; duplicate keys are rejected");
  }

  @Test
  void metadataLimits_stopReadingEarly_namingTheLimit() {
    Map<String, Object> many = new LinkedHashMap<>();
    for (int i = 0; i <= 1_000; i++) {
      many.put("k" + i, i);
    }
    assertThatThrownBy(() -> Push.read("metadata", many, DEFAULTS))
        .hasMessage("metadata has more than 1000 entries");
    assertThat(Push.read("metadata", Map.of("list", List.of(1, 2)), DEFAULTS))
        .isEqualTo(Map.of("list", List.of(1, 2)));
    assertThatThrownBy(() -> Push.read("metadata", Map.of("k".repeat(257), 1), DEFAULTS))
        .hasMessageContaining("more than 256 characters");
    assertThat(Push.read("metadata", Map.of("k".repeat(256), 1), DEFAULTS)).isNotNull();
    Map<String, Object> large = new LinkedHashMap<>();
    for (int i = 0; i < 7; i++) {
      large.put("k" + i, "v".repeat(10_000));
    }
    assertThatThrownBy(() -> Push.read("metadata", large, DEFAULTS.withMaxStringLength(20_000)))
        .hasMessage("metadata has more than 65536 characters in its keys and string values");
    assertThat(Push.read("event_id", "x".repeat(70_000), DEFAULTS.withMaxStringLength(80_000)))
        .isEqualTo("x".repeat(70_000));
  }

  @Test
  void depth_strings_andNumberLength_areLimitedByTheOptions() {
    Object nested = Map.of("b", List.of(1));
    assertThat(Push.read("metadata", Map.of("a", nested), DEFAULTS.withMaxMetadataDepth(2)))
        .isEqualTo(Map.of("a", nested));
    assertThatThrownBy(
            () -> Push.read("metadata", Map.of("a", nested), DEFAULTS.withMaxMetadataDepth(1)))
        .hasMessage("metadata['a']['b'] is nested deeper than the limit of 1 levels"
            + " (ReadOptions.withMaxMetadataDepth)");
    assertThatThrownBy(() -> Push.read("metadata", Map.of("s", "abcdef"),
            DEFAULTS.withMaxStringLength(5)))
        .hasMessageContaining("metadata['s'] is a string longer than the limit of 5");
    assertThat(Push.read("metadata", Map.of("s", "abcde"), DEFAULTS.withMaxStringLength(5)))
        .isEqualTo(Map.of("s", "abcde"));
    assertThatThrownBy(() -> Push.read("metadata", Map.of("n", 123456), DEFAULTS
            .withMaxNumberLength(5)))
        .hasMessageContaining("metadata['n'] is a number longer than the limit of 5");
    assertThat(Push.read("metadata", Map.of("n", 12345), DEFAULTS.withMaxNumberLength(5)))
        .isEqualTo(Map.of("n", 12345));
  }

  @Test
  void nullsInsideMetadata_areRejectedOrOmitted_andAllowedElsewhere() {
    List<Object> withNull = new ArrayList<>();
    withNull.add(1);
    withNull.add(null);
    Map<String, Object> map = new HashMap<>();
    map.put("n", null);
    map.put("l", withNull);
    assertThatThrownBy(() -> Push.read("metadata", map, DEFAULTS))
        .hasMessageContaining("is null; null metadata values are rejected");
    assertThat(Push.read("metadata", map, DEFAULTS.withNullMetadataValuesOmitted(true)))
        .isEqualTo(Map.of("l", List.of(1)));
    assertThat(Push.read("event_id", withNull, DEFAULTS)).isEqualTo(withNull);
    assertThat(Push.read("event_id", null, DEFAULTS)).isNull();
  }

  @Test
  void anIncompleteValue_hasNoResult() {
    ValueReader reader = ValueReader.of("metadata", DEFAULTS);
    reader.startObject();
    assertThatThrownBy(reader::result).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("metadata");
  }

  @Test
  void readingALargeValidValue_buildsNoDiagnosticPath_onlyAFailureDoes() {
    List<Object> numbers = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      numbers.add(i);
    }
    Map<String, Object> metadata = Map.of("k".repeat(50_000), numbers);
    long before = ValueReader.PATHS_BUILT.sum();

    ValueReader reader = ValueReader.of("event_id", DEFAULTS);
    JsonText.write(metadata, reader);

    assertThat(reader.result()).isEqualTo(metadata);
    assertThat(ValueReader.PATHS_BUILT.sum() - before).isZero();
    assertThatThrownBy(() -> Push.read("metadata", Map.of("x", List.of(1, Double.NaN)), DEFAULTS))
        .hasMessageContaining("metadata['x'][1]");
    assertThat(ValueReader.PATHS_BUILT.sum() - before).isBetween(1L, 3L);
  }

  // ---- EventObject -------------------------------------------------------------------------

  @Test
  void anEventObject_resolvesChecksAndBuildsTheHeader() {
    EventObject event = Push.event(header(), DEFAULTS);

    assertThat(event.resolve(REGISTRY, DomainEvent.class)).isEqualTo(Invite.class);
    EventHeader header = event.header(REGISTRY, Invite.class);
    assertThat(header.eventId()).isEqualTo(UUID.fromString(ID));
    assertThat(header.metadata()).isEqualTo(Map.of("tenant", "acme"));
  }

  @Test
  void nonObjects_typeIds_andDuplicates_areRejected() {
    assertThatThrownBy(() -> EventObject.start(JsonKind.ARRAY, DEFAULTS))
        .hasMessage("an event must be a JSON object, was an array");
    assertThatThrownBy(() -> EventObject.requireObject(JsonKind.NULL))
        .hasMessage("an event must be a JSON object, was null");
    EventObject.requireObject(JsonKind.OBJECT);
    EventObject event = EventObject.start(JsonKind.OBJECT, DEFAULTS);
    assertThatThrownBy(() -> event.member("@class", JsonKind.STRING))
        .hasMessageContaining("'@class' is not accepted");
    assertThat(event.member("invite_id", JsonKind.INTEGER)).isNull();
    assertThat(event.member("event_id", JsonKind.STRING)).isNotNull();
    assertThatThrownBy(() -> event.member("invite_id", JsonKind.INTEGER))
        .hasMessage("'invite_id' appears twice; duplicate keys are rejected");
    assertThatThrownBy(() -> event.member("event_id", JsonKind.STRING))
        .extracting(e -> ((EventFormatException) e).field()).isEqualTo("event_id");
  }

  @Test
  void resolving_failsForUnknownWrongOrMissingTypes() {
    Map<String, Object> unknown = header();
    unknown.put("event_type", "java.lang.Runtime");
    assertThatThrownBy(() -> Push.event(unknown, DEFAULTS).resolve(REGISTRY, DomainEvent.class))
        .isInstanceOf(UnknownEventTypeException.class);
    assertThatThrownBy(() -> Push.event(header(), DEFAULTS)
            .resolve(REGISTRY, io.github.domainevents.BaseDomainEvent.class))
        .hasMessageContaining("is " + Invite.class.getName() + ", not a BaseDomainEvent");
    Map<String, Object> missing = header();
    missing.remove("event_type");
    assertThatThrownBy(() -> Push.event(missing, DEFAULTS).resolve(REGISTRY, DomainEvent.class))
        .hasMessage("event_type is missing; it is required");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
    "NULL         | event_type is null",
    "'\u00a0\u2007' | event_type must not be blank",
    "''           | event_type must not be blank",
    "other        | event_type 'other' does not match",
  })
  void aTypedRead_rejectsANullBlankOrOtherEventType(String type, String message) {
    Map<String, Object> members = header();
    members.put("event_type", type);
    EventObject event = Push.event(members, DEFAULTS);
    assertThatThrownBy(() -> event.header(REGISTRY, Invite.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((EventFormatException) e).field()).isEqualTo("event_type");
  }

  @Test
  void aTypedRead_acceptsAnAbsentEventType_andRequiresRegistration() {
    Map<String, Object> members = header();
    members.remove("event_type");
    assertThat(Push.event(members, DEFAULTS).header(REGISTRY, Invite.class).eventId())
        .isEqualTo(UUID.fromString(ID));
    assertThatThrownBy(() -> Push.event(members, DEFAULTS)
            .header(EventTypeRegistry.of(Other.class), Invite.class))
        .hasMessageContaining("is not registered in the EventTypeRegistry");
  }

  @Test
  void anEmbeddedHeader_isUsedAsItIs() {
    EventHeader built = EventHeader.create();
    EventObject event = EventObject.start(JsonKind.OBJECT, DEFAULTS);
    event.embeddedHeader(built);
    assertThat(event.header(REGISTRY, Invite.class)).isSameAs(built);
  }

  @Test
  void ownFields_areCheckedAgainstTheProperties() {
    Map<String, Object> members = header();
    members.put("invite_id", 42);
    Map<String, Class<?>> properties = Map.of("invite_id", long.class, "header", EventHeader.class);

    Push.event(members, DEFAULTS).checkFields(Invite.class, "header", properties,
        List.of("header", "invite_id"));
    Push.event(members, DEFAULTS).checkFields(Invite.class, "header", null, List.of());
    assertThatThrownBy(() -> Push.event(members, DEFAULTS)
            .checkFields(Invite.class, null, properties, List.of()))
        .hasMessageContaining("has no constructor parameter of type EventHeader");
    members.put("header", Map.of());
    assertThatThrownBy(() -> Push.event(members, DEFAULTS)
            .checkFields(Invite.class, "header", properties, List.of()))
        .hasMessageContaining("'header' is not an event field");
    members.remove("header");
    members.put("inviteId", 7);
    assertThatThrownBy(() -> Push.event(members, DEFAULTS)
            .checkFields(Invite.class, "header", properties, List.of()))
        .hasMessageContaining("'inviteId' is not a field of " + Invite.class.getName());
    members.remove("inviteId");
    members.remove("invite_id");
    assertThatThrownBy(() -> Push.event(members, DEFAULTS)
            .checkFields(Invite.class, "header", properties, List.of("header", "invite_id")))
        .hasMessageContaining("invite_id is missing; it is required by")
        .extracting(e -> ((EventFormatException) e).field()).isEqualTo("invite_id");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "int        | INTEGER | ",
    "int        | DECIMAL | must be an integer, was a number with a fraction or exponent",
    "int        | STRING  | must be an integer, was a string",
    "int        | NULL    | is null; it must be a int",
    "Long       | NULL    | ",
    "BigInteger | BOOLEAN | must be an integer, was a boolean",
    "double     | INTEGER | ",
    "double     | DECIMAL | ",
    "BigDecimal | STRING  | must be a number, was a string",
    "boolean    | INTEGER | must be a boolean, was an integer",
    "Boolean    | BOOLEAN | ",
    "String     | INTEGER | must be a string, was an integer",
    "String     | STRING  | ",
    "JsonKind   | INTEGER | must be a string, was an integer",
    "JsonKind   | STRING  | ",
    "List       | OBJECT  | ",
    "char       | ARRAY   | must be a string, was an array",
  })
  void fieldKinds_areCheckedStrictly(String type, JsonKind kind, String message) {
    Class<?> javaType = switch (type) {
      case "int" -> int.class;
      case "Long" -> Long.class;
      case "BigInteger" -> BigInteger.class;
      case "double" -> double.class;
      case "BigDecimal" -> BigDecimal.class;
      case "boolean" -> boolean.class;
      case "Boolean" -> Boolean.class;
      case "String" -> String.class;
      case "JsonKind" -> JsonKind.class;
      case "char" -> char.class;
      default -> List.class;
    };
    if (message == null) {
      EventObject.checkKind("f", kind, javaType);
    } else {
      assertThatThrownBy(() -> EventObject.checkKind("f", kind, javaType))
          .isInstanceOf(EventFormatException.class)
          .hasMessage("f " + message);
    }
  }

  @Test
  void decimalsBeyondTheDoubleRange_areRejectedUnlessTheFieldIsExact() {
    Map<String, Object> members = header();
    members.put("amount", new BigDecimal("1e400"));
    members.put("rate", new BigDecimal("1e400"));
    EventObject event = Push.event(members, DEFAULTS);
    event.decimalInField("amount", "1e400");
    event.decimalInField("rate", "1.5");
    event.decimalInField("rate", "1e400");
    event.decimalInField("rate", "2.5");
    event.checkFields(Invite.class, "header", Map.of("amount", BigDecimal.class,
        "rate", BigDecimal.class), List.of());
    assertThatThrownBy(() -> event.checkFields(Invite.class, "header",
            Map.of("amount", BigDecimal.class, "rate", double.class), List.of()))
        .hasMessage("rate holds a number beyond the range of a double; it would become Infinity");
  }

  // ---- CloudEventObject --------------------------------------------------------------------

  static Map<String, Object> attributes() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("specversion", "1.0");
    attributes.put("id", ID);
    attributes.put("source", "/invites");
    attributes.put("type", "invite.created");
    attributes.put("time", "2025-01-15T12:30:00+02:00");
    return attributes;
  }

  @Test
  void aCloudEvent_isReadFromItsAttributes() {
    Map<String, Object> attributes = attributes();
    attributes.put("correlationid", ID);
    attributes.put("metadata", "{\"tenant\":\"acme\"}");
    CloudEventObject cloudEvent = Push.cloudEvent(attributes, DEFAULTS);

    assertThat(cloudEvent.type()).isEqualTo("invite.created");
    EventHeader header = cloudEvent.header(WireProtocolTest::parseMetadata);
    assertThat(header.occurredAt()).isEqualTo(Instant.parse("2025-01-15T10:30:00Z"));
    assertThat(header.correlationId()).contains(UUID.fromString(ID));
    assertThat(header.causationId()).isEmpty();
    assertThat(header.metadata()).isEqualTo(Map.of("tenant", "acme"));
  }

  /** A tiny metadata "parser" for the tests: the text names a prepared plain value. */
  static void parseMetadata(String text, JsonSink sink) {
    switch (text) {
      case "{\"tenant\":\"acme\"}" -> JsonText.write(Map.of("tenant", "acme"), sink);
      case "null" -> sink.nullValue();
      case "[]" -> JsonText.write(List.of(), sink);
      case "{\"a\":{\"a\":{}}}" -> JsonText.write(Map.of("a", Map.of("a", Map.of())), sink);
      default -> throw new EventFormatException(null, "malformed: " + text);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "null              | metadata must be a string holding a JSON object, was 'null'",
    "[]                | metadata must be a string holding a JSON object, was '[]'",
    "{                 | metadata is not a valid JSON object: malformed: {",
    "'{\"a\":{\"a\":{}}}' | metadata['a']['a'] is nested deeper than the limit of 1",
  })
  void metadataNotHoldingAnObjectWithinTheLimits_isRejectedNamingMetadata(
      String text, String message) {
    Map<String, Object> attributes = attributes();
    attributes.put("metadata", text);
    CloudEventObject cloudEvent = Push.cloudEvent(attributes, DEFAULTS.withMaxMetadataDepth(1));
    assertThatThrownBy(() -> cloudEvent.header(WireProtocolTest::parseMetadata))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((EventFormatException) e).field()).asString().startsWith("metadata");
  }

  @Test
  void theMetadataText_isNotLimitedByTheStringLimit() {
    Map<String, Object> attributes = attributes();
    attributes.put("metadata", "x".repeat(50));
    CloudEventObject cloudEvent = Push.cloudEvent(attributes, DEFAULTS.withMaxStringLength(40));
    assertThatThrownBy(() -> cloudEvent.header(WireProtocolTest::parseMetadata))
        .hasMessageContaining("metadata is not a valid JSON object");
    Map<String, Object> other = attributes();
    other.put("source", "/" + "x".repeat(50));
    assertThatThrownBy(() -> Push.cloudEvent(other, DEFAULTS.withMaxStringLength(40)))
        .hasMessageContaining("source is a string longer than the limit of 40");
    assertThat(CloudEventsFormat.parserStringLimit(DEFAULTS)).isEqualTo(1_000_000);
    assertThat(CloudEventsFormat.parserStringLimit(DEFAULTS.withMaxDocumentLength(10)))
        .isEqualTo(100_000);
    assertThat(CloudEventsFormat.parserStringLimit(DEFAULTS.withMaxDocumentLength(1L << 40)))
        .isEqualTo(Integer.MAX_VALUE);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "time          | 1736937000             | time must be an RFC 3339 timestamp string",
    "time          | +999999999-12-31T23:59:59-18:00 | was '+999999999-12-31T23:59:59-18:00'",
    "correlationid | 42                     | correlationid must be a UUID string",
    "causationid   | xyz                    | causationid must be a UUID string",
    "metadata      | 7                      | metadata must be a string holding a JSON object",
    "id            | not-a-uuid             | id must be a UUID string",
  })
  void badAttributeValues_failNamingTheAttribute(String name, String raw, String message) {
    Map<String, Object> attributes = attributes();
    attributes.put(name, raw.matches("-?\\d+") ? (Object) Integer.parseInt(raw) : raw);
    CloudEventObject cloudEvent = Push.cloudEvent(attributes, DEFAULTS);
    assertThatThrownBy(() -> cloudEvent.header(WireProtocolTest::parseMetadata))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((EventFormatException) e).field()).isEqualTo(name);
  }

  @Test
  void aMissingTime_isRejected() {
    Map<String, Object> attributes = attributes();
    attributes.remove("time");
    assertThatThrownBy(() -> Push.cloudEvent(attributes, DEFAULTS)
            .header(WireProtocolTest::parseMetadata))
        .hasMessage("time is missing; it is required for domain events");
  }

  @Test
  void attributeNames_areCheckedBeforeAnyValueIsRead() {
    CloudEventObject cloudEvent = CloudEventObject.start(JsonKind.OBJECT, DEFAULTS);
    assertThatThrownBy(() -> cloudEvent.member("x".repeat(50_000), JsonKind.ARRAY))
        .hasMessageContaining("unsupported CloudEvents attribute");
    assertThatThrownBy(() -> cloudEvent.member("Bad_Name", JsonKind.ARRAY))
        .hasMessageContaining("is not a valid CloudEvents attribute name");
    assertThatThrownBy(() -> CloudEventObject.start(JsonKind.STRING, DEFAULTS))
        .hasMessage("a CloudEvent must be a JSON object, was a string");
  }

  @Test
  void data_mustBeAnObjectOrNull_withoutHeaderKeysTypeIdsOrDuplicates() {
    CloudEventObject cloudEvent = CloudEventObject.start(JsonKind.OBJECT, DEFAULTS);
    assertThatThrownBy(() -> cloudEvent.member("data", JsonKind.ARRAY))
        .hasMessage("data must be a JSON object, was an array");
    CloudEventObject withNull = CloudEventObject.start(JsonKind.OBJECT, DEFAULTS);
    assertThat(withNull.member("data", JsonKind.NULL)).isNull();
    assertThatThrownBy(() -> withNull.member("data", JsonKind.OBJECT))
        .hasMessageContaining("'data' appears twice");

    CloudEventObject withData = CloudEventObject.start(JsonKind.OBJECT, DEFAULTS);
    assertThat(withData.member("data", JsonKind.OBJECT)).isNull();
    withData.dataField("invite_id", JsonKind.INTEGER);
    assertThatThrownBy(() -> withData.dataField("invite_id", JsonKind.INTEGER))
        .hasMessageContaining("'data.invite_id' appears twice");
    assertThatThrownBy(() -> withData.dataField("event_id", JsonKind.STRING))
        .hasMessageContaining("data must not contain the header key 'event_id'")
        .extracting(e -> ((EventFormatException) e).field()).isEqualTo("data.event_id");
    assertThatThrownBy(() -> withData.dataField("@type", JsonKind.STRING))
        .hasMessageContaining("'data.@type' is not accepted");
    withData.dataString("x".repeat(100_000));
    assertThatThrownBy(() -> withData.dataString("x".repeat(100_001)))
        .hasMessageContaining("data holds a string longer than the limit of 100000");
    assertThat(withData.member("id", JsonKind.STRING)).isNotNull();
    assertThatThrownBy(() -> withData.member("id", JsonKind.STRING))
        .hasMessageContaining("'id' appears twice");
  }

  @Test
  void aBlankType_isRejected() {
    Map<String, Object> attributes = attributes();
    attributes.put("type", "\u00a0");
    assertThatThrownBy(() -> Push.cloudEvent(attributes, DEFAULTS).type())
        .hasMessage("type must not be blank");
  }

  // ---- writing -----------------------------------------------------------------------------

  static String written(DomainEvent event, EventTypeRegistry registry, ReadOptions options) {
    JsonText text = JsonText.forTests();
    text.startObject();
    WireFormat.writeHeader(event, registry, options, text);
    text.endObject();
    return text.toString();
  }

  @Test
  void theHeader_isWrittenInTheSeedsOrder() {
    UUID cause = UUID.fromString(ID);
    Invite event = new Invite(EventHeader.of(UUID.fromString(ID),
        Instant.parse("2025-01-15T10:30:00Z"), null, cause,
        Map.of("q", "a\"b\\c\n\r\t\b\f\u0001é")), 1);

    assertThat(written(event, REGISTRY, DEFAULTS)).isEqualTo(
        "{\"event_id\":\"" + ID + "\",\"event_type\":\"invite.created\","
            + "\"occurred_at\":\"2025-01-15T10:30:00Z\",\"correlation_id\":null,"
            + "\"causation_id\":\"" + ID + "\",\"metadata\":{\"q\":"
            + "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001é\"}}");
  }

  @Test
  void onlyWhatCanBeReadBack_isWritten() {
    Invite event = new Invite(EventHeader.builder()
        .metadata(Map.of("a", Map.of("b", List.of(true, 1.5, new BigDecimal("12.50"))))).build(), 1);
    assertThat(written(event, REGISTRY, DEFAULTS)).contains("{\"a\":{\"b\":[true,1.5,12.50]}}");
    assertThatThrownBy(() -> written(event, EventTypeRegistry.of(Other.class), DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Invite.class.getName() + ": it is not registered");
    assertThatThrownBy(() -> written(event, REGISTRY, DEFAULTS.withMaxMetadataDepth(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("could not be read back with these ReadOptions")
        .hasMessageContaining("limit of 1");
    Invite late = new Invite(EventHeader.of(UUID.randomUUID(),
        Instant.parse("+10000-01-01T00:00:00Z"), null, null, Map.of()), 1);
    assertThatThrownBy(() -> written(late, REGISTRY, DEFAULTS))
        .hasMessageContaining("outside the years 1 to 9999");
    Invite early = new Invite(EventHeader.of(UUID.randomUUID(),
        Instant.parse("0000-12-31T23:59:59Z"), null, null, Map.of()), 1);
    assertThatThrownBy(() -> written(early, REGISTRY, DEFAULTS))
        .hasMessageContaining("outside the years 1 to 9999");
    Invite first = new Invite(EventHeader.of(UUID.randomUUID(),
        Instant.parse("0001-01-01T00:00:00Z"), null, null, Map.of()), 1);
    assertThat(written(first, REGISTRY, DEFAULTS)).contains("0001-01-01T00:00:00Z");
  }

  @Test
  void theWrittenLength_isCheckedAgainstTheDocumentLimit() {
    Invite event = new Invite(EventHeader.create(), 1);
    WireFormat.checkWrittenLength(event, 1_000_000, DEFAULTS);
    assertThatThrownBy(() -> WireFormat.checkWrittenLength(event, 1_000_001, DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than maxDocumentLength 1000000");
  }

  @Test
  void cloudEventAttributes_areWrittenInOrder_leavingOutWhatIsAbsent() {
    Invite bare = new Invite(EventHeader.of(UUID.fromString(ID),
        Instant.parse("2025-01-15T10:30:00Z"), null, null, Map.of()), 1);
    JsonText text = JsonText.forTests();
    text.startObject();
    CloudEventsFormat.writeAttributes(bare, URI.create("/x"), REGISTRY, DEFAULTS, text);
    text.endObject();
    assertThat(text.toString()).isEqualTo("{\"specversion\":\"1.0\",\"id\":\"" + ID + "\","
        + "\"source\":\"/x\",\"type\":\"invite.created\",\"time\":\"2025-01-15T10:30:00Z\","
        + "\"datacontenttype\":\"application/json\"}");

    Invite full = new Invite(EventHeader.of(UUID.fromString(ID),
        Instant.parse("2025-01-15T10:30:00Z"), UUID.fromString(ID), UUID.fromString(ID),
        Map.of("k", List.of(1))), 1);
    JsonText all = JsonText.forTests();
    all.startObject();
    CloudEventsFormat.writeAttributes(full, URI.create("/x"), REGISTRY, DEFAULTS, all);
    all.endObject();
    assertThat(all.toString()).endsWith("\"correlationid\":\"" + ID + "\",\"causationid\":\""
        + ID + "\",\"metadata\":\"{\\\"k\\\":[1]}\"}");
    assertThatThrownBy(() -> CloudEventsFormat.writeAttributes(
            full, URI.create("/x"), EventTypeRegistry.of(Other.class), DEFAULTS, all))
        .hasMessageContaining("not registered");
  }

  @Test
  void jsonText_writesEveryPlainValue_andRejectsOthers() {
    assertThat(JsonText.of(Map.of("a", List.of(1, 2L, true, "s")))).isEqualTo("{\"a\":[1,2,true,\"s\"]}");
    assertThat(JsonText.of(null)).isEqualTo("null");
    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    withNull.add(List.of());
    withNull.add(Map.of());
    assertThat(JsonText.of(withNull)).isEqualTo("[null,[],{}]");
    assertThatThrownBy(() -> JsonText.of(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a plain JSON value");
  }

  @Test
  void kinds_describeThemselves() {
    assertThat(JsonKind.OTHER.describe()).isEqualTo("a non-JSON value");
    assertThat(JsonKind.OBJECT.describe()).isEqualTo("an object");
  }
}
