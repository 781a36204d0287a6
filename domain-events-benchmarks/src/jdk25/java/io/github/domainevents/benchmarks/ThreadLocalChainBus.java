package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import java.util.Arrays;
import java.util.UUID;

/**
 * The way core's {@code AmbientContext} carries the cause (as of main's bbc4afa), copied to its
 * essentials: one mutable context per thread in a {@link ThreadLocal}; the dispatch chain in one
 * array of events (entries {@code [base, top)} visible; the cause's header is read from the
 * event); the four scope values (correlation, clock, id generator, innermost scope) saved in a
 * pooled entry only when one is in effect, which one load tells (the innermost scope is not null,
 * or a boundary marker, whenever a value is in effect) and the mark returned by {@code begin}
 * says; the left-open-scope check before every handler; capture copies the visible chain, install
 * pushes it above the running chain and puts everything back afterwards. No scope is ever opened
 * in the benchmark, but every check is made.
 */
final class ThreadLocalChainBus extends MiniBus {
  private static final ThreadLocal<Context> CURRENT = ThreadLocal.withInitial(Context::new);
  private static final int SAVED = 1 << 30;
  private static final int INDEX = SAVED - 1;

  /** Stands for "values in effect, no scope open here", as {@code AmbientContext}'s BOUNDARY. */
  private static final Object BOUNDARY = new Object();

  @Override
  void dispatchTo(DomainEvent event, LevelHandler[] route) {
    Context context = CURRENT.get();
    if (context.top - context.base >= MAX_DEPTH) {
      throw tooDeep(event);
    }
    int mark = context.begin(event);
    try {
      for (LevelHandler handler : route) {
        context.beginHandler(mark);
        try {
          handler.handle(event);
        } catch (Throwable failure) {
          throw failed(failure);
        }
      }
    } finally {
      context.end(mark);
    }
  }

  @Override
  public void readCause(CauseSink sink) {
    Context context = CURRENT.get();
    int last = context.top - 1;
    EventHeader cause =
        last < context.base ? null : ((DomainEvent) context.events[last]).header();
    UUID scoped = context.correlationId;
    if (cause == null) {
      sink.cause(null, scoped);
      return;
    }
    sink.cause(
        cause.eventId(), scoped != null ? scoped : cause.correlationId().orElse(cause.eventId()));
  }

  @Override
  public Runnable wrap(Runnable task) {
    Captured captured = CURRENT.get().capture();
    return () -> captured.run(task);
  }

  /** The per-thread context: the chain arrays, the scope values and the pooled saved entries. */
  private static final class Context {
    UUID correlationId;
    Object clock;
    Object idGenerator;
    Object innermostScope;
    Object[] events = new Object[8];
    Saved[] saved = new Saved[8];
    int top;
    int base;

    int begin(Object event) {
      int index = top;
      if (index == events.length) {
        grow(index + 1);
      }
      boolean save = innermostScope != null; // not null whenever a value is in effect
      if (save) {
        save(index);
      }
      events[index] = event;
      top = index + 1;
      return save ? index | SAVED : index;
    }

    void beginHandler(int mark) {
      if ((mark & SAVED) == 0) {
        if (innermostScope != null) {
          putBack(null, null, null, null);
        }
      } else {
        Saved entry = saved[mark & INDEX];
        putBack(null, entry.clock, entry.idGenerator, null);
      }
    }

    void end(int mark) {
      int index = mark & INDEX;
      events[index] = null;
      top = index;
      if ((mark & SAVED) == 0) {
        if (innermostScope != null) {
          putBack(null, null, null, null);
        }
      } else {
        restore(index);
      }
    }

    Captured capture() {
      int length = top - base;
      Object[] capturedEvents = new Object[length];
      System.arraycopy(events, base, capturedEvents, 0, length);
      return new Captured(correlationId, clock, idGenerator, capturedEvents);
    }

    int install(Captured captured) {
      int index = top;
      int length = captured.events.length;
      if (index + 1 + length > events.length) {
        grow(index + 1 + length);
      }
      save(index);
      top = index + 1;
      base = top;
      for (int i = 0; i < length; i++) {
        events[top] = captured.events[i];
        top++;
      }
      putBack(captured.correlationId, captured.clock, captured.idGenerator, null);
      return index;
    }

    void uninstall(int mark) {
      while (top > mark + 1) {
        int last = --top;
        events[last] = null;
      }
      top = mark;
      restore(mark);
    }

    private void save(int index) {
      Saved entry = saved[index];
      if (entry == null) {
        entry = new Saved();
        saved[index] = entry;
      }
      entry.correlationId = correlationId;
      entry.clock = clock;
      entry.idGenerator = idGenerator;
      entry.scope = innermostScope;
      entry.base = base;
    }

    private void restore(int index) {
      Saved entry = saved[index];
      putBack(entry.correlationId, entry.clock, entry.idGenerator, entry.scope);
      base = entry.base;
      entry.correlationId = null;
      entry.clock = null;
      entry.idGenerator = null;
      entry.scope = null;
    }

    @SuppressWarnings("ReferenceEquality") // as in AmbientContext: identity is what matters
    private void putBack(UUID correlationId, Object clock, Object idGenerator, Object given) {
      Object scope =
          given == null && (correlationId != null || clock != null || idGenerator != null)
              ? BOUNDARY
              : given;
      if (this.correlationId != correlationId) {
        this.correlationId = correlationId;
      }
      if (this.clock != clock) {
        this.clock = clock;
      }
      if (this.idGenerator != idGenerator) {
        this.idGenerator = idGenerator;
      }
      if (this.innermostScope != scope) {
        this.innermostScope = scope;
      }
    }

    private void grow(int capacity) {
      int length = Math.max(capacity, events.length * 2);
      events = Arrays.copyOf(events, length);
      saved = Arrays.copyOf(saved, length);
    }
  }

  /** What one entry saved. */
  private static final class Saved {
    UUID correlationId;
    Object clock;
    Object idGenerator;
    Object scope;
    int base;
  }

  /** An immutable copy of a context, as {@code AmbientContext.Captured}. */
  private static final class Captured {
    final UUID correlationId;
    final Object clock;
    final Object idGenerator;
    final Object[] events;

    Captured(UUID correlationId, Object clock, Object idGenerator, Object[] events) {
      this.correlationId = correlationId;
      this.clock = clock;
      this.idGenerator = idGenerator;
      this.events = events;
    }

    void run(Runnable task) {
      Context context = CURRENT.get();
      int mark = context.install(this);
      try {
        task.run();
      } finally {
        context.uninstall(mark);
      }
    }
  }
}
