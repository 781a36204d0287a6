package io.github.domainevents;

import io.github.domainevents.internal.Checks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * The per-thread context in which events are created and handled. Its state is private: it
 * changes only through the operations below, each of which keeps the invariants.
 *
 * <ul>
 *   <li>{@link Scope}: open and close a scope (correlation, clock, id generator);
 *   <li>{@link #beginDispatch}, {@link #beginHandler}, {@link #endDispatch}: run the handlers of
 *       one event;
 *   <li>{@link #capture}, then {@link Captured#run} or {@link Captured#call}: carry the context
 *       into work that runs elsewhere.
 * </ul>
 *
 * <p>The context knows nothing of events beyond "an object and its header", both held as {@code
 * Object}: so the thread context sits below {@link DomainEvent} and {@link EventHeader} in the
 * class graph instead of in a cycle with them. The casts live in the two readers ({@link
 * EventHeader} and {@link EventContext}) and the dispatcher, which pushes the pair.
 *
 * <p>Only code on the owning thread touches a context, so no field needs to be volatile.
 */
final class AmbientContext {
  /*
   * Implementation notes.
   *
   * One mutable frame stack per thread, reached through a ThreadLocal. Mutating it (rather than
   * pushing immutable snapshots) is what keeps a synchronous dispatch free of allocation: the
   * Frame objects are pooled and reused, so a thread allocates nothing once it has seen its
   * deepest chain.
   *
   * A frame saves the four scope values (correlation, clock, id generator, innermost scope) and
   * the chain base as they were when it was pushed; unwinding to it puts them back. This is the
   * one place where the context is saved and restored: a dispatch pushes a frame carrying its
   * event, an installed hand-off pushes a frame with no event and then the captured chain.
   *
   * Stores are guarded: a pooled frame is clean (all null) when free, so only non-null values are
   * saved and only non-null values cleared, and the context's own fields are only written when
   * they change. Under G1 every reference store into this long-lived object runs a write
   * barrier, and on the usual path (no scope open) nothing changes. The cause is not kept in a
   * field of its own: the chain already holds it.
   *
   * frames[base..top) is the dispatch chain visible on this thread: installing captured work
   * moves base above the frames of the dispatches in progress, so they are left untouched and
   * the work's own chain starts there.
   */
  private static final ThreadLocal<AmbientContext> CURRENT =
      ThreadLocal.withInitial(AmbientContext::new);

  /** The correlation id of an open correlation scope; it wins over the cause's correlation. */
  private @Nullable UUID correlationId;

  /** A scoped clock that replaces the global default on this thread. */
  private @Nullable Clock clock;

  /** A scoped id generator that replaces the global default on this thread. */
  private @Nullable EventIdGenerator idGenerator;

  /** The innermost open scope on this thread, to detect scopes closed out of order. */
  private @Nullable Scope innermostScope;

  /** The frame stack: {@code frames[0..top)} are in use; every element is non-null. */
  private Frame[] frames = newFrames(new Frame[0], 8);

  private int top;

  /** Where the visible dispatch chain starts: {@code frames[base..top)}. */
  private int base;

  private AmbientContext() {}

  /** The context of the calling thread. */
  static AmbientContext current() {
    return CURRENT.get();
  }

  // ---- reading ----

  /** The event being dispatched innermost on this thread (the cause), or null. */
  @Nullable Object cause() {
    int last = top - 1;
    return last < base ? null : frames[last].event;
  }

  /** The header of {@link #cause()}, or null. */
  @Nullable Object causeHeader() {
    int last = top - 1;
    return last < base ? null : frames[last].header;
  }

  /** How many dispatches are nested in the visible chain (0 outside any handler). */
  int depth() {
    return top - base;
  }

  /** The events of the visible dispatch chain, outermost first. */
  List<Object> chain() {
    List<Object> events = new ArrayList<>(top - base);
    for (int i = base; i < top; i++) {
      events.add(Checks.requireNonNull(frames[i].event, "chain event"));
    }
    return events;
  }

  /** The open correlation scope's id, or null. */
  @Nullable UUID scopedCorrelationId() {
    return correlationId;
  }

  /** The scoped clock, or null to use the process-wide one. */
  @Nullable Clock scopedClock() {
    return clock;
  }

  /** The scoped id generator, or null to use the process-wide one. */
  @Nullable EventIdGenerator scopedIdGenerator() {
    return idGenerator;
  }

  // ---- dispatching ----

  /**
   * Makes {@code event} (with its {@code header}) the innermost event being dispatched and
   * saves the context to put back at {@link #endDispatch}.
   *
   * @return the mark to pass to {@link #beginHandler} and {@link #endDispatch}
   */
  int beginDispatch(Object event, Object header) {
    int mark = top;
    Frame frame = push();
    frame.event = event;
    frame.header = header;
    return mark;
  }

  /**
   * Undoes whatever the previous handler left behind (an open scope, a scoped clock), so each
   * handler of the dispatch at {@code mark} starts from the same context. A handler starts with
   * no open scope, so it cannot close its caller's scopes, and with no correlation scope, so the
   * handled event's correlation applies.
   */
  @SuppressWarnings("ReferenceEquality") // the same objects are put back, so identity is right
  void beginHandler(int mark) {
    Frame frame = frames[mark];
    if (correlationId != null) {
      correlationId = null;
    }
    if (clock != frame.clock) {
      clock = frame.clock;
    }
    if (idGenerator != frame.idGenerator) {
      idGenerator = frame.idGenerator;
    }
    if (innermostScope != null) {
      innermostScope = null;
    }
  }

  /** Ends the dispatch at {@code mark}: the context is exactly what it was before it began. */
  void endDispatch(int mark) {
    unwind(mark);
  }

  // ---- handing off to another thread ----

  /** Captures this thread's context for work that will run elsewhere. */
  Captured capture() {
    int length = top - base;
    Object[] events = new Object[length];
    Object[] headers = new Object[length];
    for (int i = 0; i < length; i++) {
      Frame frame = frames[base + i];
      events[i] = Checks.requireNonNull(frame.event, "chain event");
      headers[i] = Checks.requireNonNull(frame.header, "chain header");
    }
    return new Captured(correlationId, clock, idGenerator, events, headers);
  }

  /**
   * Installs {@code captured} to run work captured elsewhere (a wrapped task, an asynchronous
   * dispatch), on top of whatever this thread is doing. No scope counts as open for that work:
   * scopes can only be closed by the code that opened them, so the work cannot close the
   * capturer's scopes, nor this thread's.
   *
   * @return the mark to pass to {@link #uninstall}, in a {@code finally}
   */
  private int install(Captured captured) {
    int mark = top;
    push();
    base = top;
    for (int i = 0; i < captured.events.length; i++) {
      Frame frame = push();
      frame.event = captured.events[i];
      frame.header = captured.headers[i];
    }
    correlationId = captured.correlationId;
    clock = captured.clock;
    idGenerator = captured.idGenerator;
    innermostScope = null;
    return mark;
  }

  /** Puts back this thread's own context after the work installed at {@code mark}. */
  private void uninstall(int mark) {
    unwind(mark);
  }

  /** Pushes a frame that saves the current context. */
  private Frame push() {
    if (top == frames.length) {
      frames = newFrames(frames, top * 2);
    }
    Frame frame = frames[top++];
    if (correlationId != null) {
      frame.correlationId = correlationId;
    }
    if (clock != null) {
      frame.clock = clock;
    }
    if (idGenerator != null) {
      frame.idGenerator = idGenerator;
    }
    if (innermostScope != null) {
      frame.scope = innermostScope;
    }
    frame.base = base;
    return frame;
  }

  /** Pops every frame down to {@code mark} and restores what the frame at {@code mark} saved. */
  @SuppressWarnings("ReferenceEquality") // the same objects are put back, so identity is right
  private void unwind(int mark) {
    while (top > mark + 1) {
      frames[--top].clear();
    }
    Frame frame = frames[mark];
    if (correlationId != frame.correlationId) {
      correlationId = frame.correlationId;
    }
    if (clock != frame.clock) {
      clock = frame.clock;
    }
    if (idGenerator != frame.idGenerator) {
      idGenerator = frame.idGenerator;
    }
    if (innermostScope != frame.scope) {
      innermostScope = frame.scope;
    }
    base = frame.base;
    frame.clear();
    top = mark;
  }

  private static Frame[] newFrames(Frame[] old, int length) {
    Frame[] grown = Arrays.copyOf(old, length);
    for (int i = old.length; i < length; i++) {
      grown[i] = new Frame();
    }
    return grown;
  }

  /** One pooled frame; clean (all null) while free. */
  private static final class Frame {
    @Nullable Object event;
    @Nullable Object header;
    @Nullable UUID correlationId;
    @Nullable Clock clock;
    @Nullable EventIdGenerator idGenerator;
    @Nullable Scope scope;
    int base;

    void clear() {
      if (event != null) {
        event = null;
      }
      if (header != null) {
        header = null;
      }
      if (correlationId != null) {
        correlationId = null;
      }
      if (clock != null) {
        clock = null;
      }
      if (idGenerator != null) {
        idGenerator = null;
      }
      if (scope != null) {
        scope = null;
      }
    }
  }

  /**
   * An immutable copy of a context, carried by work handed to another thread. Running work in
   * it installs it on the running thread and puts that thread's own context back afterwards,
   * however the work ends, so nothing leaks into a pooled thread.
   */
  static final class Captured {
    private final @Nullable UUID correlationId;
    private final @Nullable Clock clock;
    private final @Nullable EventIdGenerator idGenerator;
    private final Object[] events;
    private final Object[] headers;

    private Captured(
        @Nullable UUID correlationId,
        @Nullable Clock clock,
        @Nullable EventIdGenerator idGenerator,
        Object[] events,
        Object[] headers) {
      this.correlationId = correlationId;
      this.clock = clock;
      this.idGenerator = idGenerator;
      this.events = events;
      this.headers = headers;
    }

    /** Runs {@code task} in this context on the calling thread. */
    void run(Runnable task) {
      AmbientContext context = current();
      int mark = context.install(this);
      try {
        task.run();
      } finally {
        context.uninstall(mark);
      }
    }

    /** Calls {@code task} in this context on the calling thread. */
    <T> T call(Callable<T> task) throws Exception {
      AmbientContext context = current();
      int mark = context.install(this);
      try {
        return task.call();
      } finally {
        context.uninstall(mark);
      }
    }
  }

  /**
   * A scope that changes the context of the thread that opened it until closed: it overrides
   * the values given to its constructor and, on close, puts back all it found.
   *
   * <p>Scopes nest: each remembers the scope that was innermost when it opened. Closing is
   * idempotent, must happen on the opening thread, and must happen innermost first; a violation
   * throws {@link IllegalStateException} and changes nothing, so a mistake is reported rather
   * than silently corrupting the context of later code on the thread. A handler, a wrapped task
   * or an asynchronous dispatch starts with no open scope (the values of the caller's scopes
   * still apply), so it cannot close a scope its caller opened: only the opening code can.
   *
   * <p>The public scopes ({@link EventContext.Scope}, {@link EventDefaults.Scope}) each hold one,
   * so this class stays out of the public API.
   */
  static final class Scope {
    private final Thread owner = Thread.currentThread();
    private final @Nullable UUID correlationId;
    private final @Nullable Scope outer;
    private final @Nullable UUID previousCorrelationId;
    private final @Nullable Clock previousClock;
    private final @Nullable EventIdGenerator previousIdGenerator;
    private boolean closed;

    /** Opens a scope on this thread; a null argument leaves that value as it is. */
    static Scope open(
        @Nullable UUID correlationId,
        @Nullable Clock clock,
        @Nullable EventIdGenerator idGenerator) {
      return new Scope(current(), correlationId, clock, idGenerator);
    }

    private Scope(
        AmbientContext context,
        @Nullable UUID correlationId,
        @Nullable Clock clock,
        @Nullable EventIdGenerator idGenerator) {
      this.correlationId = correlationId;
      this.outer = context.innermostScope;
      this.previousCorrelationId = context.correlationId;
      this.previousClock = context.clock;
      this.previousIdGenerator = context.idGenerator;
      context.innermostScope = this; // last: the scope is complete before it is published
      if (correlationId != null) {
        context.correlationId = correlationId;
      }
      if (clock != null) {
        context.clock = clock;
      }
      if (idGenerator != null) {
        context.idGenerator = idGenerator;
      }
    }

    /**
     * Ends the scope and restores what it replaced.
     *
     * @throws IllegalStateException if called on another thread than the one that opened the
     *     scope, or while a scope opened later on this thread is still open
     */
    void close() {
      if (closed) {
        return;
      }
      Checks.requireState(
          Thread.currentThread() == owner,
          describe() + " was opened on thread '" + owner.getName()
              + "' and must be closed there, not on '" + Thread.currentThread().getName() + "'");
      AmbientContext context = current();
      Checks.requireState(
          context.innermostScope == this,
          describe() + " closed out of order: it is not the innermost open scope here; either a"
              + " scope opened inside it is still open (close scopes in reverse order, ideally"
              + " with try-with-resources), or it is being closed inside a handler or wrapped"
              + " task that did not open it");
      closed = true;
      context.innermostScope = outer;
      context.correlationId = previousCorrelationId;
      context.clock = previousClock;
      context.idGenerator = previousIdGenerator;
    }

    /** Names the scope in error messages. */
    private String describe() {
      return correlationId != null ? "correlation scope " + correlationId : "EventDefaults scope";
    }
  }
}
