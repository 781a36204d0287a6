package io.github.domainevents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.ReadOptions;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed's wire format: vectors written by the Python package are read faithfully, written
 * back, and re-read; what Java writes is what the seed's model accepts.
 */
public abstract class SeedFormatContract {
  static final UUID ID = UUID.fromString("0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b");
  static final String HEADER_PREFIX =
      "{\"event_id\":\"0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b\",\"event_type\":\"invite.created\","
          + "\"occurred_at\":\"2025-01-15T10:30:00Z\",\"correlation_id\":null,\"causation_id\":null,"
          + "\"metadata\":{}";

  /** The module under test. */
  protected abstract EventCodec.Factory codecs();

  EventCodec codec() {
    return codecs().facade(CodecConfig.defaults());
  }

  static InviteCreated invite(Instant at) {
    return new InviteCreated(
        EventHeader.of(ID, at, null, null, Map.of()), 42, "tok_3f9a", "ada@example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"isoformat", "no-fraction", "offset"})
  void seedVectors_readIntoRecords_asUtc(String vector) {
    InviteCreated event =
        codec().fromJson(Vectors.load("seed/invite-created-" + vector + ".json"), InviteCreated.class);

    Instant expected = switch (vector) {
      case "isoformat" -> Instant.parse("2025-01-15T10:30:00.123456Z");
      case "no-fraction" -> Instant.parse("2025-01-15T10:30:00Z");
      default -> Instant.parse("2025-01-15T10:30:00.500Z");
    };
    assertThat(event.eventId()).isEqualTo(ID);
    assertThat(event.occurredAt()).isEqualTo(expected);
    assertThat(event.correlationId()).isEmpty();
    assertThat(event.causationId()).isEmpty();
    assertThat(event.metadata()).isEmpty();
    assertThat(event.inviteId()).isEqualTo(42L);
    assertThat(event.token()).isEqualTo("tok_3f9a");
    assertThat(event.email()).isEqualTo("ada@example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"isoformat", "no-fraction", "offset", "pydantic-z"})
  void seedVectors_writtenBackAndReRead_areEqual(String vector) {
    String seed = Vectors.load("seed/invite-created-" + vector + ".json");
    DomainEvent event = codec().fromJson(seed);

    String written = codec().toJson(event);

    assertThat(codec().fromJson(written)).isEqualTo(event);
    assertThat(event).isInstanceOf(InviteCreated.class);
  }

  @Test
  void pydanticVector_withMetadataOfEveryJsonType_isReadAndWrittenBackByteForByte() {
    String seed = Vectors.load("seed/invite-created-pydantic-z.json");

    InviteCreated event = codec().fromJson(seed, InviteCreated.class);

    assertThat(event.correlationId()).contains(UUID.fromString("0194a3b2-0000-7000-8000-000000000001"));
    assertThat(event.causationId()).contains(UUID.fromString("0194a3b2-0000-7000-8000-000000000002"));
    assertThat(event.metadata())
        .containsExactly(
            Map.entry("tenant", "acme"),
            Map.entry("attempt", 2),
            Map.entry("ratio", 0.5),
            Map.entry("urgent", true),
            Map.entry("tags", List.of("a", "b")),
            Map.entry("origin", Map.of("service", "invites", "region", "eu-1")),
            Map.entry("display", "Zoë 🎉"));
    assertThat(event.email()).isEqualTo("zoë@example.com");
    assertThat(codec().toJson(event)).isEqualTo(seed);
  }

  @Test
  void javaOutput_isTheSeedShape_byteForByte() {
    InviteCreated event = invite(Instant.parse("2025-01-15T10:30:00.123456Z"));

    assertThat(codec().toJson(event)).isEqualTo(Vectors.load("java/invite-created.json"));
  }

  @Test
  void javaOutput_ofAClassStyleEvent_isTheSeedShape() {
    UUID cause = ID;
    InviteAccepted event =
        new InviteAccepted(
            EventHeader.of(UUID.fromString("0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5c"),
                Instant.parse("2025-01-15T10:31:00Z"), cause, cause, Map.of("tenant", "acme")),
            42, "ada@example.com");

    String json = codec().toJson(event);

    assertThat(json).isEqualTo(Vectors.load("java/invite-accepted.json"));
    assertThat(codec().fromJson(json)).isEqualTo(event);
  }

  /**
   * What pydantic's datetime and UUID parsers accept; checked on every header Java writes.
   * Fractions beyond microseconds (written when the clock has them) are accepted by pydantic 2.1
   * and later, which drop the extra digits; Python's datetime holds microseconds.
   */
  static final Pattern SEED_ACCEPTS =
      Pattern.compile(
          "\\{\"event_id\":\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\","
              + "\"event_type\":\"[^\"]+\","
              + "\"occurred_at\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z\","
              + "\"correlation_id\":(null|\"[0-9a-f-]{36}\"),"
              + "\"causation_id\":(null|\"[0-9a-f-]{36}\"),"
              + "\"metadata\":\\{.*");

  @Test
  void javaOutput_withFreshHeaders_matchesWhatTheSeedAccepts() {
    InviteCreated created = new InviteCreated(EventHeader.create(), 1, "t", "e@x");
    InviteAccepted accepted = new InviteAccepted(1, "e@x");

    assertThat(codec().toJson(created)).matches(SEED_ACCEPTS);
    assertThat(codec().toJson(accepted)).matches(SEED_ACCEPTS);
  }

  @Test
  void theWireShape_doesNotDependOnTheMapper() {
    InviteCreated event = invite(Instant.parse("2025-01-15T10:30:00Z"));
    String seedShape =
        HEADER_PREFIX + ",\"invite_id\":42,\"token\":\"tok_3f9a\",\"email\":\"ada@example.com\"}";

    for (EventCodec plain : List.of(
        codecs().facade(CodecConfig.defaults().withSnakeCase(false)),
        codecs().moduleOnly(CodecConfig.defaults().withSnakeCase(false)))) {
      assertThat(plain.toJson(event)).isEqualTo(seedShape);
      assertThat(plain.fromJson(seedShape)).isEqualTo(event);
    }
  }

  @Test
  void aPlainMapper_neitherDropsAPresentFieldNorInventsAMissingOne() {
    String seed = HEADER_PREFIX
        + ",\"invite_id\":42,\"token\":\"tok_3f9a\",\"email\":\"ada@example.com\"}";
    String unknown = seed.replace("\"invite_id\":42", "\"invite_id\":42,\"inviteId\":7");
    String missing = seed.replace("\"invite_id\":42,", "");

    for (EventCodec plain : List.of(
        codecs().facade(CodecConfig.defaults().withSnakeCase(false)),
        codecs().moduleOnly(CodecConfig.defaults().withSnakeCase(false)))) {
      assertThatThrownBy(() -> plain.fromJson(unknown))
          .satisfies(e -> assertThat(rootOrSelf(e)).isInstanceOf(EventFormatException.class)
              .hasMessageContaining("'inviteId' is not a field"));
      assertThatThrownBy(() -> plain.fromJson(missing))
          .satisfies(e -> assertThat(rootOrSelf(e)).isInstanceOf(EventFormatException.class)
              .hasMessageContaining("invite_id is missing"));
    }
  }

  /** The module alone wraps the library's exception in Jackson's; the facade throws it. */
  static Throwable rootOrSelf(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof EventFormatException
          || cause instanceof io.github.domainevents.wire.UnknownEventTypeException) {
        return cause;
      }
    }
    return e;
  }

  @Test
  void missingOptionalHeaderFields_meanAbsentAndEmpty() {
    String json = "{\"event_id\":\"" + ID + "\",\"event_type\":\"invite.created\","
        + "\"occurred_at\":\"2025-01-15T10:30:00Z\",\"invite_id\":42,\"token\":\"t\",\"email\":\"e\"}";

    DomainEvent event = codec().fromJson(json);

    assertThat(event.correlationId()).isEmpty();
    assertThat(event.causationId()).isEmpty();
    assertThat(event.metadata()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"event_id", "occurred_at"})
  void missingRequiredHeaderFields_failNamingThem(String field) {
    String json = Vectors.load("java/invite-created.json")
        .replaceFirst("\"" + field + "\":\"[^\"]*\",", "");

    assertThatThrownBy(() -> codec().fromJson(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining(field + " is missing");
  }

  @Test
  void nullMetadataValue_failsNamingTheKey_unlessOmissionIsChosen() {
    String json = Vectors.load("java/invite-created.json")
        .replace("\"metadata\":{}", "\"metadata\":{\"tenant\":\"acme\",\"region\":null}");

    assertThatThrownBy(() -> codec().fromJson(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("metadata['region'] is null");
    EventCodec omitting = codecs().facade(
        CodecConfig.defaults().withOptions(ReadOptions.defaults().withNullMetadataValuesOmitted(true)));
    assertThat(omitting.fromJson(json).metadata()).containsExactly(Map.entry("tenant", "acme"));
  }

  @Test
  void metadataNumbers_keepTheirJsonTypes() {
    String json = Vectors.load("java/invite-created.json").replace("\"metadata\":{}",
        "\"metadata\":{\"i\":1,\"l\":9007199254740993,\"b\":123456789012345678901234567890,"
            + "\"d\":1.25,\"n\":[{\"x\":false}]}");

    Map<String, Object> metadata = codec().fromJson(json).metadata();

    assertThat(metadata.get("i")).isEqualTo(1);
    assertThat(metadata.get("l")).isEqualTo(9007199254740993L);
    assertThat(metadata.get("b")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(metadata.get("d")).isEqualTo(1.25);
    assertThat(metadata.get("n")).isEqualTo(List.of(Map.of("x", false)));
    assertThat(codec().toJson(codec().fromJson(json))).isEqualTo(json);
  }

  @Test
  void richFieldTypes_roundTrip() {
    ProfileUpdated event = new ProfileUpdated(
        EventHeader.create(), UUID.randomUUID(), "Zoë", List.of("x", "y"), Map.of("a", 1),
        true, 4.5, null);

    assertThat(codec().fromJson(codec().toJson(event))).isEqualTo(event);
  }

  @Test
  void eventTypeOfAnotherClass_isRejectedWhenReadingAKnownClass() {
    String json = Vectors.load("java/invite-created.json")
        .replace("\"invite.created\"", "\"invite.accepted\"");

    assertThatThrownBy(() -> codec().fromJson(json, InviteCreated.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("event_type 'invite.accepted' does not match");
  }

  @Test
  void theModuleAlone_readsAndWritesTheSameFormat() {
    EventCodec module = codecs().moduleOnly(CodecConfig.defaults());
    String seed = Vectors.load("seed/invite-created-pydantic-z.json");

    DomainEvent event = module.fromJson(seed);

    assertThat(event).isEqualTo(codec().fromJson(seed));
    assertThat(module.toJson(event)).isEqualTo(seed);
  }
}
