package io.github.domainevents.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.kafka.Events.InviteCreated;
import io.github.domainevents.wire.EventFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The protocol binding without a broker: encoding, normalizing, and the trace context rules. */
class CloudEventRecordsTest {
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final String OTHER_TRACEPARENT =
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @ParameterizedTest
  @EnumSource(CloudEventsMode.class)
  void whatIsEncodedDecodesToTheSameEvent(CloudEventsMode mode) {
    InviteCreated event = Events.invite(EventHeader.builder()
        .correlationId(UUID.randomUUID())
        .causationId(UUID.randomUUID())
        .metadata("traceparent", TRACEPARENT)
        .metadata("nested", Map.of("list", java.util.List.of(1, "two\n")))
        .build(), 7);
    DomainEvent back = roundTrip(event, mode);
    assertThat(back).isEqualTo(event);
  }

  @Test
  void aTraceparentHeaderIsPutIntoMetadataThatHasNone() {
    InviteCreated event = Events.invite(EventHeader.create(), 8);
    CloudEventRecords.Encoded encoded = CloudEventRecords.encode(
        Events.message(event, "a"), Events.SOURCE, CloudEventsMode.BINARY);
    Headers headers = headers(encoded);
    headers.add("traceparent", bytes(OTHER_TRACEPARENT));
    headers.add("tracestate", bytes("k=v"));
    DomainEvent back = Events.JSON.fromCloudEvent(
        CloudEventRecords.decode(encoded.value(), headers).cloudEventJson());
    assertThat(back.metadata())
        .containsExactlyInAnyOrderEntriesOf(Map.of("traceparent", OTHER_TRACEPARENT,
            "tracestate", "k=v"));
  }

  @Test
  void theEventsOwnTraceparentWinsOverAHeaderSetOnTheWay() {
    InviteCreated event = Events.invite(EventHeader.builder()
        .metadata("traceparent", TRACEPARENT).build(), 9);
    CloudEventRecords.Encoded encoded = CloudEventRecords.encode(
        Events.message(event, "a"), Events.SOURCE, CloudEventsMode.STRUCTURED);
    Headers headers = new RecordHeaders();
    headers.add("content-type", bytes("application/cloudevents+json"));
    headers.add("traceparent", bytes(OTHER_TRACEPARENT)); // an agent's producer span
    DomainEvent back = Events.JSON.fromCloudEvent(
        CloudEventRecords.decode(encoded.value(), headers).cloudEventJson());
    assertThat(back.metadata()).containsExactly(Map.entry("traceparent", TRACEPARENT));
  }

  @Test
  void aRepeatedAttributeHeaderIsRejected() {
    CloudEventRecords.Encoded encoded = CloudEventRecords.encode(
        Events.message(Events.invite(10), "a"), Events.SOURCE, CloudEventsMode.BINARY);
    Headers headers = headers(encoded);
    headers.add("ce_type", bytes("invite.created"));
    assertThatThrownBy(() -> CloudEventRecords.decode(encoded.value(), headers))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("ce_type appears twice");
  }

  @Test
  void nonJsonDataAndOtherStructuredFormatsAreRejected() {
    Headers binary = new RecordHeaders();
    binary.add("ce_specversion", bytes("1.0"));
    binary.add("ce_type", bytes("invite.created"));
    binary.add("content-type", bytes("application/avro"));
    assertThatThrownBy(() -> CloudEventRecords.decode(bytes("x"), binary))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("application/avro");
    Headers structured = new RecordHeaders();
    structured.add("content-type", bytes("application/cloudevents+avro"));
    assertThatThrownBy(() -> CloudEventRecords.decode(bytes("x"), structured))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("only JSON");
  }

  @Test
  void invalidUtf8IsRejectedNotReplaced() {
    Headers headers = new RecordHeaders();
    headers.add("ce_specversion", bytes("1.0"));
    headers.add("ce_type", new byte[] {(byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> CloudEventRecords.decode(null, headers))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("ce_type is not valid UTF-8");
  }

  @Test
  void aPayloadThatIsNotAJsonObjectIsRejectedWhenPublishing() {
    InviteCreated event = Events.invite(11);
    io.github.domainevents.outbox.OutboxMessage message = Events.message(event, "a");
    io.github.domainevents.outbox.OutboxMessage broken = new io.github.domainevents.outbox
        .OutboxMessage(message.eventId(), message.eventType(), message.aggregateType(),
            message.aggregateId(), message.occurredAt(), null, null, "{}", "[1]", 1);
    assertThatThrownBy(() -> CloudEventRecords.encode(broken, Events.SOURCE,
        CloudEventsMode.BINARY))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("the outbox payload");
  }

  private static DomainEvent roundTrip(DomainEvent event, CloudEventsMode mode) {
    CloudEventRecords.Encoded encoded = CloudEventRecords.encode(
        Events.message(event, "a"), Events.SOURCE, mode);
    Incoming incoming = CloudEventRecords.decode(encoded.value(), headers(encoded));
    assertThat(incoming.type()).isEqualTo(event.eventType());
    return Events.JSON.fromCloudEvent(incoming.cloudEventJson());
  }

  private static Headers headers(CloudEventRecords.Encoded encoded) {
    Headers headers = new RecordHeaders();
    encoded.headers().forEach(headers::add);
    return headers;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
