/**
 * The sample invite service: a Spring Boot application on {@code
 * domain-events-spring-boot-starter}.
 *
 * <p>{@code POST /invites} stores an invite in a transaction and dispatches {@link
 * io.github.domainevents.examples.inviteservice.InviteCreated}; the welcome mail goes out only
 * after the commit, and its {@code WelcomeMailSent} event is caused by the invite's event. An
 * invite to a blocked domain is refused by a handler after the insert: the transaction rolls
 * back and no mail is sent. {@code GET /events} draws the causal tree of recent requests with
 * Mermaid, served by the application from a WebJar.
 */
@NullMarked
package io.github.domainevents.examples.inviteservice;

import org.jspecify.annotations.NullMarked;
