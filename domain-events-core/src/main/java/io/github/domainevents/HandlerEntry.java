package io.github.domainevents;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One registration: the handler's description, its invocation target (the handler, or the
 * interceptor chain around it) and its place in the order. It is also the {@link Registration}
 * handed to the caller.
 */
final class HandlerEntry implements Registration {
  final HandlerInfo info;
  final Class<? extends DomainEvent> type;
  final int priority;
  final long sequence;
  final DomainEventHandler<DomainEvent> target;

  private final Consumer<HandlerEntry> onClose;
  private final AtomicBoolean closed = new AtomicBoolean();

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
  }

  /** Higher priority first; equal priorities in registration order. */
  boolean runsBefore(HandlerEntry other) {
    return priority != other.priority ? priority > other.priority : sequence < other.sequence;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      onClose.accept(this);
    }
  }

  @Override
  public String toString() {
    return "Registration[" + info + (closed.get() ? ", closed]" : "]");
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
