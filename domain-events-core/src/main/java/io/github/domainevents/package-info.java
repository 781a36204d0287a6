/**
 * Typed, immutable in-process domain events with causal tracing.
 *
 * <h2>One-minute guide</h2>
 *
 * <pre>{@code
 * @EventType("invite.created")
 * record InviteCreated(EventHeader header, long inviteId, String email) implements DomainEvent {
 *   InviteCreated(long inviteId, String email) {
 *     this(EventHeader.create(), inviteId, email);
 *   }
 * }
 *
 * InviteCreated event = new InviteCreated(42, "ada@example.com");
 * event.eventId();     // time-ordered UUID (version 7)
 * event.occurredAt();  // UTC instant
 * event.eventType();   // "invite.created"
 *
 * InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
 * dispatcher.register(InviteCreated.class, invite -> {
 *   mailer.sendWelcome(invite.email());
 *   dispatcher.dispatch(new EmailSent(invite.email())); // causationId == invite.eventId()
 * });
 * dispatcher.dispatch(event);
 * }</pre>
 *
 * <p>Where to go next: {@link io.github.domainevents.InProcessEventDispatcher} for routing,
 * ordering, error policies, nesting and asynchronous dispatch; {@link
 * io.github.domainevents.EventContext} for correlation scopes and carrying context to other
 * threads; {@link io.github.domainevents.EventDefaults} for clocks and ids in tests; {@link
 * io.github.domainevents.trace.EventTrace} to see what ran; {@link
 * io.github.domainevents.aggregate.AggregateRoot} for aggregates; {@link
 * io.github.domainevents.UnitOfWork} and {@link io.github.domainevents.TransactionPhase} for
 * handlers that run after a commit (and {@link io.github.domainevents.UnitOfWorkSupport} to bind
 * a framework's transactions).
 *
 * <h2>Glossary</h2>
 *
 * <dl>
 *   <dt>event
 *   <dd>An immutable fact that something happened in the domain: a {@link
 *       io.github.domainevents.DomainEvent}.
 *   <dt>header
 *   <dd>The standard fields every event carries: id, time, correlation, causation, metadata
 *       ({@link io.github.domainevents.EventHeader}).
 *   <dt>event type
 *   <dd>The stable public name of an event class, from {@link io.github.domainevents.EventType}.
 *   <dt>handler
 *   <dd>Code that reacts to one kind of event: a {@link
 *       io.github.domainevents.DomainEventHandler}.
 *   <dt>dispatch
 *   <dd>Delivering an event to its handlers ({@link io.github.domainevents.EventDispatcher}).
 *   <dt>correlation
 *   <dd>The id shared by every event of one causal chain, such as one request.
 *   <dt>causation
 *   <dd>The id of the event that directly caused this one.
 *   <dt>unit of work
 *   <dd>A transaction, as far as handlers are concerned: handlers bound to a {@link
 *       io.github.domainevents.TransactionPhase} wait for it to commit or roll back.
 * </dl>
 *
 * <h2>Threading</h2>
 *
 * <p>Events and headers are immutable and may be shared freely. The context that fills in
 * correlation and causation, and scoped clocks and id generators ({@link
 * io.github.domainevents.EventDefaults}), belong to the current thread.
 *
 * <h2>FAQ</h2>
 *
 * <p><b>How is this different from Guava's EventBus or Spring's application events?</b> Events
 * here are typed and carry their own identity and place in a causal chain, filled in
 * automatically; handlers are plain interfaces or annotated methods bound once through method
 * handles (no reflection per event); failures are never swallowed (Guava's EventBus logs and
 * drops them); nesting is bounded; the hot path takes no lock (Guava's and greenrobot's
 * do); you can ask which handlers run, in which order, and see the tree of what ran.
 *
 * <p><b>Does it deliver events to other services?</b> No. It is in-process only, with no
 * persistence or retry. Hand events to an outbox or a broker for that.
 *
 * <p><b>Is a handler called while I hold a lock?</b> Synchronous dispatch runs handlers on the
 * calling thread, inside whatever the caller holds; dispatch after releasing locks, or use
 * {@code dispatchAsync}.
 *
 * <p><b>Are the ids secret?</b> No. Version-7 ids are unique and time-ordered, not
 * unguessable; do not use them as access tokens.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.domainevents;

import org.jspecify.annotations.NullMarked;
