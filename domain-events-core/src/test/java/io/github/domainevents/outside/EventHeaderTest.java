package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.google.common.testing.EqualsTester;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventIdGenerator;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating, building, deriving and comparing headers. */
class EventHeaderTest {
  private static final Instant T = Instant.parse("2026-05-06T07:08:09.123456789Z");
  private static final UUID ID = UUID.fromString("0190a4b2-0000-7000-8000-000000000001");
  private static final UUID CORRELATION = UUID.fromString("11111111-1111-4111-8111-111111111111");
  private static final UUID CAUSATION = UUID.fromString("22222222-2222-4222-8222-222222222222");

  private EventDefaults.Scope scope;

  @BeforeEach
  void fixClockAndIds() {
    scope =
        EventDefaults.with(
            Clock.fixed(T, ZoneOffset.UTC), EventIdGenerator.sequential(new UUID(0, 100)));
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  @Test
  void create_takesIdAndTimeFromTheDefaultsAndHasNoChainOrMetadata() {
    EventHeader header = EventHeader.create();

    assertThat(header.eventId()).isEqualTo(new UUID(0, 100));
    assertThat(header.occurredAt()).isEqualTo(T);
    assertThat(header.correlationId()).isEmpty();
    assertThat(header.causationId()).isEmpty();
    assertThat(header.metadata()).isEmpty();
    assertThat(EventHeader.create().eventId()).isEqualTo(new UUID(0, 101));
  }

  @Test
  void builder_startsFromCreatesValues() {
    EventHeader header = EventHeader.builder().build();

    assertThat(header.eventId()).isEqualTo(new UUID(0, 100));
    assertThat(header.occurredAt()).isEqualTo(T);
    assertThat(header.correlationId()).isEmpty();
    assertThat(header.causationId()).isEmpty();
    assertThat(header.metadata()).isEmpty();
  }

  @Test
  void builderSetters_overrideEveryField() {
    Instant other = Instant.parse("1999-12-31T23:59:59Z");

    EventHeader header =
        EventHeader.builder()
            .eventId(ID)
            .occurredAt(other)
            .correlationId(CORRELATION)
            .causationId(CAUSATION)
            .metadata(Map.of("tenant", "acme"))
            .build();

    assertThat(header.eventId()).isEqualTo(ID);
    assertThat(header.occurredAt()).isEqualTo(other);
    assertThat(header.correlationId()).contains(CORRELATION);
    assertThat(header.causationId()).contains(CAUSATION);
    assertThat(header.metadata()).containsExactly(Map.entry("tenant", "acme"));
  }

  @Test
  void builderNullCorrelationOrCausation_removesThem() {
    EventHeader header =
        EventHeader.builder()
            .correlationId(CORRELATION)
            .causationId(CAUSATION)
            .correlationId(null)
            .causationId(null)
            .build();

    assertThat(header.correlationId()).isEmpty();
    assertThat(header.causationId()).isEmpty();
  }

  @Test
  void builderMetadataMap_replacesEarlierEntries() {
    EventHeader header =
        EventHeader.builder().metadata("a", 1).metadata(Map.of("b", 2)).build();

    assertThat(header.metadata()).containsExactly(Map.entry("b", 2));
  }

  @Test
  void builderMetadataEntry_addsAndReplacingKeepsTheKeysPlace() {
    EventHeader header =
        EventHeader.builder()
            .metadata("first", 1)
            .metadata("second", 2)
            .metadata("first", 3)
            .build();

    assertThat(new ArrayList<>(header.metadata().keySet())).containsExactly("first", "second");
    assertThat(header.metadata()).containsEntry("first", 3).containsEntry("second", 2);
  }

  @Test
  void builderReusedAfterBuild_doesNotChangeHeadersAlreadyBuilt() {
    EventHeader.Builder builder = EventHeader.builder().metadata("a", 1);
    EventHeader first = builder.build();

    EventHeader second = builder.metadata("b", 2).eventId(ID).build();

    assertThat(first.metadata()).containsExactly(Map.entry("a", 1));
    assertThat(first.eventId()).isEqualTo(new UUID(0, 100));
    assertThat(second.metadata()).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
    assertThat(second.eventId()).isEqualTo(ID);
  }

  @Test
  void toBuilder_copiesEveryFieldAndLeavesTheOriginalUnchanged() {
    EventHeader original =
        EventHeader.of(ID, T, CORRELATION, CAUSATION, Map.of("tenant", "acme"));

    EventHeader same = original.toBuilder().build();
    EventHeader changed = original.toBuilder().causationId(null).metadata("user", "ada").build();

    assertThat(same).isEqualTo(original);
    assertThat(changed.eventId()).isEqualTo(ID);
    assertThat(changed.occurredAt()).isEqualTo(T);
    assertThat(changed.correlationId()).contains(CORRELATION);
    assertThat(changed.causationId()).isEmpty();
    assertThat(changed.metadata())
        .containsExactly(Map.entry("tenant", "acme"), Map.entry("user", "ada"));
    assertThat(original.causationId()).contains(CAUSATION);
    assertThat(original.metadata()).containsExactly(Map.entry("tenant", "acme"));
  }

  @Test
  void toBuilder_doesNotConsumeAnIdFromTheGenerator() {
    EventHeader original = EventHeader.of(ID, T, null, null, Map.of());

    original.toBuilder().build();

    assertThat(EventHeader.create().eventId()).isEqualTo(new UUID(0, 100));
  }

  @Test
  void of_keepsExactlyTheGivenValues() {
    EventHeader header = EventHeader.of(ID, T, CORRELATION, CAUSATION, Map.of("k", "v"));

    assertThat(header.eventId()).isEqualTo(ID);
    assertThat(header.occurredAt()).isEqualTo(T);
    assertThat(header.correlationId()).contains(CORRELATION);
    assertThat(header.causationId()).contains(CAUSATION);
    assertThat(header.metadata()).containsExactly(Map.entry("k", "v"));
  }

  @Test
  void of_acceptsAbsentCorrelationAndCausation() {
    EventHeader header = EventHeader.of(ID, T, null, null, Map.of());

    assertThat(header.correlationId()).isEmpty();
    assertThat(header.causationId()).isEmpty();
    assertThat(header.metadata()).isEmpty();
  }

  @Test
  void ofNullEventId_isRejectedNamingTheField() {
    assertThatNullPointerException()
        .isThrownBy(() -> EventHeader.of(null, T, null, null, Map.of()))
        .withMessage("eventId must not be null");
  }

  @Test
  void ofNullOccurredAt_isRejectedNamingTheField() {
    assertThatNullPointerException()
        .isThrownBy(() -> EventHeader.of(ID, null, null, null, Map.of()))
        .withMessage("occurredAt must not be null");
  }

  @Test
  void ofNullMetadata_isRejectedNamingTheField() {
    assertThatNullPointerException()
        .isThrownBy(() -> EventHeader.of(ID, T, null, null, null))
        .withMessage("metadata must not be null");
  }

  @Test
  void builderNullEventId_isRejectedAtOnceNamingTheField() {
    EventHeader.Builder builder = EventHeader.builder();

    assertThatNullPointerException()
        .isThrownBy(() -> builder.eventId(null))
        .withMessage("eventId must not be null");
    assertThat(builder.build().eventId()).isEqualTo(new UUID(0, 100));
  }

  @Test
  void builderNullOccurredAt_isRejectedAtOnceNamingTheField() {
    EventHeader.Builder builder = EventHeader.builder();

    assertThatNullPointerException()
        .isThrownBy(() -> builder.occurredAt(null))
        .withMessage("occurredAt must not be null");
    assertThat(builder.build().occurredAt()).isEqualTo(T);
  }

  @Test
  void builderNullMetadataMap_isRejectedNamingTheField() {
    assertThatNullPointerException()
        .isThrownBy(() -> EventHeader.builder().metadata(null))
        .withMessage("metadata must not be null");
  }

  @Test
  void optionals_areEmptyOrHoldTheValue() {
    EventHeader with = EventHeader.of(ID, T, CORRELATION, CAUSATION, Map.of());

    assertThat(with.correlationId()).isEqualTo(Optional.of(CORRELATION));
    assertThat(with.causationId()).isEqualTo(Optional.of(CAUSATION));
  }

  @Test
  void header_hasOnlyFinalFieldsAndNoMutators() {
    for (Field field : EventHeader.class.getDeclaredFields()) {
      if (!field.isSynthetic()) { // coverage tools add their own
        assertThat(Modifier.isFinal(field.getModifiers())).as(field.getName()).isTrue();
      }
    }
    for (Method method : EventHeader.class.getMethods()) {
      assertThat(method.getName()).doesNotStartWith("set").doesNotStartWith("with");
    }
    assertThat(Modifier.isFinal(EventHeader.class.getModifiers())).isTrue();
  }

  @Test
  void equalsAndHashCode_equalWhenAllFieldsAreEqual() {
    EventHeader a = EventHeader.of(ID, T, CORRELATION, CAUSATION, Map.of("k", List.of(1, 2)));
    EventHeader b =
        EventHeader.of(
            UUID.fromString(ID.toString()),
            Instant.parse(T.toString()),
            UUID.fromString(CORRELATION.toString()),
            UUID.fromString(CAUSATION.toString()),
            Map.of("k", new ArrayList<>(List.of(1, 2))));

    assertThat(a).isEqualTo(b).isEqualTo(a).hasSameHashCodeAs(b);
    assertThat(b).isEqualTo(a);
    assertThat(a).isNotEqualTo(null).isNotEqualTo(ID).isNotEqualTo("EventHeader");
  }

  @Test
  void equals_anyDifferentFieldMakesHeadersUnequal() {
    EventHeader base = EventHeader.of(ID, T, CORRELATION, CAUSATION, Map.of("k", "v"));
    List<EventHeader> variants =
        List.of(
            base.toBuilder().eventId(new UUID(1, 2)).build(),
            base.toBuilder().occurredAt(T.plusNanos(1)).build(),
            base.toBuilder().correlationId(null).build(),
            base.toBuilder().correlationId(CAUSATION).build(),
            base.toBuilder().causationId(null).build(),
            base.toBuilder().causationId(CORRELATION).build(),
            base.toBuilder().metadata(Map.of()).build(),
            base.toBuilder().metadata("k", "w").build(),
            base.toBuilder().metadata("k2", "v").build());

    for (EventHeader variant : variants) {
      assertThat(variant).as(variant.toString()).isNotEqualTo(base);
      assertThat(base).as(variant.toString()).isNotEqualTo(variant);
    }
    for (int i = 0; i < variants.size(); i++) {
      for (int j = i + 1; j < variants.size(); j++) {
        assertThat(variants.get(i)).isNotEqualTo(variants.get(j));
      }
    }
  }

  @Test
  void hashCode_differsBetweenHeadersThatDiffer() {
    EventHeader base = EventHeader.of(ID, T, CORRELATION, CAUSATION, Map.of("k", "v"));
    Set<Integer> hashes = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      hashes.add(base.toBuilder().eventId(new UUID(0, i)).build().hashCode());
    }
    hashes.add(base.toBuilder().occurredAt(T.plusSeconds(1)).build().hashCode());
    hashes.add(base.toBuilder().metadata("k", "w").build().hashCode());

    // not a contract, but a constant hash code would make headers useless as keys
    assertThat(hashes).hasSizeGreaterThan(90);
  }

  @Test
  void equalsTester_groupsHeadersByAllFields() {
    EventHeader base = EventHeader.of(ID, T, CORRELATION, CAUSATION, Map.of("k", "v"));
    new EqualsTester()
        .addEqualityGroup(
            base,
            base.toBuilder().build(),
            EventHeader.of(ID, T, CORRELATION, CAUSATION, new LinkedHashMap<>(Map.of("k", "v"))))
        .addEqualityGroup(base.toBuilder().eventId(new UUID(1, 2)).build())
        .addEqualityGroup(base.toBuilder().occurredAt(T.plusMillis(1)).build())
        .addEqualityGroup(base.toBuilder().correlationId(null).build())
        .addEqualityGroup(base.toBuilder().causationId(null).build())
        .addEqualityGroup(base.toBuilder().metadata(Map.of()).build())
        .testEquals();
  }

  @Test
  void toString_showsEveryPresentField() {
    EventHeader header = EventHeader.of(ID, T, CORRELATION, CAUSATION, Map.of("tenant", "acme"));

    assertThat(header)
        .hasToString(
            "EventHeader[id=0190a4b2-0000-7000-8000-000000000001,"
                + " occurredAt=2026-05-06T07:08:09.123456789Z,"
                + " correlation=11111111-1111-4111-8111-111111111111,"
                + " causation=22222222-2222-4222-8222-222222222222,"
                + " metadata={tenant=acme}]");
  }

  @Test
  void toString_leavesOutAbsentFields() {
    EventHeader header = EventHeader.of(ID, T, null, null, Map.of());

    assertThat(header)
        .hasToString(
            "EventHeader[id=0190a4b2-0000-7000-8000-000000000001,"
                + " occurredAt=2026-05-06T07:08:09.123456789Z]");
  }

  @Test
  void toString_showsCausationWithoutCorrelation() {
    EventHeader header = EventHeader.of(ID, T, null, CAUSATION, Map.of());

    assertThat(header.toString())
        .endsWith(", causation=22222222-2222-4222-8222-222222222222]")
        .doesNotContain("correlation");
  }
}
