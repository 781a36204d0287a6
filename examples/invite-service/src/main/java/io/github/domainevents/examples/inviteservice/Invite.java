package io.github.domainevents.examples.inviteservice;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An invite as stored, as {@code GET /invites} shows it.
 *
 * @param id the database id
 * @param email where the invite goes
 * @param createdAt when it was stored, UTC
 * @param welcomeMailSentAt when the welcome mail went out; null until then
 */
record Invite(
    long id, String email, OffsetDateTime createdAt, @Nullable OffsetDateTime welcomeMailSentAt) {}
