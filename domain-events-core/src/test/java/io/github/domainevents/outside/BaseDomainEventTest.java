package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.google.common.testing.EqualsTester;
import io.github.domainevents.BaseDomainEvent;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventIdGenerator;
import io.github.domainevents.EventType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events written as classes: header, entity equality by id and exact class, toString. */
class BaseDomainEventTest {
  private static final Instant T = Instant.parse("2026-02-03T04:05:06Z");
  private static final UUID ID = UUID.fromString("0190a4b2-0000-7000-8000-00000000000a");
  private static final UUID CORRELATION = UUID.fromString("11111111-1111-4111-8111-111111111111");
  private static final UUID CAUSATION = UUID.fromString("22222222-2222-4222-8222-222222222222");

  @EventType("invite.created")
  static class InviteCreatedEvent extends BaseDomainEvent {
    private final long inviteId;

    InviteCreatedEvent(long inviteId) {
      this.inviteId = inviteId;
    }

    InviteCreatedEvent(EventHeader header, long inviteId) {
      super(header);
      this.inviteId = inviteId;
    }

    long inviteId() {
      return inviteId;
    }
  }

  static final class ResentInviteCreatedEvent extends InviteCreatedEvent {
    ResentInviteCreatedEvent(EventHeader header, long inviteId) {
      super(header, inviteId);
    }
  }

  @EventType("invite.accepted")
  static final class InviteAcceptedEvent extends BaseDomainEvent {
    InviteAcceptedEvent(EventHeader header) {
      super(header);
    }
  }

  @EventType("not valid")
  static final class BadlyNamedEvent extends BaseDomainEvent {
    BadlyNamedEvent(EventHeader header) {
      super(header);
    }
  }

  private static EventHeader header(UUID id) {
    return EventHeader.of(id, T, null, null, Map.of());
  }

  @Test
  void noArgConstructor_takesTheHeaderFromCreate() {
    try (EventDefaults.Scope scope =
        EventDefaults.with(Clock.fixed(T, ZoneOffset.UTC), EventIdGenerator.sequential(ID))) {
      InviteCreatedEvent event = new InviteCreatedEvent(5);

      assertThat(event.eventId()).isEqualTo(ID);
      assertThat(event.occurredAt()).isEqualTo(T);
      assertThat(event.correlationId()).isEmpty();
      assertThat(event.causationId()).isEmpty();
      assertThat(event.metadata()).isEmpty();
      assertThat(event.inviteId()).isEqualTo(5);
    }
  }

  @Test
  void headerConstructor_keepsThatHeader() {
    EventHeader header = EventHeader.of(ID, T, CORRELATION, CAUSATION, Map.of("k", "v"));

    InviteCreatedEvent event = new InviteCreatedEvent(header, 1);

    assertThat(event.header()).isSameAs(header);
    assertThat(event.eventId()).isEqualTo(ID);
    assertThat(event.correlationId()).contains(CORRELATION);
    assertThat(event.causationId()).contains(CAUSATION);
    assertThat(event.metadata()).containsExactly(Map.entry("k", "v"));
  }

  @Test
  void nullHeader_isRejectedNamingIt() {
    assertThatNullPointerException()
        .isThrownBy(() -> new InviteAcceptedEvent(null))
        .withMessage("header must not be null");
  }

  @Test
  void sameClassSameId_areEqualWithEqualHashCodesEvenIfPayloadDiffers() {
    InviteCreatedEvent a = new InviteCreatedEvent(header(ID), 1);
    InviteCreatedEvent b =
        new InviteCreatedEvent(EventHeader.of(ID, T.plusSeconds(9), CORRELATION, null, Map.of()), 2);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(a);
    assertThat(b).isEqualTo(a);
    assertThat(a.hashCode()).isEqualTo(ID.hashCode());
  }

  @Test
  void equalsTester_groupsEventsByExactClassAndId() {
    EventHeader shared = header(ID);
    EventHeader other = header(new UUID(0, 1));
    new EqualsTester()
        .addEqualityGroup(
            new InviteCreatedEvent(shared, 1),
            new InviteCreatedEvent(shared, 2),
            new InviteCreatedEvent(shared.toBuilder().metadata("k", "v").build(), 1))
        .addEqualityGroup(new InviteCreatedEvent(other, 1))
        .addEqualityGroup(new ResentInviteCreatedEvent(shared, 1))
        .addEqualityGroup(new InviteAcceptedEvent(shared))
        .testEquals();
  }

  @Test
  void differentIds_areNotEqual() {
    assertThat(new InviteCreatedEvent(header(ID), 1))
        .isNotEqualTo(new InviteCreatedEvent(header(new UUID(0, 1)), 1));
  }

  @Test
  void sameIdButDifferentClass_areNotEqualInEitherDirection() {
    EventHeader shared = header(ID);
    InviteCreatedEvent base = new InviteCreatedEvent(shared, 1);
    ResentInviteCreatedEvent subclass = new ResentInviteCreatedEvent(shared, 1);
    InviteAcceptedEvent unrelated = new InviteAcceptedEvent(shared);

    assertThat(base).isNotEqualTo(subclass).isNotEqualTo(unrelated);
    assertThat(subclass).isNotEqualTo(base);
    assertThat(unrelated).isNotEqualTo(base);
  }

  @Test
  void notEqualToNullOrOtherTypes() {
    InviteCreatedEvent event = new InviteCreatedEvent(header(ID), 1);

    assertThat(event).isNotEqualTo(null).isNotEqualTo(ID).isNotEqualTo(event.header());
  }

  @Test
  void toString_showsClassTypeAndIdAndLeavesOutAbsentIds() {
    InviteCreatedEvent event = new InviteCreatedEvent(header(ID), 1);

    assertThat(event)
        .hasToString(
            "InviteCreatedEvent[type=invite.created, id=0190a4b2-0000-7000-8000-00000000000a]");
  }

  @Test
  void toString_showsCorrelationAndCausationWhenPresent() {
    InviteCreatedEvent event =
        new InviteCreatedEvent(EventHeader.of(ID, T, CORRELATION, CAUSATION, Map.of()), 1);

    assertThat(event)
        .hasToString(
            "InviteCreatedEvent[type=invite.created, id=0190a4b2-0000-7000-8000-00000000000a,"
                + " correlation=11111111-1111-4111-8111-111111111111,"
                + " causation=22222222-2222-4222-8222-222222222222]");
  }

  @Test
  void toString_showsCausationAloneWhenThereIsNoCorrelation() {
    InviteAcceptedEvent event =
        new InviteAcceptedEvent(EventHeader.of(ID, T, null, CAUSATION, Map.of()));

    assertThat(event)
        .hasToString(
            "InviteAcceptedEvent[type=invite.accepted, id=0190a4b2-0000-7000-8000-00000000000a,"
                + " causation=22222222-2222-4222-8222-222222222222]");
  }

  @Test
  void toString_ofAnUnannotatedSubclassUsesItsSimpleNameAsType() {
    ResentInviteCreatedEvent event = new ResentInviteCreatedEvent(header(ID), 1);

    assertThat(event.toString())
        .startsWith("ResentInviteCreatedEvent[type=ResentInviteCreatedEvent, id=");
  }

  /** Regression: toString threw the @EventType error, so logging such an event failed. */
  @Test
  void toString_ofAnEventWithAnInvalidTypeDoesNotThrow() {
    BadlyNamedEvent event = new BadlyNamedEvent(header(ID));

    assertThat(event)
        .hasToString(
            "BadlyNamedEvent[type=<invalid @EventType>, id=0190a4b2-0000-7000-8000-00000000000a]");
    assertThatIllegalArgumentException()
        .isThrownBy(event::eventType)
        .withMessageContaining(BadlyNamedEvent.class.getName());
  }
}
