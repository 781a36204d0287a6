package io.github.domainevents.testkit;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.domainevents.BaseDomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import java.util.Objects;

/**
 * Class-style fixture: a {@link BaseDomainEvent} with a {@code @JsonCreator} constructor taking
 * the header, and getters for its fields (the documented convention).
 */
@EventType("invite.accepted")
public final class InviteAccepted extends BaseDomainEvent {
  private final long inviteId;
  private final String acceptedBy;

  public InviteAccepted(long inviteId, String acceptedBy) {
    this.inviteId = inviteId;
    this.acceptedBy = acceptedBy;
  }

  @JsonCreator
  public InviteAccepted(EventHeader header, long inviteId, String acceptedBy) {
    super(header);
    this.inviteId = inviteId;
    this.acceptedBy = Objects.requireNonNull(acceptedBy, "acceptedBy");
  }

  public long getInviteId() {
    return inviteId;
  }

  public String getAcceptedBy() {
    return acceptedBy;
  }

  /** Compares header and fields, so that round-trip tests see every value. */
  @Override
  public boolean equals(Object other) {
    return other instanceof InviteAccepted that
        && header().equals(that.header())
        && inviteId == that.inviteId
        && acceptedBy.equals(that.acceptedBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(header(), inviteId, acceptedBy);
  }
}
