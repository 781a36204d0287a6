package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.github.domainevents.BaseDomainEvent;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.lang.annotation.Inherited;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an event's type name is resolved, validated and cached. */
class EventTypeTest {

  @EventType("invite.created")
  record InviteCreated(EventHeader header, long inviteId) implements DomainEvent {}

  @EventType("billing-v2_invoice.paid")
  static final class InvoicePaid extends BaseDomainEvent {}

  record Unannotated(EventHeader header) implements DomainEvent {}

  @EventType("account.opened")
  static class AccountOpened extends BaseDomainEvent {}

  static final class PremiumAccountOpened extends AccountOpened {}

  @EventType("")
  record EmptyType(EventHeader header) implements DomainEvent {}

  @EventType("   ")
  record BlankType(EventHeader header) implements DomainEvent {}

  @EventType("invite created")
  record SpaceType(EventHeader header) implements DomainEvent {}

  @EventType("invite.created\n")
  record NewlineType(EventHeader header) implements DomainEvent {}

  @EventType("invite\tcreated")
  record TabType(EventHeader header) implements DomainEvent {}

  @EventType("invite\u00A0created")
  record NoBreakSpaceType(EventHeader header) implements DomainEvent {}

  @EventType("invite\u202Fcreated")
  record NarrowNoBreakSpaceType(EventHeader header) implements DomainEvent {}

  @EventType("invite.created\u0085")
  record NextLineType(EventHeader header) implements DomainEvent {}

  @EventType("\u2007")
  record FigureSpaceOnlyType(EventHeader header) implements DomainEvent {}

  @Test
  void eventTypeOf_aClass_isWhatItsEventsReport_withoutAnInstance() {
    assertThat(DomainEvent.eventTypeOf(InviteCreated.class)).isEqualTo("invite.created");
    assertThat(DomainEvent.eventTypeOf(Unannotated.class)).isEqualTo("Unannotated");
    assertThat(DomainEvent.eventTypeOf(InvoicePaid.class)).isEqualTo(new InvoicePaid().eventType());
  }

  @Test
  void eventTypeOf_aClassWithABlankType_isRejected_namingTheClass() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DomainEvent.eventTypeOf(BlankType.class))
        .withMessageContaining(BlankType.class.getName())
        .withMessageContaining("must not be blank");
  }

  @Test
  void annotatedRecord_hasTheAnnotationsValue() {
    assertThat(new InviteCreated(EventHeader.create(), 1).eventType()).isEqualTo("invite.created");
  }

  @Test
  void annotatedClass_mayUseDotsDashesUnderscoresAndDigits() {
    assertThat(new InvoicePaid().eventType()).isEqualTo("billing-v2_invoice.paid");
  }

  @Test
  void withoutAnnotation_typeIsTheSimpleName() {
    assertThat(new Unannotated(EventHeader.create()).eventType()).isEqualTo("Unannotated");
  }

  @Test
  void annotation_isNotInheritedSoASubclassHasItsOwnType() {
    assertThat(EventType.class.isAnnotationPresent(Inherited.class)).isFalse();
    assertThat(new AccountOpened().eventType()).isEqualTo("account.opened");
    assertThat(new PremiumAccountOpened().eventType()).isEqualTo("PremiumAccountOpened");
  }

  @Test
  void anonymousClass_typeIsItsBinaryName() {
    BaseDomainEvent anonymous = new BaseDomainEvent() {};

    assertThat(anonymous.eventType())
        .isEqualTo(anonymous.getClass().getName())
        .startsWith(EventTypeTest.class.getName() + "$");
  }

  @Test
  void eventType_isCachedPerClass() {
    InviteCreated first = new InviteCreated(EventHeader.create(), 1);
    InviteCreated second = new InviteCreated(EventHeader.create(), 2);

    assertThat(first.eventType()).isSameAs(first.eventType()).isSameAs(second.eventType());
    assertThat(new Unannotated(EventHeader.create()).eventType())
        .isSameAs(new Unannotated(EventHeader.create()).eventType());
  }

  @Test
  void eventTypeEmpty_isRejectedNamingTheClass() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new EmptyType(EventHeader.create()).eventType())
        .withMessage("@EventType on " + EmptyType.class.getName() + " must not be blank");
  }

  @Test
  void eventTypeBlank_isRejectedNamingTheClass() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BlankType(EventHeader.create()).eventType())
        .withMessage("@EventType on " + BlankType.class.getName() + " must not be blank");
  }

  @Test
  void eventTypeWithWhiteSpace_isRejectedNamingTheClassAndValue() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SpaceType(EventHeader.create()).eventType())
        .withMessage(
            "@EventType(\"invite created\") on "
                + SpaceType.class.getName()
                + " must not contain white space");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new NewlineType(EventHeader.create()).eventType())
        .withMessageContaining(NewlineType.class.getName())
        .withMessageEndingWith("must not contain white space");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TabType(EventHeader.create()).eventType())
        .withMessageContaining(TabType.class.getName())
        .withMessageEndingWith("must not contain white space");
  }

  /** Regression: Character.isWhitespace misses no-break spaces and NEL; they were accepted. */
  @Test
  void eventTypeWithUnicodeWhiteSpace_isRejectedNamingTheClass() {
    List<DomainEvent> events =
        List.of(
            new NoBreakSpaceType(EventHeader.create()),
            new NarrowNoBreakSpaceType(EventHeader.create()),
            new NextLineType(EventHeader.create()),
            new FigureSpaceOnlyType(EventHeader.create()));

    for (DomainEvent event : events) {
      assertThatIllegalArgumentException()
          .isThrownBy(event::eventType)
          .withMessageContaining(" on " + event.getClass().getName() + " ")
          .withMessageEndingWith("must not contain white space");
    }
  }

  @Test
  void badEventType_failsOnFirstUseNotOnConstructionAndOnEveryUseAfter() {
    SpaceType[] event = new SpaceType[1];
    assertThatNoException().isThrownBy(() -> event[0] = new SpaceType(EventHeader.create()));
    assertThat(event[0].toString()).contains("SpaceType");

    for (int i = 0; i < 3; i++) {
      assertThatIllegalArgumentException()
          .isThrownBy(event[0]::eventType)
          .withMessageContaining(SpaceType.class.getName());
    }
  }
}
