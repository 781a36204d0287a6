package io.github.domainevents.examples;

import io.github.domainevents.aggregate.AggregateRoot;

/** The invite aggregate: creating one records {@link InviteCreated}, dispatched after saving. */
public final class Invite extends AggregateRoot {
  private final long id;
  private final String email;

  private Invite(long id, String email) {
    this.id = id;
    this.email = email;
  }

  /**
   * Creates an invite and records that it was created.
   *
   * @param id the invite's id
   * @param email where to send it
   * @return the new invite, with one recorded event
   */
  public static Invite create(long id, String email) {
    Invite invite = new Invite(id, email);
    invite.recordEvent(new InviteCreated(id, "tok_" + Long.toHexString(id * 7919), email));
    return invite;
  }

  /**
   * Returns the invite's id.
   *
   * @return the id
   */
  public long id() {
    return id;
  }

  /**
   * Returns where the invite goes.
   *
   * @return the e-mail address
   */
  public String email() {
    return email;
  }
}
