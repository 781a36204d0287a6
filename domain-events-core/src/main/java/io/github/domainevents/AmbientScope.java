package io.github.domainevents;

import org.jspecify.annotations.Nullable;

/**
 * A scope that changes the {@link AmbientContext} of the thread that opened it until closed.
 *
 * <p>Scopes nest: each remembers the scope that was innermost when it opened. Closing is
 * idempotent, must happen on the opening thread, and must happen innermost first; a violation
 * throws {@link IllegalStateException} and changes nothing, so a mistake is reported rather
 * than silently corrupting the context of later code on the thread. A handler, a wrapped task or
 * an asynchronous dispatch starts with no open scope (the values of the caller's scopes still
 * apply), so it cannot close a scope its caller opened: only the opening code can.
 */
abstract class AmbientScope implements AutoCloseable {
  private final Thread owner = Thread.currentThread();
  private final @Nullable AmbientScope outer;
  private boolean closed;

  AmbientScope(AmbientContext context) {
    this.outer = context.innermostScope;
    context.innermostScope = this;
  }

  /**
   * Ends the scope and restores what it replaced.
   *
   * @throws IllegalStateException if called on another thread than the one that opened the
   *     scope, or while a scope opened later on this thread is still open
   */
  @Override
  public final void close() {
    if (closed) {
      return;
    }
    Checks.requireState(
        Thread.currentThread() == owner,
        describe() + " was opened on thread '" + owner.getName()
            + "' and must be closed there, not on '" + Thread.currentThread().getName() + "'");
    AmbientContext context = AmbientContext.current();
    Checks.requireState(
        context.innermostScope == this,
        describe() + " closed out of order: it is not the innermost open scope here; either a"
            + " scope opened inside it is still open (close scopes in reverse order, ideally"
            + " with try-with-resources), or it is being closed inside a handler or wrapped"
            + " task that did not open it");
    closed = true;
    context.innermostScope = outer;
    restore(context);
  }

  /** Writes back the values this scope replaced. */
  abstract void restore(AmbientContext context);

  /** Names the scope in error messages. */
  abstract String describe();
}
