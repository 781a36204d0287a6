package io.github.domainevents.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The distributed-tracing extension on plain values: {@link CloudEventsFormat#attributes} out,
 * and the attributes pushed back into a {@link CloudEventObject} as a JSON module's reader does.
 */
class CloudEventsTracingTest {
  static final String ID = "0194a3b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b";
  static final String CORRELATION = "0194a3b2-0000-7000-8000-000000000001";
  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  static final ReadOptions DEFAULTS = ReadOptions.defaults();

  @EventType("invite.created")
  record Invite(EventHeader header, long inviteId) implements DomainEvent {}

  static final EventTypeRegistry REGISTRY = EventTypeRegistry.of(Invite.class);

  static Invite invite(Map<String, Object> metadata) {
    return new Invite(EventHeader.of(UUID.fromString(ID), Instant.parse("2025-01-15T10:30:00Z"),
        UUID.fromString(CORRELATION), null, metadata), 42);
  }

  static Map<String, String> attributes(Invite invite) {
    return CloudEventsFormat.attributes(invite, URI.create("/invites"), REGISTRY, DEFAULTS);
  }

  @Test
  void attributes_areThePlainStrings_inWritingOrder_withTheTraceContextAsExtensions() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("tenant", "acme");
    metadata.put("traceparent", TRACEPARENT);
    metadata.put("tracestate", "vendor=1");

    Map<String, String> attributes = attributes(invite(metadata));

    assertThat(attributes).containsExactly(
        Map.entry("specversion", "1.0"), Map.entry("id", ID), Map.entry("source", "/invites"),
        Map.entry("type", "invite.created"), Map.entry("time", "2025-01-15T10:30:00Z"),
        Map.entry("datacontenttype", "application/json"),
        Map.entry("correlationid", CORRELATION),
        Map.entry("traceparent", TRACEPARENT), Map.entry("tracestate", "vendor=1"),
        Map.entry("metadata", "{\"tenant\":\"acme\"}"));
    assertThatThrownBy(() -> attributes.put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aTraceContextAlone_leavesNoMetadataExtension_andANonStringOne_staysInTheMetadata() {
    assertThat(attributes(invite(Map.of("traceparent", TRACEPARENT))))
        .containsEntry("traceparent", TRACEPARENT).doesNotContainKey("metadata");
    assertThat(attributes(invite(Map.of("traceparent", 7))))
        .doesNotContainKey("traceparent").containsEntry("metadata", "{\"traceparent\":7}");
    assertThat(attributes(invite(Map.of()))).doesNotContainKeys("traceparent", "metadata");
  }

  @Test
  void structuredWriting_writesTheSameAttributes() {
    Invite invite = invite(Map.of("traceparent", TRACEPARENT));
    JsonText text = JsonText.forTests();
    text.startObject();
    CloudEventsFormat.writeAttributes(invite, URI.create("/invites"), REGISTRY, DEFAULTS, text);
    text.endObject();

    StringBuilder expected = new StringBuilder("{");
    attributes(invite).forEach((name, value) -> expected.append(expected.length() > 1 ? "," : "")
        .append('"').append(name).append("\":\"").append(value).append('"'));
    assertThat(text).hasToString(expected.append('}').toString());
  }

  @Test
  void theAttributesReadBack_giveTheHeader_withTheTraceContextInTheMetadata() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("tenant", "acme");
    metadata.put("traceparent", TRACEPARENT);
    Invite invite = invite(metadata);

    CloudEventObject read = Push.cloudEvent(attributes(invite), DEFAULTS);

    assertThat(read.type()).isEqualTo("invite.created");
    assertThat(read.header(JsonInputProtocolTest::parseFlatObject)).isEqualTo(invite.header());
  }

  @Test
  void eachAttribute_isChecked_andATracingAttributeMustBeAString() {
    Map<String, Object> attributes = new LinkedHashMap<>(attributes(invite(Map.of())));
    attributes.put("subject", "x");
    assertThatThrownBy(() -> Push.cloudEvent(attributes, DEFAULTS))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("unsupported CloudEvents attribute 'subject'")
        .hasMessageContaining("traceparent");
    Map<String, Object> typed = new LinkedHashMap<>(attributes(invite(Map.of())));
    typed.put("traceparent", true);
    assertThatThrownBy(() -> Push.cloudEvent(typed, DEFAULTS)
            .header(JsonInputProtocolTest::parseFlatObject))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("traceparent must be a string, was the boolean true");
  }

  @Test
  void aTraceparentInBothPlaces_isRejected_ratherThanOneSilentlyWinning() {
    Map<String, Object> attributes = new LinkedHashMap<>(attributes(invite(Map.of())));
    attributes.put("traceparent", TRACEPARENT);
    attributes.put("metadata", "{\"traceparent\":\"other\"}");

    CloudEventObject read = Push.cloudEvent(attributes, DEFAULTS);

    assertThatThrownBy(() -> read.header(JsonInputProtocolTest::parseFlatObject))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("'traceparent' is both an attribute and a key of the metadata extension;"
            + " a writer sends it once, as the attribute")
        .extracting(e -> ((EventFormatException) e).field()).isEqualTo("traceparent");
  }

  @Test
  void numbersAndBooleans_areAcceptedAsAttributeValues_andCheckedWhereTheyAreRead() {
    Map<String, Object> attributes = new LinkedHashMap<>(attributes(invite(Map.of())));
    attributes.put("correlationid", 5);
    assertThatThrownBy(() -> Push.cloudEvent(attributes, DEFAULTS)
            .header(JsonInputProtocolTest::parseFlatObject))
        .hasMessage("correlationid must be a UUID string, was the number 5");
  }
}
