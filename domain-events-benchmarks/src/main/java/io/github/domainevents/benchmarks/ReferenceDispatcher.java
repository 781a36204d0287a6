package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A measuring stick, not a product: the least a synchronous dispatcher has to do. Registrations
 * live in a copy-on-write array; the handlers of each event class (its own and its supertypes',
 * in registration order) are computed once and cached in a {@link ClassValue}; a dispatch is
 * one {@code ClassValue.get} and a plain loop. No causal context, no error policy, no depth
 * guard, no interceptors: whatever this library's dispatcher costs above it is the price of
 * those.
 *
 * <p>Registration is for set-up (it replaces the whole cache); dispatch may run on any thread.
 */
final class ReferenceDispatcher {
  private static final Handler[] NONE = newArray(0);

  private final Handler deadEvents;
  private final Object lock = new Object();
  private volatile Entry[] entries = new Entry[0];
  private volatile ClassValue<Handler[]> routes = routesFor(new Entry[0]);

  /**
   * Makes a dispatcher that hands events nobody handles to {@code deadEvents}.
   *
   * @param deadEvents called for an event without handlers
   */
  ReferenceDispatcher(Handler deadEvents) {
    this.deadEvents = deadEvents;
  }

  /** Registers {@code handler} for {@code type} and its subtypes. */
  void register(Class<?> type, Handler handler) {
    synchronized (lock) {
      Entry[] longer = Arrays.copyOf(entries, entries.length + 1);
      longer[entries.length] = new Entry(type, handler);
      entries = longer;
      routes = routesFor(longer);
    }
  }

  /** Calls the handlers of {@code event}'s class in registration order, on this thread. */
  void dispatch(DomainEvent event) {
    Handler[] handlers = routes.get(event.getClass());
    if (handlers.length == 0) {
      deadEvents.handle(event);
      return;
    }
    for (Handler handler : handlers) {
      handler.handle(event);
    }
  }

  private static ClassValue<Handler[]> routesFor(Entry[] entries) {
    return new ClassValue<>() {
      @Override
      protected Handler[] computeValue(Class<?> eventClass) {
        List<Handler> matching = new ArrayList<>();
        for (Entry entry : entries) {
          if (entry.type.isAssignableFrom(eventClass)) {
            matching.add(entry.handler);
          }
        }
        return matching.isEmpty() ? NONE : matching.toArray(newArray(matching.size()));
      }
    };
  }

  private static Handler[] newArray(int length) {
    return new Handler[length];
  }

  private record Entry(Class<?> type, Handler handler) {}
}
