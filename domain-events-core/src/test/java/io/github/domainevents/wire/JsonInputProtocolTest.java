package io.github.domainevents.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.wire.JsonInput.Token;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The protocol's token loops over the codec SPI ({@link JsonInput}, {@link JsonOutput}), driven by
 * a token list instead of a JSON library: what every codec gets for free.
 */
class JsonInputProtocolTest {
  static final String ID = "0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b";
  static final ReadOptions DEFAULTS = ReadOptions.defaults();

  @EventType("invite.created")
  record Invite(EventHeader header, long inviteId) implements DomainEvent {}

  static final EventTypeRegistry REGISTRY = EventTypeRegistry.of(Invite.class);

  static Map<String, Object> event() {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("event_id", ID);
    members.put("event_type", "invite.created");
    members.put("occurred_at", "2025-01-15T10:30:00Z");
    members.put("metadata", Map.of("tenant", "acme"));
    members.put("invite_id", 42);
    members.put("tags", List.of("a", new BigDecimal("2.50"), true, false, Map.of("k", List.of())));
    return members;
  }

  static Map<String, Object> cloudEvent() {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("specversion", "1.0");
    members.put("id", ID);
    members.put("source", "/invites");
    members.put("type", "invite.created");
    members.put("time", "2025-01-15T10:30:00Z");
    members.put("metadata", "{\"tenant\":\"acme\"}");
    members.put("data", Map.of("invite_id", 42));
    return members;
  }

  /** Parses metadata text the way a codec would, with a tiny parser for flat objects only. */
  static void parseFlatObject(String text, JsonSink sink) {
    Map<String, Object> members = new LinkedHashMap<>();
    String body = text.substring(1, text.length() - 1);
    if (!body.isEmpty()) {
      for (String member : body.split(",")) {
        String[] parts = member.split(":");
        members.put(parts[0].replace("\"", ""), parts[1].replace("\"", ""));
      }
    }
    CloudEventObject.readMetadata(TokenInput.of(members), sink);
  }

  // ---- EventObject.read ---------------------------------------------------------------------

  @Test
  void read_checksTheHeader_andCopiesTheOwnFieldsUnconverted_leavingTheObjectOpen() {
    TokenInput input = TokenInput.of(event());
    TextOutput fields = new TextOutput();

    EventObject read = EventObject.read(input, DEFAULTS, fields);

    assertThat(fields).hasToString("{\"invite_id\":42,\"tags\":[\"a\",2.50,true,false,{\"k\":[]}]");
    assertThat(input.current()).isEqualTo(Token.END_OBJECT);
    assertThat(input.next()).isNull();
    EventHeader header = read.header(REGISTRY, Invite.class);
    assertThat(header.eventId()).isEqualTo(UUID.fromString(ID));
    assertThat(header.metadata()).isEqualTo(Map.of("tenant", "acme"));
    assertThat(read.resolve(REGISTRY, DomainEvent.class)).isEqualTo(Invite.class);
  }

  @Test
  void read_takesTheCausalIds_whenWritten_andNullAsNone() {
    String cause = "0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5c";
    Map<String, Object> withIds = event();
    withIds.put("correlation_id", ID);
    withIds.put("causation_id", cause);
    Map<String, Object> withNulls = event();
    withNulls.put("correlation_id", null);
    withNulls.put("causation_id", null);

    EventHeader linked = EventObject.read(TokenInput.of(withIds), DEFAULTS, new TextOutput())
        .header(REGISTRY, Invite.class);
    EventHeader unlinked = EventObject.read(TokenInput.of(withNulls), DEFAULTS, new TextOutput())
        .header(REGISTRY, Invite.class);

    assertThat(linked.correlationId()).contains(UUID.fromString(ID));
    assertThat(linked.causationId()).contains(UUID.fromString(cause));
    assertThat(unlinked.correlationId()).isEmpty();
    assertThat(unlinked.causationId()).isEmpty();
  }

  @Test
  void read_startsAtTheCurrentToken_whenTheCodecAlreadyStood_onTheObject() {
    TokenInput input = TokenInput.of(event());
    input.next();

    EventObject read = EventObject.read(input, DEFAULTS, new TextOutput());

    assertThat(read.header(REGISTRY, Invite.class).eventId()).isEqualTo(UUID.fromString(ID));
  }

  @Test
  void read_takesAnEmbeddedHeader_underEventId() {
    EventHeader built = EventHeader.of(UUID.fromString(ID), Instant.parse("2025-01-15T10:30:00Z"),
        null, null, Map.of());
    TokenInput input = new TokenInput().add(Token.START_OBJECT)
        .name("event_type").value("invite.created")
        .name("event_id").add(Token.OTHER, built)
        .name("invite_id").value(7)
        .add(Token.END_OBJECT);
    TextOutput fields = new TextOutput();

    EventObject read = EventObject.read(input, DEFAULTS, fields);

    assertThat(read.header(REGISTRY, Invite.class)).isSameAs(built);
    assertThat(fields).hasToString("{\"invite_id\":7");
  }

  @Test
  void read_rejectsAnEmbeddedValueUnderAnotherKey_orOfAnotherType_asNotPlainJson() {
    TokenInput other = new TokenInput().add(Token.START_OBJECT)
        .name("event_id").add(Token.OTHER, "not a header").add(Token.END_OBJECT);
    assertThatThrownBy(() -> EventObject.read(other, DEFAULTS, new TextOutput()))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("a value that is not plain JSON");
  }

  @Test
  void read_rejectsDuplicateKeys_typeIds_andNonObjects_namingTheKey() {
    TokenInput duplicate = new TokenInput().add(Token.START_OBJECT)
        .name("invite_id").value(1).name("invite_id").value(2).add(Token.END_OBJECT);
    assertThatThrownBy(() -> EventObject.read(duplicate, DEFAULTS, new TextOutput()))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("'invite_id' appears twice; duplicate keys are rejected");
    TokenInput typeId = new TokenInput().add(Token.START_OBJECT)
        .name("@class").value("x").add(Token.END_OBJECT);
    assertThatThrownBy(() -> EventObject.read(typeId, DEFAULTS, new TextOutput()))
        .hasMessageStartingWith("'@class' is not accepted");
    assertThatThrownBy(() -> EventObject.read(TokenInput.of(List.of()), DEFAULTS,
            new TextOutput()))
        .hasMessage("an event must be a JSON object, was an array");
    assertThatThrownBy(() -> EventObject.read(new TokenInput(), DEFAULTS, new TextOutput()))
        .hasMessage("an event must be a JSON object, was a non-JSON value");
  }

  @Test
  void read_notesDecimalsBeyondADouble_inOwnFields_forCheckFields() {
    Map<String, Object> members = event();
    members.remove("tags");
    members.put("rates", List.of(new BigDecimal("1.5"), new BigDecimal("1e400")));
    members.put("rate", new BigDecimal("2.5"));
    EventObject read = EventObject.read(TokenInput.of(members), DEFAULTS, new TextOutput());

    assertThatThrownBy(() -> read.checkFields(Invite.class, "header",
            Map.of("invite_id", long.class, "rates", List.class, "rate", double.class), List.of()))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("rates holds a number beyond the range of a double; it would become Infinity");
    Map<String, Object> exact = event();
    exact.remove("tags");
    exact.put("rate", new BigDecimal("1e400"));
    EventObject big = EventObject.read(TokenInput.of(exact), DEFAULTS, new TextOutput());
    big.checkFields(Invite.class, "header",
        Map.of("invite_id", long.class, "rate", BigDecimal.class), List.of());
    assertThatThrownBy(() -> big.checkFields(Invite.class, "header",
            Map.of("invite_id", long.class, "rate", double.class), List.of()))
        .hasMessageContaining("rate holds a number beyond the range of a double");
  }

  @Test
  void read_decodesEveryStringOfAnOwnField_soTheCodecsStringLimitApplies() {
    List<String> decoded = new ArrayList<>();
    TokenInput input = new TokenInput() {
      @Override
      public String text() {
        String text = super.text();
        decoded.add(text);
        return text;
      }
    };
    input.value(Map.of("note", List.of("x", "y")));
    TextOutput ignoringCopies = new TextOutput() {
      @Override
      public void copy(JsonInput from) {}
    };

    EventObject.read(input, DEFAULTS, ignoringCopies);

    assertThat(decoded).containsExactly("x", "y");
  }

  @Test
  void read_rejectsHeaderValuesBeyondTheLimits_whileTheyArePushed() {
    Map<String, Object> members = event();
    members.put("metadata", Map.of("k", "v".repeat(41)));
    assertThatThrownBy(() -> EventObject.read(TokenInput.of(members),
            DEFAULTS.withMaxStringLength(40), new TextOutput()))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("metadata['k'] is a string longer than the limit of 40");
  }

  @Test
  void readingALargeValidEvent_buildsNoDiagnosticPath() {
    List<Object> numbers = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      numbers.add(i);
    }
    Map<String, Object> members = event();
    members.put("metadata", Map.of("numbers", numbers.subList(0, 900)));
    members.put("tags", numbers);
    long before = ValueReader.PATHS_BUILT.sum();

    EventObject.read(TokenInput.of(members), DEFAULTS, new TextOutput());

    assertThat(ValueReader.PATHS_BUILT.sum() - before).isZero();
  }

  // ---- documents ----------------------------------------------------------------------------

  @Test
  void aDocument_mustHoldOneObject_andNothingAfterIt() {
    assertThatThrownBy(() -> EventObject.startDocument(new TokenInput()))
        .isInstanceOf(EventFormatException.class).hasMessage("no JSON content to read");
    assertThatThrownBy(() -> EventObject.startDocument(TokenInput.of("x")))
        .hasMessage("an event must be a JSON object, was a string");
    TokenInput input = TokenInput.of(Map.of());
    EventObject.startDocument(input);
    assertThat(input.current()).isEqualTo(Token.START_OBJECT);
    input.next();
    EventObject.endDocument(input);

    TokenInput trailing = TokenInput.of(Map.of()).value(1);
    EventObject.startDocument(trailing);
    trailing.next();
    assertThatThrownBy(() -> EventObject.endDocument(trailing))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("trailing content after the JSON value")
        .extracting(e -> ((EventFormatException) e).field()).isNull();
  }

  // ---- CloudEventObject.read ----------------------------------------------------------------

  @Test
  void aCloudEvent_isReadIntoTheFlatShape_withTheHeaderEmbedded() {
    TextOutput flat = new TextOutput();

    Class<? extends DomainEvent> type = CloudEventObject.read(TokenInput.of(cloudEvent()),
        DEFAULTS, REGISTRY, flat, JsonInputProtocolTest::parseFlatObject);

    assertThat(type).isEqualTo(Invite.class);
    assertThat(flat).hasToString(
        "{\"invite_id\":42,\"event_type\":\"invite.created\",\"event_id\":\"<embedded>\"}");
    EventHeader header = (EventHeader) flat.embeddedValues().get(0);
    assertThat(header.eventId()).isEqualTo(UUID.fromString(ID));
    assertThat(header.metadata()).isEqualTo(Map.of("tenant", "acme"));
  }

  @Test
  void aCloudEventWithNullData_hasNoFields() {
    Map<String, Object> members = cloudEvent();
    members.put("data", null);
    TextOutput flat = new TextOutput();

    CloudEventObject.read(TokenInput.of(members), DEFAULTS, REGISTRY, flat,
        JsonInputProtocolTest::parseFlatObject);

    assertThat(flat).hasToString("{\"event_type\":\"invite.created\",\"event_id\":\"<embedded>\"}");
  }

  @Test
  void aCloudEvent_isCheckedMemberByMember() {
    Map<String, Object> longString = cloudEvent();
    longString.put("data", Map.of("note", List.of("x".repeat(41))));
    assertThatThrownBy(() -> CloudEventObject.read(TokenInput.of(longString),
            DEFAULTS.withMaxStringLength(40), REGISTRY, new TextOutput(),
            JsonInputProtocolTest::parseFlatObject))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("data holds a string longer than the limit of 40");
    Map<String, Object> headerInData = cloudEvent();
    headerInData.put("data", Map.of("event_id", ID));
    assertThatThrownBy(() -> CloudEventObject.read(TokenInput.of(headerInData), DEFAULTS,
            REGISTRY, new TextOutput(), JsonInputProtocolTest::parseFlatObject))
        .hasMessageContaining("data must not contain the header key 'event_id'");
    Map<String, Object> unknown = cloudEvent();
    unknown.put("type", "nope");
    assertThatThrownBy(() -> CloudEventObject.read(TokenInput.of(unknown), DEFAULTS,
            REGISTRY, new TextOutput(), JsonInputProtocolTest::parseFlatObject))
        .isInstanceOf(UnknownEventTypeException.class);
  }

  @Test
  void aCloudEventDocument_mustHoldOneObject_andNothingAfterIt() {
    assertThatThrownBy(() -> CloudEventObject.read(new TokenInput(), DEFAULTS, REGISTRY,
            new TextOutput(), JsonInputProtocolTest::parseFlatObject))
        .isInstanceOf(EventFormatException.class).hasMessage("no JSON content to read");
    assertThatThrownBy(() -> CloudEventObject.read(TokenInput.of(cloudEvent()).value(1),
            DEFAULTS, REGISTRY, new TextOutput(), JsonInputProtocolTest::parseFlatObject))
        .hasMessage("trailing content after the JSON value");
  }

  @Test
  void metadataText_mustHoldExactlyOneValue() {
    ValueReader reader = ValueReader.of("metadata", DEFAULTS);
    CloudEventObject.readMetadata(TokenInput.of(Map.of("a", 1)), reader);
    assertThat(reader.result()).isEqualTo(Map.of("a", 1));
    assertThatThrownBy(() -> CloudEventObject.readMetadata(new TokenInput(),
            ValueReader.of("metadata", DEFAULTS)))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("metadata holds no JSON")
        .extracting(e -> ((EventFormatException) e).field()).isEqualTo("metadata");
    assertThatThrownBy(() -> CloudEventObject.readMetadata(TokenInput.of(Map.of()).value(2),
            ValueReader.of("metadata", DEFAULTS)))
        .hasMessage("trailing content after the metadata JSON object")
        .extracting(e -> ((EventFormatException) e).field()).isEqualTo("metadata");
  }

  // ---- CloudEventsFormat.writeEvent ---------------------------------------------------------

  @Test
  void writeEvent_writesTheAttributes_andTheOwnFieldsAsData_leavingTheHeaderKeysOut() {
    Invite invite = new Invite(EventHeader.of(UUID.fromString(ID),
        Instant.parse("2025-01-15T10:30:00Z"), null, null, Map.of()), 42);
    Map<String, Object> flat = event();
    TextOutput out = new TextOutput();

    CloudEventsFormat.writeEvent(invite, URI.create("/invites"), REGISTRY, DEFAULTS,
        TokenInput.of(flat), out);

    assertThat(out).hasToString("{\"specversion\":\"1.0\",\"id\":\"" + ID + "\","
        + "\"source\":\"/invites\",\"type\":\"invite.created\",\"time\":\"2025-01-15T10:30:00Z\","
        + "\"datacontenttype\":\"application/json\","
        + "\"data\":{\"invite_id\":42,\"tags\":[\"a\",2.50,true,false,{\"k\":[]}]}}");
  }

  // ---- the walks ----------------------------------------------------------------------------

  @Test
  void pushing_convertsEveryTokenToPlainValues() {
    ValueReader reader = ValueReader.of("event_id", DEFAULTS);
    TokenInput input = TokenInput.of(List.of(Map.of("a", List.of(1, true, false)), "s",
        new BigDecimal("1.25"), new LinkedHashMap<>()));
    input.next();

    Walk.push(input, reader);

    assertThat(reader.result()).isEqualTo(List.of(Map.of("a", List.of(1, true, false)), "s",
        1.25, Map.of()));
    assertThat(input.current()).isEqualTo(Token.END_ARRAY);
    assertThat(input.next()).isNull();
  }

  @Test
  void aValueEndingEarly_failsInsteadOfLooping() {
    TokenInput truncated = new TokenInput().add(Token.START_ARRAY).add(Token.INTEGER, 1);
    truncated.next();
    assertThatThrownBy(() -> Walk.push(truncated, ValueReader.of("event_id", DEFAULTS)))
        .isInstanceOf(EventFormatException.class).hasMessage("the JSON ends inside a value");
    TokenInput copied = new TokenInput().add(Token.START_OBJECT);
    copied.next();
    assertThatThrownBy(() -> Walk.copy(copied, new TextOutput(), Walk.COPY))
        .hasMessage("the JSON ends inside a value");
    TokenInput skipped = new TokenInput().add(Token.START_OBJECT);
    skipped.next();
    assertThatThrownBy(() -> Walk.skip(skipped)).hasMessage("the JSON ends inside a value");
  }

  @Test
  void skipping_leavesTheInputOnTheValuesLastToken() {
    TokenInput input = TokenInput.of(List.of(Map.of("a", List.of(1)), 2)).value("after");
    input.next();

    Walk.skip(input);

    assertThat(input.current()).isEqualTo(Token.END_ARRAY);
    assertThat(input.next()).isEqualTo(Token.STRING);
    Walk.skip(input);
    assertThat(input.current()).isEqualTo(Token.STRING);
  }

  @ParameterizedTest
  @EnumSource(Token.class)
  void everyToken_hasTheKindOfTheValueItStarts(Token token) {
    JsonKind expected = switch (token) {
      case START_OBJECT -> JsonKind.OBJECT;
      case START_ARRAY -> JsonKind.ARRAY;
      case STRING -> JsonKind.STRING;
      case INTEGER -> JsonKind.INTEGER;
      case DECIMAL -> JsonKind.DECIMAL;
      case TRUE, FALSE -> JsonKind.BOOLEAN;
      case NULL -> JsonKind.NULL;
      case END_OBJECT, END_ARRAY, NAME, OTHER -> JsonKind.OTHER;
    };
    assertThat(token.kind()).isEqualTo(expected);
    assertThat(Walk.kind(token)).isEqualTo(expected);
    assertThat(Walk.kind(null)).isEqualTo(JsonKind.OTHER);
  }
}
