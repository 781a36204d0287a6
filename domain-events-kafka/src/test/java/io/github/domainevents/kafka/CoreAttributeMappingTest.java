package io.github.domainevents.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.EventHeader;
import io.github.domainevents.kafka.Events.InviteCreated;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The binding writes the attributes of core's CloudEvents mapping ({@code CloudEventsFormat}), as
 * the JSON module writes them in structured mode: same names, values and order. The binding maps
 * the outbox row itself (its payload and metadata are JSON text, and the relay has no event object
 * and no JSON codec, which core's mapping needs), so this pins it to core's.
 */
class CoreAttributeMappingTest {
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private static InviteCreated eventWithEveryAttribute() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("list", List.of(1, "two\n", true));
    nested.put("ratio", 0.25);
    return Events.invite(EventHeader.builder()
        .correlationId(UUID.randomUUID())
        .causationId(UUID.randomUUID())
        .metadata("tenant", "acme")
        .metadata("traceparent", TRACEPARENT)
        .metadata("tracestate", "vendor=1")
        .metadata("nested", nested)
        .build(), 7);
  }

  /** The attributes of a structured-mode document, in order, without {@code data}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> attributesOf(String structured) {
    Map<String, Object> document =
        new LinkedHashMap<>(Events.JSON.mapper().readValue(structured, Map.class));
    document.remove("data");
    return document;
  }

  /** The attributes of a binary-mode record, in header order. */
  private static Map<String, Object> attributesOf(List<Header> headers) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Header header : headers) {
      String value = new String(header.value(), StandardCharsets.UTF_8);
      if (header.key().equals(KafkaEventHeaders.CONTENT_TYPE)) {
        attributes.put("datacontenttype", value);
      } else if (header.key().startsWith(KafkaEventHeaders.PREFIX)) {
        attributes.put(header.key().substring(KafkaEventHeaders.PREFIX.length()), value);
      }
    }
    return attributes;
  }

  @ParameterizedTest
  @EnumSource(CloudEventsMode.class)
  void theRecordCarriesTheAttributesOfCoresMapping(CloudEventsMode mode) {
    InviteCreated event = eventWithEveryAttribute();
    Map<String, Object> core = attributesOf(Events.JSON.toCloudEvent(event));

    CloudEventRecords.Encoded encoded =
        CloudEventRecords.encode(Events.message(event, "7"), Events.SOURCE, mode);

    Map<String, Object> written = mode == CloudEventsMode.BINARY
        ? attributesOf(encoded.headers())
        : attributesOf(new String(encoded.value(), StandardCharsets.UTF_8));
    assertThat(core).containsKeys("correlationid", "causationid", "traceparent", "tracestate",
        "metadata");
    assertThat(written).containsExactlyEntriesOf(core);
  }

  @Test
  void withoutOptionalAttributesBothLeaveThemOut() {
    InviteCreated event = Events.invite(EventHeader.builder().build(), 8);
    Map<String, Object> core = attributesOf(Events.JSON.toCloudEvent(event));

    CloudEventRecords.Encoded encoded =
        CloudEventRecords.encode(Events.message(event, "8"), Events.SOURCE, CloudEventsMode.BINARY);

    assertThat(core).doesNotContainKeys("causationid", "traceparent", "tracestate", "metadata");
    assertThat(attributesOf(encoded.headers())).containsExactlyEntriesOf(core);
  }
}
