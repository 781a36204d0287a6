package io.github.domainevents.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.BaseDomainEvent;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypeRegistryTest {
  @EventType("invite.created")
  record InviteCreated(EventHeader header, long inviteId) implements DomainEvent {}

  @EventType("invite.created")
  record OtherInviteCreated(EventHeader header) implements DomainEvent {}

  record Unannotated(EventHeader header) implements DomainEvent {}

  @EventType("has space")
  record Spaced(EventHeader header) implements DomainEvent {}

  abstract static class AbstractEvent extends BaseDomainEvent {}

  @Test
  void resolvesRegisteredNamesToTheirClasses() {
    EventTypeRegistry registry = EventTypeRegistry.of(InviteCreated.class, Unannotated.class);

    assertThat(registry.classOf("invite.created")).isEqualTo(InviteCreated.class);
    assertThat(registry.classOf("Unannotated")).isEqualTo(Unannotated.class);
    assertThat(registry.nameOf(InviteCreated.class)).contains("invite.created");
    assertThat(registry.nameOf(String.class)).isEmpty();
    assertThat(registry.names()).containsExactly("invite.created", "Unannotated");
    assertThat(registry.find("nope")).isEmpty();
  }

  @Test
  void duplicateNameWithDifferentClasses_failsAtRegistrationNamingBoth() {
    assertThatThrownBy(() -> EventTypeRegistry.of(InviteCreated.class, OtherInviteCreated.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invite.created")
        .hasMessageContaining(InviteCreated.class.getName())
        .hasMessageContaining(OtherInviteCreated.class.getName());
  }

  @Test
  void registeringTheSameClassTwice_isHarmless() {
    EventTypeRegistry registry =
        EventTypeRegistry.builder()
            .register(InviteCreated.class)
            .registerAll(List.of(InviteCreated.class))
            .build();
    assertThat(registry.names()).containsExactly("invite.created");
  }

  @Test
  void unknownName_failsNamingIt_andLoadsNoClass() {
    EventTypeRegistry registry = EventTypeRegistry.of(InviteCreated.class);
    assertThatThrownBy(() -> registry.classOf("java.lang.Runtime"))
        .isInstanceOf(UnknownEventTypeException.class)
        .hasMessageContaining("'java.lang.Runtime'")
        .satisfies(e -> assertThat(((UnknownEventTypeException) e).eventType())
            .isEqualTo("java.lang.Runtime"));
  }

  @Test
  void badRegistrations_areRejected() {
    assertThatThrownBy(() -> EventTypeRegistry.of(Spaced.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("white space");
    assertThatThrownBy(() -> EventTypeRegistry.of(AbstractEvent.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concrete");
    assertThatThrownBy(() -> EventTypeRegistry.builder().register((Class<DomainEvent>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("type");
  }
}
