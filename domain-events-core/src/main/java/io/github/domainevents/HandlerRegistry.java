package io.github.domainevents;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The registered handlers, as an immutable, ordered snapshot replaced on every change.
 *
 * <p>Readers (dispatches) take the current snapshot with one volatile read and never lock;
 * writers (register, close, clear) serialise on a lock and publish a new snapshot. Each
 * snapshot caches, per event class, the ordered handlers that apply to it, so routing through
 * the class hierarchy happens once per event class and snapshot. A dispatch uses one snapshot
 * from start to end: handlers registered or closed during it take effect from the next
 * dispatch.
 */
final class HandlerRegistry {
  static final HandlerEntry[] NONE = new HandlerEntry[0];

  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile Snapshot snapshot = new Snapshot(NONE);
  private long nextSequence;

  /** Returns the handlers for {@code eventClass}, in the order they run. */
  HandlerEntry[] handlersFor(Class<?> eventClass) {
    return routeFor(eventClass).handlers;
  }

  /** Returns the route for {@code eventClass}: its handlers and, if any are phase-bound, a plan. */
  Route routeFor(Class<?> eventClass) {
    Snapshot current = snapshot;
    Route last = current.lastRouted;
    if (last != null && last.eventClass == eventClass) {
      return last;
    }
    Route routed = current.routes.get(eventClass);
    return routed != null ? routed : current.route(eventClass);
  }

  /** Adds a handler built by {@code factory} with the next sequence number. */
  HandlerEntry add(EntryFactory factory) {
    writeLock.lock();
    try {
      HandlerEntry entry = factory.create(this::remove, nextSequence++);
      HandlerEntry[] entries = snapshot.entries;
      int position = entries.length;
      while (position > 0 && entry.runsBefore(entries[position - 1])) {
        position--;
      }
      HandlerEntry[] next = new HandlerEntry[entries.length + 1];
      System.arraycopy(entries, 0, next, 0, position);
      next[position] = entry;
      System.arraycopy(entries, position, next, position + 1, entries.length - position);
      snapshot = new Snapshot(next);
      return entry;
    } finally {
      writeLock.unlock();
    }
  }

  void remove(HandlerEntry entry) {
    writeLock.lock();
    try {
      HandlerEntry[] entries = snapshot.entries;
      for (int i = 0; i < entries.length; i++) {
        if (entries[i] == entry) {
          HandlerEntry[] next = new HandlerEntry[entries.length - 1];
          System.arraycopy(entries, 0, next, 0, i);
          System.arraycopy(entries, i + 1, next, i, entries.length - i - 1);
          snapshot = new Snapshot(next);
          return;
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  void clear() {
    writeLock.lock();
    try {
      for (HandlerEntry entry : snapshot.entries) {
        entry.release();
      }
      snapshot = new Snapshot(NONE);
    } finally {
      writeLock.unlock();
    }
  }

  /** Makes an entry once its sequence number is known. */
  @FunctionalInterface
  interface EntryFactory {
    HandlerEntry create(Consumer<HandlerEntry> onClose, long sequence);
  }

  /**
   * One resolved route. Immutable, so it may be shared through a plain field. {@code phases} is
   * null unless a handler is bound to a transaction phase, so that a dispatch outside units of
   * work pays one null check for them.
   */
  static final class Route {
    final Class<?> eventClass;
    final HandlerEntry[] handlers;
    final @Nullable PhasePlan phases;

    Route(Class<?> eventClass, HandlerEntry[] handlers) {
      this.eventClass = eventClass;
      this.handlers = handlers;
      this.phases = PhasePlan.of(handlers);
    }
  }

  /**
   * All entries in run order, plus the per-class routes derived from them.
   *
   * <p>{@code lastRouted} short-cuts the map for the event class resolved most recently (the
   * common case of a service dispatching one kind of event at a time). It is written only when a
   * route is first resolved, never on the dispatch path, so threads dispatching concurrently do
   * not write to a shared cache line; a stale or missing value just falls back to the map.
   */
  private static final class Snapshot {
    final HandlerEntry[] entries;
    final ConcurrentHashMap<Class<?>, Route> routes = new ConcurrentHashMap<>();
    @Nullable Route lastRouted;

    Snapshot(HandlerEntry[] entries) {
      this.entries = entries;
    }

    Route route(Class<?> eventClass) {
      EventTypes.nameOf(eventClass); // validates @EventType on first use; not cached if invalid
      List<HandlerEntry> matching = new ArrayList<>();
      for (HandlerEntry entry : entries) {
        if (entry.type.isAssignableFrom(eventClass)) {
          matching.add(entry);
        }
      }
      Route routed = new Route(eventClass, matching.isEmpty() ? NONE : matching.toArray(NONE));
      Route raced = routes.putIfAbsent(eventClass, routed);
      Route winner = raced != null ? raced : routed;
      lastRouted = winner;
      return winner;
    }
  }
}
