package io.github.domainevents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.wire.ReadOptions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing lost, nothing forged: exact numbers, strict types, duplicate keys, years the seed can
 * hold, and writing only what can be read back. Each rule is checked through the facade and,
 * where it applies to the flat shape, through the module alone on a plain mapper.
 */
@Timeout(60)
public abstract class HardeningContract {
  static final EventTypeRegistry GIFTS = EventTypeRegistry.of(InviteCreated.class, GiftSent.class);
  static final String ID = "0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b";
  static final String GIFT = "{\"event_id\":\"" + ID + "\",\"event_type\":\"gift.sent\","
      + "\"occurred_at\":\"2025-01-15T10:30:00Z\",\"correlation_id\":null,\"causation_id\":null,"
      + "\"metadata\":{},\"invite_id\":42,\"amount\":12345678901234567890.12,"
      + "\"units\":123456789012345678901234567890,\"currency\":\"EUR\",\"gift\":true,"
      + "\"extra\":{\"rate\":1.5}}";

  /** The module under test. */
  protected abstract EventCodec.Factory codecs();

  EventCodec facade() {
    return codecs().facade(config(ReadOptions.defaults()));
  }

  static CodecConfig config(ReadOptions options) {
    return new CodecConfig(GIFTS, options, true, URI.create("/gifts"));
  }

  /** Both entry points, the module alone on a mapper without naming strategy. */
  List<EventCodec> readers() {
    return List.of(facade(), codecs().moduleOnly(config(ReadOptions.defaults()).withSnakeCase(false)));
  }

  static void failsNaming(ThrowingCallable read, String field, String message) {
    assertThatThrownBy(read).satisfies(e -> {
      Throwable cause = SeedFormatContract.rootOrSelf(e);
      assertThat(cause).isInstanceOf(EventFormatException.class).hasMessageContaining(message);
      assertThat(((EventFormatException) cause).field()).isEqualTo(field);
    });
  }

  static GiftSent gift(String amount, String units) {
    return new GiftSent(EventHeader.of(UUID.fromString(ID), Instant.parse("2025-01-15T10:30:00Z"),
        null, null, Map.of()), 42, new BigDecimal(amount), new BigInteger(units),
        GiftSent.Currency.USD, false, Map.of("rate", 1.5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678901234567890.12", "0.1000000000000000055511151231257827",
      "12.50", "100", "12.0", "1E+400", "-0.00"})
  void numbers_arriveExactlyAsWritten_throughJsonAndCloudEvents(String amount) {
    String json = GIFT.replace("12345678901234567890.12", amount);
    for (EventCodec codec : readers()) {
      GiftSent read = codec.fromJson(json, GiftSent.class);
      assertThat(read.amount()).isEqualTo(new BigDecimal(amount));
      assertThat(read.amount().scale()).isEqualTo(new BigDecimal(amount).scale());
      assertThat(read.units()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }
    GiftSent event = gift(amount, "123456789012345678901234567890");
    assertThat(facade().fromJson(facade().toJson(event))).isEqualTo(event);
    String cloudEvent = facade().toCloudEvent(event);
    assertThat(cloudEvent).contains("\"amount\":" + new BigDecimal(amount));
    assertThat(facade().fromCloudEvent(cloudEvent)).isEqualTo(event);
  }

  @Test
  void hundredAndTwelvePointZero_areWrittenAsThemselvesInCloudEvents() {
    assertThat(facade().toCloudEvent(gift("100", "1"))).contains("\"amount\":100,");
    assertThat(facade().toCloudEvent(gift("12.0", "1"))).contains("\"amount\":12.0,");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "invite_id | 42.9    | invite_id must be an integer",
    "invite_id | \"42\"  | invite_id must be an integer",
    "gift      | 0       | gift must be a boolean",
    "currency  | 1       | currency must be a string",
    "amount    | \"1.5\" | amount must be a number",
  })
  void payloadFields_areReadStrictly_withoutCoercion(String field, String raw, String message) {
    String json = GIFT.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[-0-9.]+|true)",
        "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(raw));
    assertThat(json).contains("\"" + field + "\":" + raw);
    for (EventCodec codec : readers()) {
      failsNaming(() -> codec.fromJson(json), field, message);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"event_type", "event_id", "invite_id"})
  void duplicateKeys_areRejectedNamingTheKey(String key) {
    String value = key.equals("invite_id") ? "7" : key.equals("event_id")
        ? "\"" + UUID.randomUUID() + "\"" : "\"gift.sent\"";
    String json = GIFT.substring(0, GIFT.length() - 1) + ",\"" + key + "\":" + value + "}";
    for (EventCodec codec : readers()) {
      failsNaming(() -> codec.fromJson(json), key, "appears twice");
    }
  }

  @Test
  void duplicateKeysInMetadata_areRejectedNamingThePath() {
    String json = GIFT.replace("\"metadata\":{}", "\"metadata\":{\"a\":{\"k\":1,\"k\":2}}");
    for (EventCodec codec : readers()) {
      assertThatThrownBy(() -> codec.fromJson(json)).satisfies(e ->
          assertThat(SeedFormatContract.rootOrSelf(e)).hasMessageContaining("'k'"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "\"\u00a0\u00a0\"", "\"\u202f\"", "\"\""})
  void typedRead_rejectsANullOrBlankEventType(String raw) {
    String json = GIFT.replace("\"event_type\":\"gift.sent\"", "\"event_type\":" + raw);
    for (EventCodec codec : readers()) {
      failsNaming(() -> codec.fromJson(json, GiftSent.class), "event_type", "event_type");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "-1E+309"})
  void numbersBeyondTheDoubleRange_areRejectedNamingTheKey(String number) {
    String inMetadata = GIFT.replace("\"metadata\":{}", "\"metadata\":{\"big\":" + number + "}");
    String inMap = GIFT.replace("\"rate\":1.5", "\"rate\":" + number);
    for (EventCodec codec : readers()) {
      failsNaming(() -> codec.fromJson(inMetadata), "metadata['big']", "beyond the range");
      failsNaming(() -> codec.fromJson(inMap), "extra", "beyond the range");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"+999999999-12-31T23:59:59-18:00", "0000-12-31T23:59:59Z",
      "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00"})
  void timesOutsideTheSeedsYears_areRejectedQuotingTheValueAsWritten(String time) {
    String json = GIFT.replace("2025-01-15T10:30:00Z", time);
    for (EventCodec codec : readers()) {
      failsNaming(() -> codec.fromJson(json), "occurred_at", "was '" + time + "'");
    }
    String cloudEvent = facade().toCloudEvent(gift("1", "1"))
        .replace("2025-01-15T10:30:00Z", time);
    failsNaming(() -> facade().fromCloudEvent(cloudEvent), "time", "was '" + time + "'");
  }

  @Test
  void theLastAndFirstSupportedTimes_roundTrip() {
    for (String time : List.of("9999-12-31T23:59:59.999999999Z", "0001-01-01T00:00:00Z")) {
      DomainEvent read = facade().fromJson(GIFT.replace("2025-01-15T10:30:00Z", time));
      assertThat(facade().fromJson(facade().toJson(read))).isEqualTo(read);
      assertThat(facade().fromCloudEvent(facade().toCloudEvent(read))).isEqualTo(read);
    }
  }

  @Test
  void writingAnUnregisteredType_failsNamingIt() {
    EventCodec invitesOnly = codecs().facade(CodecConfig.defaults());
    GiftSent event = gift("1", "1");

    assertThatThrownBy(() -> invitesOnly.toJson(event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(GiftSent.class.getName())
        .hasMessageContaining("not registered");
    assertThatThrownBy(() -> invitesOnly.toCloudEvent(event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not registered");
  }

  @Test
  void writingMetadataBeyondTheReadLimits_failsNamingTheLimit() {
    EventCodec shallow = codecs().facade(config(ReadOptions.defaults().withMaxMetadataDepth(1)));
    EventCodec shortStrings = codecs().facade(config(ReadOptions.defaults().withMaxStringLength(10)));
    GiftSent deep = new GiftSent(EventHeader.builder().metadata(Map.of("a", Map.of("b", List.of(1))))
        .build(), 1, BigDecimal.ONE, BigInteger.ONE, GiftSent.Currency.EUR, true, Map.of());
    GiftSent wordy = new GiftSent(EventHeader.builder().metadata(Map.of("a", "x".repeat(11)))
        .build(), 1, BigDecimal.ONE, BigInteger.ONE, GiftSent.Currency.EUR, true, Map.of());

    assertThatThrownBy(() -> shallow.toJson(deep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit of 1");
    assertThatThrownBy(() -> shallow.toCloudEvent(deep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit of 1");
    assertThatThrownBy(() -> shortStrings.toJson(wordy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit of 10");
  }

  @Test
  void cloudEventsMetadata_isNotCappedByTheStringLimit_andErrorsNameMetadata() {
    // 900 values of 60 control characters: 54,000 characters, within the construction limits,
    // but six times as long once escaped in the metadata's JSON string.
    Map<String, Object> metadata = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 900; i++) {
      metadata.put("key" + i, "\u0001".repeat(60));
    }
    GiftSent event = new GiftSent(EventHeader.builder().metadata(metadata).build(), 1,
        BigDecimal.ONE, BigInteger.ONE, GiftSent.Currency.EUR, true, Map.of());

    String cloudEvent = facade().toCloudEvent(event);

    assertThat(cloudEvent.length()).isGreaterThan(ReadOptions.defaults().maxStringLength());
    assertThat(facade().fromCloudEvent(cloudEvent)).isEqualTo(event);
    assertThat(facade().fromJson(facade().toJson(event))).isEqualTo(event);
    String broken = cloudEvent.replace("\"metadata\":\"{", "\"metadata\":\"{,");
    failsNaming(() -> facade().fromCloudEvent(broken), "metadata", "metadata");
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "[]", "42", "\\\"text\\\""})
  void cloudEventsMetadataHoldingNoObject_isRejectedNamingMetadata(String inner) {
    String cloudEvent = facade().toCloudEvent(gift("1", "1"))
        .replace("\"datacontenttype\"", "\"metadata\":\"" + inner + "\",\"datacontenttype\"");
    failsNaming(() -> facade().fromCloudEvent(cloudEvent), "metadata", "metadata");
  }

  @Test
  void anUnknownAttributeHoldingAHugeList_isRejectedByItsName() {
    String list = "[" + "1,".repeat(200_000) + "1]";
    String cloudEvent = facade().toCloudEvent(gift("1", "1"))
        .replace("{\"specversion\"", "{\"" + "x".repeat(5_000) + "\":" + list + ",\"specversion\"");
    failsNaming(() -> facade().fromCloudEvent(cloudEvent), "x".repeat(5_000),
        "unsupported CloudEvents attribute");
  }

  @Test
  void aMultiArgumentCreatorWithoutParameterNames_failsSayingWhatToDo() throws Exception {
    Class<? extends DomainEvent> type = WithoutParameterNames.compile();
    EventCodec codec = codecs().facade(
        new CodecConfig(EventTypeRegistry.of(type), ReadOptions.defaults(), true, null));
    String json = GIFT.replace("gift.sent", "unnamed.created");

    assertThatThrownBy(() -> codec.fromJson(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining(type.getName())
        .hasMessageContaining("compile with -parameters or annotate each parameter with"
            + " @JsonProperty");
  }

  @Test
  void theNestingAndNumberLengthLimits_areApplied() {
    EventCodec shallow = codecs().facade(config(ReadOptions.defaults().withMaxNestingDepth(3)));
    EventCodec shortNumbers =
        codecs().facade(config(ReadOptions.defaults().withMaxNumberLength(10)));

    assertThat(shallow.fromJson(GIFT)).isInstanceOf(GiftSent.class);
    assertThatThrownBy(() -> shallow.fromJson(GIFT.replace("\"rate\":1.5", "\"rate\":[[1]]")))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("exceeds a read limit");
    assertThatThrownBy(() -> shortNumbers.fromJson(GIFT))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("exceeds a read limit");
    assertThat(shortNumbers.fromJson(GIFT.replace("12345678901234567890.12", "1.5")
        .replace("123456789012345678901234567890", "7"))).isInstanceOf(GiftSent.class);
  }
}
