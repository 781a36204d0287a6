package io.github.domainevents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The registered handlers, kept in one bucket per registered type, and the routes derived from
 * them: per event class, the immutable, ordered array of the handlers a dispatch runs.
 *
 * <p>Readers (dispatches) find a resolved route with one volatile read and, if that is not the
 * class they want, one {@link ConcurrentHashMap} look-up; they never lock or allocate. Writers
 * (register, close, clear) and the resolution of a missing route serialise on one lock. A
 * dispatch uses one route from start to end: handlers registered or closed during it take effect
 * from the next dispatch.
 *
 * <p>Cost, with {@code k} the handlers whose registered type is a supertype of the event class
 * (the handlers a dispatch of it runs):
 *
 * <ul>
 *   <li>{@link #add}: amortised constant time (an append to the type's bucket), plus dropping the
 *       cached routes of the event classes routed through the type since it last changed;
 *   <li>{@link #remove}: amortised constant time (the entry knows its slot; a bucket is compacted
 *       once half of it is closed), plus dropping those routes likewise;
 *   <li>{@link #addAll} and closing its group: the same per entry, under one lock, so a listener
 *       with {@code m} methods costs O(m) and a dispatch sees all of them or none;
 *   <li>{@link #routeFor} with the route resolved: constant; a route missing (first dispatch of
 *       a class, or first after a change to one of its supertypes' buckets): O(k log k) at worst,
 *       O(k) when the handlers' priorities are equal, under the lock;
 *   <li>{@link #clear}: linear in the handlers registered.
 * </ul>
 */
final class HandlerRegistry {
  /*
   * Implementation notes.
   *
   * Until issue 14 every change copied one array of all entries (copy-on-write) and dropped
   * every cached route, so n registrations cost O(n^2) and closing them again O(n^2). Now:
   *
   * - buckets: registered type -> Bucket, a growable array in registration order. Adding
   *   appends; closing nulls the entry's slot (HandlerEntry.slot) and compacts the bucket when
   *   fewer than half its slots are live, so both are amortised O(1). Guarded by writeLock.
   * - routes: event class -> Route, resolved lazily by the first dispatch (or handlersFor) that
   *   misses it, under writeLock: the live entries of the buckets of the class's DomainEvent
   *   supertypes (ROUTED_THROUGH, computed once per class), sorted by run order. Sorting
   *   concatenated buckets that are each in registration order is a merge of runs for TimSort.
   * - dependents: registered type -> the event classes whose cached route went through it.
   *   A change to a type's bucket drops exactly those routes and forgets the set; the classes
   *   join it again when re-routed. Invariant (under writeLock): every cached route's class is in
   *   the dependents set of each type it is routed through. So a change costs what it affects,
   *   and a burst of changes to one type before the next dispatch drops its routes once.
   *
   * Routes are only ever put or removed under writeLock, so a route resolved from the buckets
   * cannot be cached after a change that makes it stale. lastRouted (volatile) is written under
   * the lock too, when a route is resolved or dropped, never on the dispatch path.
   *
   * The counters in Work are a test hook: HandlerRegistryGrowthTest counts the slots copied or
   * scanned to prove the growth linear without timing anything.
   */
  static final HandlerEntry[] NONE = new HandlerEntry[0];

  /** Higher priority first; equal priorities in registration order. */
  private static final Comparator<HandlerEntry> RUN_ORDER =
      (a, b) -> a.priority != b.priority
          ? Integer.compare(b.priority, a.priority)
          : Long.compare(a.sequence, b.sequence);

  /**
   * The types an event class is routed through: itself and each of its superclasses and
   * interfaces that is a {@link DomainEvent} type. Class hierarchies never change, so this is
   * computed once per class for every registry.
   */
  private static final ClassValue<Class<?>[]> ROUTED_THROUGH =
      new ClassValue<>() {
        @Override
        protected Class<?>[] computeValue(Class<?> eventClass) {
          Set<Class<?>> found = new LinkedHashSet<>();
          Deque<Class<?>> pending = new ArrayDeque<>();
          pending.add(eventClass);
          while (!pending.isEmpty()) {
            Class<?> type = pending.remove();
            // no supertype of a type that is not a DomainEvent is one
            if (DomainEvent.class.isAssignableFrom(type) && found.add(type)) {
              Class<?> superclass = type.getSuperclass();
              if (superclass != null) {
                pending.add(superclass);
              }
              pending.addAll(Arrays.asList(type.getInterfaces()));
            }
          }
          return found.toArray(new Class<?>[0]);
        }
      };

  private final ReentrantLock writeLock = new ReentrantLock();
  /** Resolved routes: read without locking, put and removed only under the lock. */
  private final ConcurrentHashMap<Class<?>, Route> routes = new ConcurrentHashMap<>();
  /** The route resolved most recently, if still cached; written only under the lock. */
  private volatile @Nullable Route lastRouted;

  // Guarded by writeLock.
  private final Map<Class<?>, Bucket> buckets = new HashMap<>();
  private final Map<Class<?>, Set<Class<?>>> dependents = new HashMap<>();
  private final Work work = new Work();
  private final Consumer<HandlerEntry> onClose = this::remove;
  private long nextSequence;

  /** Returns the handlers for {@code eventClass}, in the order they run. */
  HandlerEntry[] handlersFor(Class<?> eventClass) {
    return routeFor(eventClass).handlers;
  }

  /**
   * Returns the route for {@code eventClass}: its handlers and, if any are phase-bound, a plan.
   * Resolved routes cost one volatile read, or a map look-up; no lock, no allocation.
   *
   * @throws IllegalArgumentException if the class has an invalid {@link EventType}
   */
  Route routeFor(Class<?> eventClass) {
    Route last = lastRouted;
    if (last != null && last.eventClass == eventClass) {
      return last;
    }
    Route routed = routes.get(eventClass);
    return routed != null ? routed : resolve(eventClass);
  }

  /** Adds a handler built by {@code factory} with the next sequence number. */
  HandlerEntry add(EntryFactory factory) {
    writeLock.lock();
    try {
      HandlerEntry entry = insert(factory);
      changed(entry.type);
      return entry;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Adds the handlers built by {@code factories}, in order, at once: a dispatch sees all of
   * them or none. Returns one registration that removes them all at once.
   */
  Registration addAll(List<EntryFactory> factories) {
    List<HandlerEntry> added = new ArrayList<>(factories.size());
    writeLock.lock();
    try {
      for (EntryFactory factory : factories) {
        HandlerEntry entry = insert(factory);
        changed(entry.type);
        added.add(entry);
      }
    } finally {
      writeLock.unlock();
    }
    return new Group(added);
  }

  /** Removes {@code entry}, if it is still registered here. */
  void remove(HandlerEntry entry) {
    writeLock.lock();
    try {
      if (detach(entry)) {
        changed(entry.type);
      }
    } finally {
      writeLock.unlock();
    }
  }

  void clear() {
    writeLock.lock();
    try {
      for (Bucket bucket : buckets.values()) {
        bucket.releaseAll();
      }
      buckets.clear();
      dependents.clear();
      routes.clear();
      lastRouted = null;
    } finally {
      writeLock.unlock();
    }
  }

  /** The work counters; a test hook. */
  Work work() {
    writeLock.lock();
    try {
      return work.copy();
    } finally {
      writeLock.unlock();
    }
  }

  private HandlerEntry insert(EntryFactory factory) {
    HandlerEntry entry = factory.create(onClose, nextSequence++);
    buckets.computeIfAbsent(entry.type, type -> new Bucket()).append(entry, work);
    return entry;
  }

  /** Takes {@code entry} out of its bucket; false if it was not there (closed or cleared). */
  private boolean detach(HandlerEntry entry) {
    Bucket bucket = buckets.get(entry.type);
    if (bucket == null || !bucket.remove(entry, work)) {
      return false;
    }
    if (bucket.live == 0) {
      buckets.remove(entry.type);
    }
    return true;
  }

  /** Drops the cached routes that went through {@code type}'s bucket, which has changed. */
  private void changed(Class<?> type) {
    Set<Class<?>> affected = dependents.remove(type);
    if (affected != null) {
      for (Class<?> eventClass : affected) {
        if (routes.remove(eventClass) != null) {
          work.routesDropped++;
        }
      }
    }
    Route last = lastRouted;
    if (last != null && type.isAssignableFrom(last.eventClass)) {
      lastRouted = null;
    }
  }

  /** Resolves and caches the route of {@code eventClass}, which was missing. */
  private Route resolve(Class<?> eventClass) {
    EventTypes.nameOf(eventClass); // validates @EventType on first use; not cached if invalid
    Class<?>[] through = ROUTED_THROUGH.get(eventClass);
    writeLock.lock();
    try {
      Route routed = routes.get(eventClass);
      if (routed == null) {
        routed = new Route(eventClass, gather(through));
        for (Class<?> type : through) {
          dependents.computeIfAbsent(type, key -> new HashSet<>()).add(eventClass);
        }
        routes.put(eventClass, routed);
        work.routesResolved++;
      }
      lastRouted = routed;
      return routed;
    } finally {
      writeLock.unlock();
    }
  }

  /** The live entries of the buckets of {@code types}, in run order. */
  private HandlerEntry[] gather(Class<?>[] types) {
    int count = 0;
    for (Class<?> type : types) {
      Bucket bucket = buckets.get(type);
      if (bucket != null) {
        count += bucket.live;
      }
    }
    if (count == 0) {
      return NONE;
    }
    HandlerEntry[] handlers = new HandlerEntry[count];
    int filled = 0;
    for (Class<?> type : types) {
      Bucket bucket = buckets.get(type);
      if (bucket != null) {
        filled = bucket.copyLiveTo(handlers, filled, work);
      }
    }
    Arrays.sort(handlers, RUN_ORDER); // one pass if already in order
    return handlers;
  }

  /** Makes an entry once its sequence number is known. */
  @FunctionalInterface
  interface EntryFactory {
    HandlerEntry create(Consumer<HandlerEntry> onClose, long sequence);
  }

  /**
   * What the registry did, counted for tests: slots copied or scanned (growing and compacting
   * buckets, gathering routes), routes resolved and routes dropped.
   */
  static final class Work {
    long slotsTouched;
    long routesResolved;
    long routesDropped;

    Work copy() {
      Work copy = new Work();
      copy.slotsTouched = slotsTouched;
      copy.routesResolved = routesResolved;
      copy.routesDropped = routesDropped;
      return copy;
    }

    @Override
    public String toString() {
      return "Work[slotsTouched=" + slotsTouched + ", routesResolved=" + routesResolved
          + ", routesDropped=" + routesDropped + "]";
    }
  }

  /**
   * The entries registered for one type, in registration order. Closed entries leave a null
   * slot until the bucket is compacted. Guarded by the registry's lock.
   */
  private static final class Bucket {
    private static final int FIRST_CAPACITY = 4;

    @Nullable HandlerEntry[] slots = new HandlerEntry[FIRST_CAPACITY];
    /** Slots in use, live or closed. */
    int size;
    /** Live entries. */
    int live;

    void append(HandlerEntry entry, Work work) {
      if (size == slots.length) {
        if (live <= size / 2) {
          compact(work); // room enough after dropping the closed slots
        } else {
          slots = Arrays.copyOf(slots, size * 2);
          work.slotsTouched += size;
        }
      }
      entry.slot = size;
      slots[size++] = entry;
      live++;
    }

    boolean remove(HandlerEntry entry, Work work) {
      int slot = entry.slot;
      if (slot < 0 || slot >= size || slots[slot] != entry) {
        return false;
      }
      slots[slot] = null;
      entry.slot = -1;
      live--;
      while (size > 0 && slots[size - 1] == null) {
        size--; // each closed slot is trimmed at most once: amortised constant
      }
      if (live < size / 2) {
        compact(work);
      }
      return true;
    }

    /** Moves the live entries to the front, in order; shrinks a mostly empty array. */
    private void compact(Work work) {
      @Nullable HandlerEntry[] target =
          slots.length > FIRST_CAPACITY && live < slots.length / 4
              ? new HandlerEntry[Math.max(FIRST_CAPACITY, live * 2)]
              : slots;
      int next = 0;
      for (int i = 0; i < size; i++) {
        HandlerEntry entry = slots[i];
        if (entry != null) {
          entry.slot = next;
          target[next++] = entry;
        }
      }
      Arrays.fill(target, next, Math.min(size, target.length), null);
      work.slotsTouched += size;
      slots = target;
      size = next;
    }

    int copyLiveTo(HandlerEntry[] target, int from, Work work) {
      int next = from;
      for (int i = 0; i < size; i++) {
        HandlerEntry entry = slots[i];
        if (entry != null) {
          target[next++] = entry;
        }
      }
      work.slotsTouched += size;
      return next;
    }

    void releaseAll() {
      for (int i = 0; i < size; i++) {
        HandlerEntry entry = slots[i];
        if (entry != null) {
          entry.release();
          entry.slot = -1;
        }
      }
    }
  }

  /**
   * One registration for a group of entries added together ({@link #addAll}): closing it
   * removes all of them at once, under one lock.
   */
  private final class Group implements Registration {
    private final AtomicReference<@Nullable List<HandlerEntry>> entries;
    private final List<Registration> members;

    Group(List<HandlerEntry> entries) {
      this.entries = new AtomicReference<>(List.copyOf(entries));
      List<Registration> members = new ArrayList<>(entries.size());
      for (HandlerEntry entry : entries) {
        members.add(entry.registration());
      }
      this.members = List.copyOf(members);
    }

    @Override
    public void close() {
      List<HandlerEntry> open = entries.getAndSet(null);
      if (open == null) {
        return;
      }
      writeLock.lock();
      try {
        for (HandlerEntry entry : open) {
          if (entry.release() && detach(entry)) { // released already: cleared
            changed(entry.type);
          }
        }
      } finally {
        writeLock.unlock();
      }
    }

    @Override
    public String toString() {
      return "Registration" + members;
    }
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
}
