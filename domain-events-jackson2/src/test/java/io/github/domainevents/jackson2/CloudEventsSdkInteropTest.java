package io.github.domainevents.jackson2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.testkit.GiftSent;
import io.github.domainevents.testkit.InviteCreated;
import io.github.domainevents.wire.EventFormatException;
import io.github.domainevents.wire.EventTypeRegistry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The official CloudEvents SDK (Jackson 2) and this library read each other's documents. */
class CloudEventsSdkInteropTest {
  private final EventFormat sdk = new JsonFormat();
  private final EventJson json =
      EventJson.builder(EventTypeRegistry.of(InviteCreated.class, GiftSent.class))
          .cloudEventsSource(URI.create("/invites"))
          .build();

  @Test
  void theSdkParsesTheLibrarysCloudEvent_andTheLibraryReadsWhatTheSdkWritesBack() {
    UUID correlation = UUID.randomUUID();
    GiftSent event = new GiftSent(
        EventHeader.builder().correlationId(correlation)
            .metadata(Map.of("tenant", "acme", "tags", List.of(1, 2))).build(),
        42, new BigDecimal("12.25"), new BigInteger("100"), GiftSent.Currency.EUR, true,
        Map.of("rate", 1.5));

    CloudEvent parsed = sdk.deserialize(json.toCloudEvent(event).getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.getId()).isEqualTo(event.eventId().toString());
    assertThat(parsed.getType()).isEqualTo("gift.sent");
    assertThat(parsed.getSource()).isEqualTo(URI.create("/invites"));
    assertThat(parsed.getTime().toInstant()).isEqualTo(event.occurredAt());
    assertThat(parsed.getExtension("correlationid")).isEqualTo(correlation.toString());
    assertThat(String.valueOf(parsed.getExtension("metadata")))
        .isIn("{\"tenant\":\"acme\",\"tags\":[1,2]}", "{\"tags\":[1,2],\"tenant\":\"acme\"}");
    // The SDK keeps data as its own JSON tree, which drops trailing zeros of decimals (12.50
    // would come back as 12.5): this library writes them as they are (see HardeningContract).
    assertThat(new String(parsed.getData().toBytes(), StandardCharsets.UTF_8))
        .contains("\"amount\":12.25");

    String back = new String(sdk.serialize(parsed), StandardCharsets.UTF_8);
    assertThat(json.fromCloudEvent(back)).isEqualTo(event);
  }

  @Test
  void theLibraryReadsACloudEventBuiltWithTheSdk() {
    UUID id = UUID.randomUUID();
    CloudEvent built = CloudEventBuilder.v1()
        .withId(id.toString())
        .withType("invite.created")
        .withSource(URI.create("https://example.com/invites"))
        .withTime(OffsetDateTime.parse("2025-01-15T10:30:00.123456+02:00"))
        .withDataContentType("application/json")
        .withExtension("metadata", "{\"tenant\":\"acme\"}")
        .withData("{\"invite_id\":42,\"token\":\"t\",\"email\":\"e@x\"}"
            .getBytes(StandardCharsets.UTF_8))
        .build();

    DomainEvent read = json.fromCloudEvent(new String(sdk.serialize(built), StandardCharsets.UTF_8));

    assertThat(read).isEqualTo(new InviteCreated(
        EventHeader.of(id, Instant.parse("2025-01-15T08:30:00.123456Z"), null, null,
            Map.of("tenant", "acme")), 42, "t", "e@x"));
  }

  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void theSdksDistributedTracingExtension_isReadIntoTheMetadata() {
    UUID id = UUID.randomUUID();
    CloudEvent built = CloudEventBuilder.v1()
        .withId(id.toString())
        .withType("invite.created")
        .withSource(URI.create("https://example.com/invites"))
        .withTime(OffsetDateTime.parse("2025-01-15T10:30:00Z"))
        .withExtension("traceparent", TRACEPARENT)
        .withExtension("tracestate", "vendor=1")
        .withData("application/json", "{\"invite_id\":42,\"token\":\"t\",\"email\":\"e@x\"}"
            .getBytes(StandardCharsets.UTF_8))
        .build();

    DomainEvent read = json.fromCloudEvent(new String(sdk.serialize(built), StandardCharsets.UTF_8));

    assertThat(read.metadata())
        .isEqualTo(Map.of("traceparent", TRACEPARENT, "tracestate", "vendor=1"));
  }

  @Test
  void theTraceContextInMetadata_reachesTheSdkAsTheTracingExtension() {
    InviteCreated event = new InviteCreated(
        EventHeader.builder().metadata(Map.of("traceparent", TRACEPARENT, "tenant", "acme"))
            .build(), 42, "t", "e@x");

    CloudEvent parsed = sdk.deserialize(json.toCloudEvent(event).getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.getExtension("traceparent")).isEqualTo(TRACEPARENT);
    assertThat(parsed.getExtension("metadata")).isEqualTo("{\"tenant\":\"acme\"}");
    String back = new String(sdk.serialize(parsed), StandardCharsets.UTF_8);
    assertThat(json.fromCloudEvent(back)).isEqualTo(event);
  }

  @Test
  void otherExtensionsOfTheSdk_areRejectedNamingThem() {
    CloudEvent built = CloudEventBuilder.v1()
        .withId(UUID.randomUUID().toString())
        .withType("invite.created")
        .withSource(URI.create("/invites"))
        .withTime(OffsetDateTime.parse("2025-01-15T10:30:00Z"))
        .withSubject("invite-42")
        .withData("application/json", "{\"invite_id\":42,\"token\":\"t\",\"email\":\"e@x\"}"
            .getBytes(StandardCharsets.UTF_8))
        .build();

    assertThatThrownBy(() -> json.fromCloudEvent(
            new String(sdk.serialize(built), StandardCharsets.UTF_8)))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("unsupported CloudEvents attribute 'subject'");
  }
}
