package io.github.domainevents.benchmarks;

import io.github.domainevents.EventHeader;

/**
 * Where the objects every measuring thread reads (the bus, its registry, the event) sit in
 * memory relative to what one thread writes on every dispatch (this library's per-thread
 * ambient context and its dispatch chain).
 *
 * <p>Before this existed, a scenario's set-up made the event with {@code EventHeader.create()},
 * which made the setting-up thread's ambient context right there, in the same thread-local
 * allocation buffer, between the dispatcher's registry and the event. Objects allocated one
 * after the other share cache lines, so in scenario 6 one measuring thread wrote, on every
 * dispatch, a cache line the other one read on every dispatch: false sharing made by the
 * benchmark, whose size depended on where allocation buffers happened to break (hence the
 * fork-to-fork and collector-to-collector variation). An application's threads make their
 * contexts on their own first dispatch, far from the dispatcher's objects.
 *
 * <p>Only the layout of objects made by set-up is controlled, and only until a garbage
 * collection moves them; the 0 B/op scenarios trigger none during measurement ({@code
 * gc.count} of {@code -prof gc} says so).
 */
enum Layout {
  /** The old set-up, kept to reproduce the false sharing: nothing made first, no padding. */
  AS_BEFORE {
    @Override
    Object beforeSharedObjects() {
      return NOTHING;
    }

    @Override
    void settle(Bus bus, Object event) {}

    @Override
    Object afterSharedObjects() {
      return NOTHING;
    }
  },
  /**
   * The setting-up thread's ambient context is made first, then padding, then the shared
   * objects, then one publish (so that the routes a contender caches on first use are made now,
   * not by whichever measuring thread comes first, next to its own context), then padding.
   */
  ISOLATED {
    @Override
    Object beforeSharedObjects() {
      EventHeader.create(); // makes this thread's ambient context now, if it has none yet
      return new long[PADDING_LONGS];
    }

    @Override
    void settle(Bus bus, Object event) {
      bus.publish(event);
    }

    @Override
    Object afterSharedObjects() {
      return new long[PADDING_LONGS];
    }
  };

  /**
   * 512 bytes: more than the 128 bytes that adjacent-line prefetching pairs, and more than the
   * whole ambient context with its initial chain array.
   */
  static final int PADDING_LONGS = 64;

  private static final Object NOTHING = new Object();

  /** Called before the shared objects are made; returns what must stay reachable. */
  abstract Object beforeSharedObjects();

  /** Called once the bus is wired and its event made. */
  abstract void settle(Bus bus, Object event);

  /** Called after the shared objects are made; returns what must stay reachable. */
  abstract Object afterSharedObjects();
}
