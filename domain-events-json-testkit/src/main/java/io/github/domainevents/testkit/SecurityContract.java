package io.github.domainevents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.wire.UnknownEventTypeException;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.ReadOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and malformed input: rejected with an error naming the field, no class loaded by name,
 * no partly built event, no {@code StackOverflowError}.
 */
@Timeout(60)
public abstract class SecurityContract {
  static final String VALID = Vectors.load("java/invite-created.json");

  /** The module under test. */
  protected abstract EventCodec.Factory codecs();

  EventCodec codec() {
    return codecs().facade(CodecConfig.defaults());
  }

  static String withField(String key, String rawValue) {
    return VALID.substring(0, VALID.length() - 1) + ",\"" + key + "\":" + rawValue + "}";
  }

  @AfterEach
  void noGadgetWasEverInitialized() {
    assertThat(GadgetProbe.INITIALIZED).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"@class", "@type", "@c", "@id"})
  void typeIdKeysNamingGadgets_areRejected(String key) {
    String json = withField(key, "\"com.sun.rowset.JdbcRowSetImpl\"");

    assertThatThrownBy(() -> codec().fromJson(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("'" + key + "' is not accepted");
  }

  @Test
  void typeIdArrayWrappingAGadget_asAFieldValue_isRejected() {
    String json = VALID.replace("\"token\":\"tok_3f9a\"",
        "\"token\":[\"" + Gadget.NAME + "\",{\"command\":\"calc\"}]");

    assertThatThrownBy(() -> codec().fromJson(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("token");
  }

  @ParameterizedTest
  @ValueSource(strings = {Gadget.NAME, "java.lang.Runtime", "com.sun.rowset.JdbcRowSetImpl",
      "org.springframework.context.support.ClassPathXmlApplicationContext", "does.not.Exist"})
  void eventTypeNamingAClass_isAnUnknownType_andNoClassIsLoaded(String name) {
    String json = VALID.replace("\"invite.created\"", "\"" + name + "\"");

    assertThatThrownBy(() -> codec().fromJson(json))
        .isInstanceOf(UnknownEventTypeException.class)
        .hasMessageContaining("'" + name + "'");
  }

  @Test
  void hundredThousandNestedArrays_areRejectedQuicklyByTheStreamLimits() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    String json = VALID.replace("\"tok_3f9a\"", deep);

    long start = System.nanoTime();
    assertThatThrownBy(() -> codec().fromJson(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("exceeds a read limit")
        .hasMessageContaining("nesting depth");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void hundredThousandNestedObjectsInMetadata_areRejectedWithoutStackOverflow() {
    String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
    String json = VALID.replace("\"metadata\":{}", "\"metadata\":" + deep);

    // Metadata's own depth limit (16) stops the read long before the parser's nesting limit.
    assertThatThrownBy(() -> codec().fromJson(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("is nested deeper than the limit of 16 levels");
  }

  @Test
  void metadataDeeperThanTheConfiguredDepth_isRejected() {
    String nested = "{\"a\":".repeat(5) + "1" + "}".repeat(5);
    String json = VALID.replace("\"metadata\":{}", "\"metadata\":" + nested);
    EventCodec strict = codecs().facade(
        CodecConfig.defaults().withOptions(ReadOptions.defaults().withMaxMetadataDepth(3)));

    assertThat(codec().fromJson(json).metadata()).containsKey("a");
    assertThatThrownBy(() -> strict.fromJson(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("metadata['a']['a']['a']['a']")
        .hasMessageContaining("limit of 3");
  }

  @Test
  void stringsAndDocumentsBeyondTheLimits_areRejected() {
    EventCodec small = codecs().facade(CodecConfig.defaults().withOptions(
        ReadOptions.defaults().withMaxStringLength(100).withMaxDocumentLength(10_000)));
    String longString = VALID.replace("tok_3f9a", "x".repeat(1_000));
    String longDocument = VALID.replace("\"metadata\":{}",
        "\"metadata\":{\"pad\":\"" + "y".repeat(90) + "\"" + ",\"p\":1".repeat(2_000) + "}");

    assertThatThrownBy(() -> small.fromJson(longString))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("exceeds a read limit")
        .hasMessageContaining("String value length");
    assertThatThrownBy(() -> small.fromJson(longDocument))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("exceeds a read limit")
        .hasMessageContaining("Document length");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "event_id       | 42                                     | event_id must be a string",
    "event_id       | \"not-a-uuid\"                         | event_id must be a UUID",
    "event_id       | null                                   | event_id is null",
    "occurred_at    | \"2025-02-30T10:00:00Z\"               | occurred_at must be an ISO-8601",
    "occurred_at    | \"2025-01-15T10:30:00\"                | occurred_at must be an ISO-8601",
    "occurred_at    | 1736937000                             | occurred_at must be a string",
    "correlation_id | \"xyz\"                                | correlation_id must be a UUID",
    "causation_id   | true                                   | causation_id must be a UUID string",
    "metadata       | []                                     | metadata must be an object",
    "event_type     | 7                                      | event_type must be a string",
  })
  void wrongHeaderTypesAndValues_failNamingTheField(String field, String raw, String message) {
    String json = VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\{\\}|null)",
        "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(raw));

    assertThatThrownBy(() -> codec().fromJson(json, InviteCreated.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((EventFormatException) e).field())
        .isEqualTo(field);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "invite_id | \"forty-two\"",
    "invite_id | {}",
    "email     | [1,2]",
  })
  void wrongPayloadTypes_failNamingTheField(String field, String raw) {
    String json = VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\d+)",
        "\"" + field + "\":" + raw);

    assertThatThrownBy(() -> codec().fromJson(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining(field)
        .extracting(e -> ((EventFormatException) e).field())
        .isEqualTo(field);
  }

  @Test
  void missingPayloadField_isAnError_notADefault() {
    String json = VALID.replace(",\"invite_id\":42", "");

    assertThatThrownBy(() -> codec().fromJson(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("invite_id");
  }

  @Test
  void unknownPayloadField_isAnError() {
    assertThatThrownBy(() -> codec().fromJson(withField("is_admin", "true")))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("is_admin");
  }

  @Test
  void aNestedHeaderObject_cannotSmuggleAHeaderIn() {
    String json = withField("header", "{\"eventId\":\"0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b\"}");

    assertThatThrownBy(() -> codec().fromJson(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("'header' is not an event field");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "{", "{\"event_id\":", "[]", "42", "\"text\"", "null",
      "{\"event_id\" \"x\"}", "{} {}", "{\"a\":1}"})
  void malformedJson_isAnEventFormatError(String json) {
    assertThatThrownBy(() -> codec().fromJson(json))
        .isInstanceOf(EventFormatException.class);
  }

  @Test
  void nullArguments_areRejectedNamingThem() {
    assertThatThrownBy(() -> codec().fromJson(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("json");
    assertThatThrownBy(() -> codec().fromJson(VALID, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("type");
    assertThatThrownBy(() -> codec().toJson(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("event");
  }

  @Test
  void theModuleAlone_rejectsTypeIdKeysAndUnknownTypes_withTheCauseAttached() {
    EventCodec module = codecs().moduleOnly(CodecConfig.defaults());

    assertThatThrownBy(() -> module.fromJson(withField("@class", "\"java.lang.Runtime\"")))
        .isInstanceOf(RuntimeException.class)
        .hasRootCauseInstanceOf(EventFormatException.class)
        .hasMessageContaining("@class");
    assertThatThrownBy(
            () -> module.fromJson(VALID.replace("\"invite.created\"", "\"" + Gadget.NAME + "\"")))
        .hasRootCauseInstanceOf(UnknownEventTypeException.class);
  }

  @Test
  void theModuleAlone_rejectsDeepNestingThroughJacksonsOwnLimits_withoutStackOverflow() {
    EventCodec module = codecs().moduleOnly(CodecConfig.defaults());
    String json = VALID.replace("\"tok_3f9a\"", "[".repeat(100_000) + "]".repeat(100_000));

    assertThatThrownBy(() -> module.fromJson(json))
        .isInstanceOf(RuntimeException.class)
        .hasStackTraceContaining("nesting depth");
  }

  @Test
  void readingAnUnregisteredClassDirectly_isRejected() {
    EventCodec empty = codecs().facade(new CodecConfig(
        io.github.domainevents.wire.EventTypeRegistry.of(InviteAccepted.class),
        ReadOptions.defaults(), true, CodecConfig.defaults().source()));

    assertThatThrownBy(() -> empty.fromJson(VALID, InviteCreated.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("not registered");
  }
}
