package io.github.domainevents.examples.inviteservice;

import io.github.domainevents.EventDispatcher;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores invites and announces them. {@link #create} is one transaction: the row and the {@link
 * InviteCreated} dispatch; whatever a handler throws during the dispatch rolls the row back.
 */
@Service
class Invites {
  private static final RowMapper<Invite> INVITE =
      (row, number) ->
          new Invite(
              row.getLong("id"),
              row.getString("email"),
              row.getObject("created_at", OffsetDateTime.class),
              row.getObject("welcome_mail_sent_at", OffsetDateTime.class));

  private final JdbcClient jdbc;
  private final EventDispatcher events;

  Invites(JdbcClient jdbc, EventDispatcher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * Stores an invite and dispatches {@link InviteCreated} in the same transaction: immediate
   * handlers run now (and may refuse the invite by throwing), the welcome mail waits for the
   * commit.
   *
   * @param email a valid address (checked by the caller)
   * @return the stored invite
   * @throws InviteRefusedException if a policy handler refuses the invite; nothing is stored
   * @throws org.springframework.dao.DuplicateKeyException if the address has an invite already
   */
  @Transactional
  public Invite create(String email) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into invite (email, created_at) values (?, ?)")
        .params(email, now)
        .update(keys, "id");
    Number key = keys.getKey();
    if (key == null) {
      throw new IllegalStateException("the database returned no id for the new invite");
    }
    long id = key.longValue();
    events.dispatch(new InviteCreated(id, email));
    return new Invite(id, email, now, null);
  }

  /**
   * Notes when the welcome mail of an invite went out, in a transaction of its own: it is called
   * after the invite's transaction committed, when joining that transaction would silently lose
   * the write.
   *
   * @param id the invite's id
   * @param sentAt when the mail went out
   * @return whether an invite with this id exists
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean markWelcomed(long id, OffsetDateTime sentAt) {
    return jdbc.sql("update invite set welcome_mail_sent_at = ? where id = ?")
            .params(sentAt, id)
            .update()
        == 1;
  }

  /**
   * Lists every invite, oldest first.
   *
   * @return the invites
   */
  @Transactional(readOnly = true)
  public List<Invite> all() {
    return jdbc.sql("select * from invite order by id").query(INVITE).list();
  }

  /**
   * Finds one invite.
   *
   * @param id the invite's id
   * @return the invite, if it exists
   */
  @Transactional(readOnly = true)
  public Optional<Invite> find(long id) {
    return jdbc.sql("select * from invite where id = ?").param(id).query(INVITE).optional();
  }
}
