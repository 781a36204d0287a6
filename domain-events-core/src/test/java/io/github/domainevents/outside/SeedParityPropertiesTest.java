package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.BaseDomainEvent;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/**
 * The tests of the seed package {@code python-domain-events}, ported as properties over both
 * event styles (a record and a {@link BaseDomainEvent} subclass).
 */
class SeedParityPropertiesTest {

  @EventType("invite.created")
  record InviteCreated(EventHeader header, long inviteId, String token, String email)
      implements DomainEvent {
    InviteCreated(long inviteId, String token, String email) {
      this(EventHeader.create(), inviteId, token, email);
    }
  }

  @EventType("invite.accepted")
  static final class InviteAccepted extends BaseDomainEvent {
    private final long inviteId;

    InviteAccepted(long inviteId) {
      this.inviteId = inviteId;
    }

    InviteAccepted(EventHeader header, long inviteId) {
      super(header);
      this.inviteId = inviteId;
    }

    long inviteId() {
      return inviteId;
    }
  }

  @Provide
  Arbitrary<UUID> uuids() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new)
        .withoutEdgeCases(); // the 2 x 2 longs' edge cases alone would outnumber the tries
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(-62_000_000_000L, 250_000_000_000L),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  /** Valid metadata only: blank keys and control characters are {@link MetadataTest}'s subject. */
  @Provide
  Arbitrary<Map<String, Object>> metadata() {
    return MetadataArbitraries.metadata();
  }

  /** Seed: "event ids are unique". Every event created gets its own id, in both styles. */
  @Property(tries = 100)
  void idsAreUnique(@ForAll @IntRange(min = 2, max = 500) int count) {
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < count; i++) {
      ids.add(new InviteCreated(i, "tok", "a@example.com").eventId());
      ids.add(new InviteAccepted(i).eventId());
    }

    assertThat(ids).hasSize(2 * count);
  }

  /** Seed: "timestamp is generated", in UTC, between instants read before and after. */
  @Property(tries = 100)
  void timestampIsGeneratedBetweenBeforeAndAfter(@ForAll long inviteId) {
    Instant before = Instant.now();
    InviteCreated record = new InviteCreated(inviteId, "tok", "a@example.com");
    InviteAccepted object = new InviteAccepted(inviteId);
    Instant after = Instant.now();

    assertThat(EventDefaults.clock().getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(record.occurredAt()).isBetween(before, after);
    assertThat(object.occurredAt()).isBetween(before, after);
  }

  /** The generated timestamp is exactly the effective clock's instant. */
  @Property(tries = 200)
  void timestampComesFromTheScopedClock(@ForAll("instants") Instant now) {
    try (EventDefaults.Scope scope = EventDefaults.withClock(Clock.fixed(now, ZoneOffset.UTC))) {
      assertThat(new InviteCreated(1, "tok", "a@example.com").occurredAt()).isEqualTo(now);
      assertThat(new InviteAccepted(1).occurredAt()).isEqualTo(now);
    }
  }

  /** Seed: "event is immutable": no setters, final fields, metadata cannot be changed. */
  @Property(tries = 200)
  void eventsAreImmutable(@ForAll("metadata") Map<String, Object> metadata) {
    for (Class<?> type : List.of(EventHeader.class, BaseDomainEvent.class, InviteCreated.class)) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          assertThat(Modifier.isFinal(field.getModifiers())).as(type + "." + field).isTrue();
        }
      }
      for (Method method : type.getMethods()) {
        assertThat(method.getName()).as(type.getName()).doesNotStartWith("set");
      }
    }

    Map<String, Object> callers = new LinkedHashMap<>(metadata);
    InviteCreated event =
        new InviteCreated(EventHeader.builder().metadata(callers).build(), 1, "t", "e");
    callers.put("added-later", "x");
    callers.clear();

    assertThat(event.metadata()).isEqualTo(metadata);
    assertThatThrownBy(() -> event.metadata().put("k", "v"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> event.metadata().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(event.metadata()).isEqualTo(metadata);
  }

  /** Seed: "explicit correlation and causation" are kept as given. */
  @Property(tries = 200)
  void explicitCorrelationAndCausationAreKept(
      @ForAll("uuids") UUID correlation, @ForAll("uuids") UUID causation) {
    EventHeader header =
        EventHeader.builder().correlationId(correlation).causationId(causation).build();
    InviteCreated record = new InviteCreated(header, 1, "t", "e");
    InviteAccepted object = new InviteAccepted(header, 1);

    assertThat(record.correlationId()).contains(correlation);
    assertThat(record.causationId()).contains(causation);
    assertThat(object.correlationId()).contains(correlation);
    assertThat(object.causationId()).contains(causation);
  }

  /** Seed: "metadata" is kept: same entries, same order. */
  @Property(tries = 200)
  void metadataIsKeptInOrder(@ForAll("metadata") Map<String, Object> metadata) {
    EventHeader viaMap = EventHeader.builder().metadata(metadata).build();
    EventHeader.Builder entries = EventHeader.builder();
    metadata.forEach(entries::metadata);
    EventHeader viaEntries = entries.build();

    for (EventHeader header : List.of(viaMap, viaEntries)) {
      InviteAccepted event = new InviteAccepted(header, 1);
      assertThat(event.metadata()).isEqualTo(metadata);
      assertThat(new ArrayList<>(event.metadata().keySet()))
          .isEqualTo(new ArrayList<>(metadata.keySet()));
    }
  }

  /** Seed: "JSON has the payload field"; until JSON exists, the record's toString does. */
  @Property(tries = 200)
  void toStringHasThePayloadFields(
      @ForAll long inviteId,
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 30) String token) {
    InviteCreated event = new InviteCreated(inviteId, token, "grace@example.com");

    assertThat(event.toString())
        .contains("inviteId=" + inviteId)
        .contains("token=" + token)
        .contains("email=grace@example.com")
        .contains("id=" + event.eventId());
  }
}
