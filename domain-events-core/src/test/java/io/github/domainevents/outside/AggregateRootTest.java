package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.aggregate.AggregateRoot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An aggregate root records events in order and hands each over exactly once. */
class AggregateRootTest {

  @EventType("invite.created")
  record InviteCreated(EventHeader header, long inviteId) implements DomainEvent {}

  @EventType("invite.accepted")
  record InviteAccepted(EventHeader header, long inviteId) implements DomainEvent {}

  static final class Invite extends AggregateRoot {
    private final long id;

    private Invite(long id) {
      this.id = id;
    }

    static Invite create(long id) {
      Invite invite = new Invite(id);
      invite.recordEvent(new InviteCreated(EventHeader.create(), id));
      return invite;
    }

    InviteAccepted accept() {
      return recordEvent(new InviteAccepted(EventHeader.create(), id));
    }

    void recordNull() {
      recordEvent(null);
    }
  }

  @Test
  void newAggregate_hasNoEvents() {
    Invite invite = new Invite(1);

    assertThat(invite.recordedEvents()).isEmpty();
    assertThat(invite.pullEvents()).isEmpty();
  }

  @Test
  void recordEvent_returnsTheEventAndKeepsTheOrder() {
    Invite invite = Invite.create(7);
    InviteAccepted accepted = invite.accept();
    InviteAccepted again = invite.accept();

    assertThat(accepted.inviteId()).isEqualTo(7);
    assertThat(invite.recordedEvents()).hasSize(3);
    assertThat(invite.recordedEvents().get(0)).isInstanceOf(InviteCreated.class);
    assertThat(invite.recordedEvents().subList(1, 3)).containsExactly(accepted, again);
  }

  @Test
  void recordedEvents_isAReadOnlySnapshotThatDoesNotTakeTheEvents() {
    Invite invite = Invite.create(7);
    List<DomainEvent> snapshot = invite.recordedEvents();
    InviteAccepted accepted = invite.accept();

    assertThat(snapshot).hasSize(1);
    assertThatThrownBy(() -> snapshot.add(accepted))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> snapshot.clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(invite.recordedEvents()).hasSize(2).endsWith(accepted);
    assertThat(invite.pullEvents()).hasSize(2);
  }

  @Test
  void pullEvents_handsEachEventOverExactlyOnce() {
    Invite invite = Invite.create(7);
    DomainEvent created = invite.recordedEvents().get(0);
    InviteAccepted accepted = invite.accept();

    List<DomainEvent> first = invite.pullEvents();
    List<DomainEvent> second = invite.pullEvents();
    InviteAccepted later = invite.accept();
    List<DomainEvent> third = invite.pullEvents();

    assertThat(first).containsExactly(created, accepted);
    assertThat(second).isEmpty();
    assertThat(third).containsExactly(later);
    assertThat(invite.recordedEvents()).isEmpty();
  }

  @Test
  void pulledList_isUnmodifiableAndUnaffectedByLaterRecording() {
    Invite invite = Invite.create(7);
    List<DomainEvent> pulled = invite.pullEvents();
    InviteAccepted accepted = invite.accept();

    assertThatThrownBy(() -> pulled.add(accepted))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> pulled.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(pulled).hasSize(1).doesNotContain(accepted);
  }

  @Test
  void recordEventNull_isRejectedNamingIt() {
    Invite invite = Invite.create(7);

    assertThatNullPointerException()
        .isThrownBy(invite::recordNull)
        .withMessage("event must not be null");
    assertThat(invite.recordedEvents()).hasSize(1);
  }
}
