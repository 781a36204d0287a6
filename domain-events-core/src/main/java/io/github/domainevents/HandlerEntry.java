package io.github.domainevents;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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

  private final HandlerRegistry registry;
  private final AtomicBoolean closed = new AtomicBoolean();

  HandlerEntry(
      HandlerRegistry registry,
      HandlerInfo info,
      long sequence,
      DomainEventHandler<DomainEvent> handler,
      List<DispatchInterceptor> interceptors) {
    this.registry = registry;
    this.info = info;
    this.type = info.eventType();
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
      registry.remove(this);
    }
  }

  /** Marks the entry closed without touching the registry (used by {@code clear()}). */
  void markClosed() {
    closed.set(true);
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
