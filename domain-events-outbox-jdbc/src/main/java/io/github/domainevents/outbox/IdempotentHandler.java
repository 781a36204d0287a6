package io.github.domainevents.outbox;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import java.util.Objects;

/**
 * A handler that runs at most once per event id: it records (handler id, event id) in an {@link
 * IdempotencyStore} before delegating, and skips events already recorded. Meant for consumers of
 * at-least-once deliveries, such as messages an {@link OutboxRelay} published, where the same
 * event may arrive twice.
 *
 * <pre>{@code
 * dispatcher.register(InviteCreated.class,
 *     IdempotentHandler.of("welcome-mail", store, mailer::sendWelcome));
 * }</pre>
 *
 * <p>The handler id is explicit and must stay the same across releases (it is stored with each
 * record): it is never derived from a class or method name, so renaming code strands nothing.
 * With a {@link JdbcIdempotencyStore} the record is written in the transaction of the handler's
 * own writes, so both commit or roll back together. If the delegate throws, the record is
 * removed again ({@link IdempotencyStore#forget}) and the exception propagates unchanged, so that
 * a redelivery runs the handler again. A concurrent second delivery of the same event while the
 * first is running is skipped.
 *
 * <p>Safe for concurrent use if the delegate is.
 *
 * @param <E> the event type
 * @since 0.1.0
 */
public final class IdempotentHandler<E extends DomainEvent> implements DomainEventHandler<E> {
  private static final int MAX_ID_LENGTH = 200;

  private final String handlerId;
  private final IdempotencyStore store;
  private final DomainEventHandler<? super E> delegate;

  private IdempotentHandler(
      String handlerId, IdempotencyStore store, DomainEventHandler<? super E> delegate) {
    this.handlerId = handlerId;
    this.store = store;
    this.delegate = delegate;
  }

  /**
   * Returns a handler that runs {@code delegate} at most once per event id.
   *
   * @param handlerId the stable id of the handler: 1 to 200 characters, no control characters
   * @param store where the records go
   * @param delegate the handler to run
   * @param <E> the event type
   * @return the idempotent handler
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code handlerId} is blank, too long or has control
   *     characters
   */
  public static <E extends DomainEvent> IdempotentHandler<E> of(
      String handlerId, IdempotencyStore store, DomainEventHandler<? super E> delegate) {
    Objects.requireNonNull(handlerId, "handlerId");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(delegate, "delegate");
    if (handlerId.isBlank() || handlerId.length() > MAX_ID_LENGTH
        || handlerId.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "handlerId must be 1 to " + MAX_ID_LENGTH + " characters, not blank, without control"
              + " characters, was '" + handlerId + "'");
    }
    return new IdempotentHandler<>(handlerId, store, delegate);
  }

  /**
   * Returns the handler's id.
   *
   * @return the id given to {@link #of}
   */
  public String handlerId() {
    return handlerId;
  }

  /**
   * Runs the delegate if this handler has not handled {@code event} before.
   *
   * @param event the event
   * @throws Exception what the delegate threw (the record is removed first), or what the store
   *     threw (the delegate did not run)
   */
  @Override
  public void handle(E event) throws Exception {
    if (!store.record(handlerId, event.eventId())) {
      return;
    }
    try {
      delegate.handle(event);
    } catch (Exception | Error failure) {
      try {
        store.forget(handlerId, event.eventId());
      } catch (Exception | Error forgetting) {
        failure.addSuppressed(forgetting);
      }
      throw failure;
    }
  }

  /** Returns {@code idempotent handler 'id'} and the delegate. */
  @Override
  public String toString() {
    return "idempotent handler '" + handlerId + "' (" + delegate + ")";
  }
}
