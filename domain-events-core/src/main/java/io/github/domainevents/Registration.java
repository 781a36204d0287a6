package io.github.domainevents;

/**
 * A handler's subscription to a dispatcher; {@link #close()} unsubscribes it.
 *
 * <p>Closing is idempotent, safe from any thread and from inside a handler. A dispatch already
 * in progress keeps the handlers it started with; later dispatches no longer see the handler.
 * Closing a registration of an {@link InProcessEventDispatcher} takes amortised constant time,
 * whatever the number of handlers registered.
 *
 * @since 0.1.0
 */
public interface Registration extends AutoCloseable {

  /** Unsubscribes the handler. Closing again does nothing. Never throws. */
  @Override
  void close();
}
