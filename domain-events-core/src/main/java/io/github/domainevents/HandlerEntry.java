package io.github.domainevents;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One registration: the handler's description, its invocation target (the handler, or the
 * interceptor chain around it) and its place in the order. The caller gets its {@link
 * #registration()}, which lets go of the entry when closed (or cleared), so that a closed
 * registration the caller still holds keeps nothing the handler captured reachable.
 */
final class HandlerEntry {
  final HandlerInfo info;
  final Class<? extends DomainEvent> type;
  final int priority;
  final long sequence;
  final DomainEventHandler<DomainEvent> target;

  /**
   * The entry's index in its registry bucket, -1 once removed; the registry's bookkeeping,
   * read and written only under the registry's lock, so that closing finds the entry without a
   * search.
   */
  int slot = -1;

  private final Consumer<HandlerEntry> onClose;
  private final Handle handle;

  HandlerEntry(
      Consumer<HandlerEntry> onClose,
      HandlerInfo info,
      long sequence,
      DomainEventHandler<DomainEvent> handler,
      List<DispatchInterceptor> interceptors) {
    this.onClose = onClose;
    this.info = info;
    this.type = info.registeredType();
    this.priority = info.priority();
    this.sequence = sequence;
    this.target = intercepted(handler, info, interceptors);
    this.handle = new Handle(this);
  }

  /** The registration handed to the caller. */
  Registration registration() {
    return handle;
  }

  /**
   * Lets the caller's registration go of this entry without removing it from the registry (used
   * by {@code clear()} and by a group registration, which remove entries themselves); closing it
   * afterwards does nothing.
   *
   * @return whether the registration was still open
   */
  boolean release() {
    return handle.entry.getAndSet(null) != null;
  }

  @Override
  public String toString() {
    return "HandlerEntry[" + info + "]";
  }

  /**
   * The caller's side of a registration. It holds the entry only while open: closing (or
   * clearing) drops the reference, so the handler and what it captured become unreachable
   * through it. A dispatch already in progress keeps its own snapshot of the entry until it ends.
   */
  private static final class Handle implements Registration {
    private final HandlerInfo info;
    private final AtomicReference<@Nullable HandlerEntry> entry;

    Handle(HandlerEntry entry) {
      this.info = entry.info;
      this.entry = new AtomicReference<>(entry);
    }

    @Override
    public void close() {
      HandlerEntry open = entry.getAndSet(null);
      if (open != null) {
        open.onClose.accept(open);
      }
    }

    @Override
    public String toString() {
      return "Registration[" + info + (entry.get() == null ? ", closed]" : "]");
    }
  }

  /** Builds the chain once: the first interceptor is outermost. */
  private static DomainEventHandler<DomainEvent> intercepted(
      DomainEventHandler<DomainEvent> handler,
      HandlerInfo info,
      List<DispatchInterceptor> interceptors) {
    if (interceptors.isEmpty()) {
      return handler;
    }
    DispatchInterceptor.Next next = handler::handle;
    for (int i = interceptors.size() - 1; i >= 0; i--) {
      DispatchInterceptor interceptor = interceptors.get(i);
      DispatchInterceptor.Next inner = next;
      next = event -> interceptor.intercept(event, info, inner);
    }
    DispatchInterceptor.Next chain = next;
    return chain::proceed;
  }
}
