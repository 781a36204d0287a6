package io.github.domainevents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.wire.UnknownEventTypeException;
import io.github.domainevents.wire.EventFormatException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CloudEvents 1.0 structured-mode JSON: the documented attribute mapping, the specification's
 * rules on reading, and lossless round trips.
 */
public abstract class CloudEventsContract {
  static final String VECTOR = Vectors.load("java/invite-created-cloudevent.json");

  /** The module under test. */
  protected abstract EventCodec.Factory codecs();

  EventCodec codec() {
    return codecs().facade(CodecConfig.defaults());
  }

  static InviteCreated event() {
    return new InviteCreated(
        EventHeader.of(
            UUID.fromString("0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b"),
            Instant.parse("2025-01-15T10:30:00.123456Z"),
            UUID.fromString("0194a3b2-0000-7000-8000-000000000001"),
            UUID.fromString("0194a3b2-0000-7000-8000-000000000002"),
            Map.of("tenant", "acme")),
        42, "tok_3f9a", "ada@example.com");
  }

  @Test
  void writesTheDocumentedAttributes() {
    assertThat(codec().toCloudEvent(event())).isEqualTo(VECTOR);
  }

  @Test
  void readsTheDocumentBack() {
    assertThat(codec().fromCloudEvent(VECTOR)).isEqualTo(event());
  }

  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void theTraceContextInMetadata_travelsAsTheDistributedTracingExtension_andRoundTrips() {
    InviteCreated traced = new InviteCreated(
        EventHeader.builder().metadata(Map.of("traceparent", TRACEPARENT, "tracestate", "vendor=1",
            "tenant", "acme")).build(), 42, "t", "e@x");

    String json = codec().toCloudEvent(traced);

    assertThat(json).contains("\"traceparent\":\"" + TRACEPARENT + "\"")
        .contains("\"tracestate\":\"vendor=1\"")
        .contains("\"metadata\":\"{\\\"tenant\\\":\\\"acme\\\"}\"");
    assertThat(codec().fromCloudEvent(json)).isEqualTo(traced);
  }

  @Test
  void aTraceparentSentTwice_orNotAsAString_failsNamingIt() {
    String twice = VECTOR.replace("\"type\":\"invite.created\"", "\"type\":\"invite.created\","
        + "\"traceparent\":\"" + TRACEPARENT + "\"").replace("{\\\"tenant\\\"",
        "{\\\"traceparent\\\":\\\"x\\\",\\\"tenant\\\"");
    assertThat(twice).contains("traceparent\\\":");
    assertThatThrownBy(() -> codec().fromCloudEvent(twice))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("'traceparent' is both an attribute and a key of the metadata");
    String number = VECTOR.replace("\"type\":\"invite.created\"",
        "\"type\":\"invite.created\",\"tracestate\":7");
    assertThatThrownBy(() -> codec().fromCloudEvent(number))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("tracestate must be a string, was the number 7");
  }

  @Test
  void absentCorrelationCausationAndEmptyMetadata_areLeftOut_andRoundTrip() {
    InviteAccepted accepted = new InviteAccepted(
        EventHeader.of(UUID.randomUUID(), Instant.parse("2025-01-15T10:30:00Z"), null, null,
            Map.of()), 7, "bob");

    String json = codec().toCloudEvent(accepted);

    assertThat(json).doesNotContain("correlationid", "causationid", "metadata");
    assertThat(json).contains("\"data\":{\"invite_id\":7,\"accepted_by\":\"bob\"}");
    assertThat(codec().fromCloudEvent(json)).isEqualTo(accepted);
  }

  @Test
  void nestedMetadata_roundTripsThroughTheStringExtension() {
    InviteCreated original = event();
    InviteCreated rich = new InviteCreated(
        original.header().toBuilder()
            .metadata(Map.of("origin", Map.of("svc", "a", "n", List.of(1, 2.5, true)),
                "who", "Zoë \"quoted\""))
            .build(),
        1, "t", "e");

    DomainEvent back = codec().fromCloudEvent(codec().toCloudEvent(rich));

    assertThat(back).isEqualTo(rich);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "\"specversion\":\"1.0\"     | \"specversion\":\"0.3\"          | specversion",
    "\"specversion\":\"1.0\",    | ''                                | specversion",
    "\"source\":\"/invites\",    | ''                                | source",
    "\"source\":\"/invites\"     | \"source\":\"\"                  | source",
    "\"source\":\"/invites\"     | \"source\":\"a b\"               | source",
    "\"id\":\"0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b\" | \"id\":\"\"  | id",
    "\"id\":\"0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b\" | \"id\":\"abc\" | id",
    "\"type\":\"invite.created\", | ''                               | type",
    "\"time\":\"2025-01-15T10:30:00.123456Z\", | ''                  | time",
    "\"time\":\"2025-01-15T10:30:00.123456Z\" | \"time\":\"noon\"  | time",
    "\"datacontenttype\":\"application/json\" | \"datacontenttype\":\"text/xml\" | datacontenttype",
    "\"correlationid\":\"0194a3b2-0000-7000-8000-000000000001\" | \"correlationid\":42 | correlationid",
    "\"metadata\":\"{\\\"tenant\\\":\\\"acme\\\"}\" | \"metadata\":{\"tenant\":\"acme\"} | metadata",
    "\"metadata\":\"{\\\"tenant\\\":\\\"acme\\\"}\" | \"metadata\":\"{\\\"tenant\\\":null}\" | metadata",
    "\"type\":\"invite.created\" | \"type\":\"invite.created\",\"Subject\":\"x\" | Subject",
    "\"type\":\"invite.created\" | \"type\":\"invite.created\",\"trace_id\":\"x\" | trace_id",
    "\"type\":\"invite.created\" | \"type\":\"invite.created\",\"subject\":\"x\" | subject",
    "\"type\":\"invite.created\" | \"type\":\"invite.created\",\"data_base64\":\"AA==\" | data_base64",
  })
  void breakingASpecRule_failsNamingTheAttribute(String valid, String broken, String attribute) {
    assertThat(VECTOR).contains(valid);
    String json = VECTOR.replace(valid, broken);

    assertThatThrownBy(() -> codec().fromCloudEvent(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining(attribute);
  }

  @ParameterizedTest
  @ValueSource(strings = {Gadget.NAME, "java.lang.Runtime"})
  void typeNamingAClass_isAnUnknownType(String type) {
    String json = VECTOR.replace("\"invite.created\"", "\"" + type + "\"");

    assertThatThrownBy(() -> codec().fromCloudEvent(json))
        .isInstanceOf(UnknownEventTypeException.class);
    assertThat(GadgetProbe.INITIALIZED).isFalse();
  }

  @Test
  void dataHoldingHeaderKeysOrTypeIds_isRejected() {
    String withHeaderKey = VECTOR.replace("\"data\":{", "\"data\":{\"event_id\":\"x\",");
    String withTypeId = VECTOR.replace("\"data\":{", "\"data\":{\"@class\":\"java.lang.Runtime\",");

    assertThatThrownBy(() -> codec().fromCloudEvent(withHeaderKey))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("event_id");
    assertThatThrownBy(() -> codec().fromCloudEvent(withTypeId))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("@class");
  }

  @Test
  void writingWithoutAConfiguredSource_isAnIllegalState() {
    EventCodec noSource = codecs().facade(CodecConfig.defaults().withoutSource());

    assertThatThrownBy(() -> noSource.toCloudEvent(event()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("source");
    assertThat(noSource.fromCloudEvent(VECTOR)).isEqualTo(event());
  }

  @Test
  void everyAttributeWritten_hasAValidName() {
    String json = codec().toCloudEvent(event());
    java.util.regex.Matcher names = java.util.regex.Pattern.compile(
        "[{,]\"([^\"]+)\":").matcher(json.substring(0, json.indexOf("\"data\"") + 1));
    int count = 0;
    while (names.find()) {
      assertThat(names.group(1)).matches("[a-z0-9]{1,20}");
      count++;
    }
    assertThat(count).isEqualTo(9);
  }
}
