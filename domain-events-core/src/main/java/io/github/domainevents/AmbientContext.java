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
 * <p>The context knows nothing of events: it holds them as {@code Object}, and reads an event's
 * header through the {@link HeaderReader} the dispatcher gives it. So the thread context sits
 * below {@link DomainEvent} and {@link EventHeader} in the class graph instead of in a cycle with
 * them. The casts live in the two readers ({@link EventHeader} and {@link EventContext}) and the
 * dispatcher, which pushes the events.
 *
 * <p>Only code on the owning thread touches a context, so no field needs to be volatile.
 */
final class AmbientContext {
  /*
   * Implementation notes.
   *
   * One mutable context per thread, reached through a ThreadLocal. Mutating it (rather than
   * pushing immutable snapshots) is what keeps a synchronous dispatch free of allocation.
   *
   * The dispatch chain is one array, events[]; entries [base, top) are the chain visible on this
   * thread. Beginning a dispatch costs one reference store and ending it one null store: under
   * G1 each runs a write barrier, whose code is large enough that a second array (of headers)
   * made the dispatch loop too big for the JIT to inline into its callers (measured in the
   * JIT's compilation log: 2,688 bytes of machine code on JDK 17 and 3,200 on JDK 25, over
   * HotSpot's 2,500-byte limit for inlining an already compiled method; about 1,800 and 2,200
   * bytes with one array). The header of the cause is read from the event when an event is
   * created inside a handler, which is rarer than a dispatch.
   *
   * The four scope values (correlation, clock, id generator, innermost scope) are almost always
   * all null: nobody has opened a scope. Whenever a correlation, clock or id generator is in
   * effect, innermostScope is not null: it is the open scope, or BOUNDARY where the values were
   * inherited with no scope open (in a handler, in installed work). So one load tells a
   * dispatch that nothing is in effect; it then saves nothing and says so in the mark it
   * returns (the SAVED bit is clear), so beginHandler and endDispatch, which get the mark back
   * from a local variable, know without reading memory that "put back" means "set to null" - a
   * load and a compare, no stores unless a handler left a scope open. Only when a value is in
   * effect is it saved, in the pooled Saved object of that entry.
   * This is the one place where the context is saved and restored: an installed hand-off saves
   * the same way (always, with the base) in the entry below the captured chain.
   *
   * Installing captured work moves base above the entries of the dispatches in progress, so
   * they are left untouched and the work's own chain starts there.
   */
  private static final ThreadLocal<AmbientContext> CURRENT =
      ThreadLocal.withInitial(AmbientContext::new);

  /**
   * Reads the header of an event on the chain, for {@link #causeHeader}; given by the dispatcher,
   * the only code that pushes events, before it pushes the first.
   */
  private static volatile @Nullable HeaderReader headerReader;

  /** Reads an event's header; the thread context does not know the event type. */
  @FunctionalInterface
  interface HeaderReader {
    Object headerOf(Object event);
  }

  /** Set in a mark when the entry saved scope values that must be put back. */
  private static final int SAVED = 1 << 30;

  /** The entry index of a mark. */
  private static final int INDEX = SAVED - 1;

  /** The correlation id of an open correlation scope; it wins over the cause's correlation. */
  private @Nullable UUID correlationId;

  /** A scoped clock that replaces the global default on this thread. */
  private @Nullable Clock clock;

  /** A scoped id generator that replaces the global default on this thread. */
  private @Nullable EventIdGenerator idGenerator;

  /**
   * The innermost open scope on this thread, to detect scopes closed out of order; {@link
   * Scope#BOUNDARY} when values are in effect but no scope is open here; null when nothing is in
   * effect.
   */
  private @Nullable Scope innermostScope;

  /** The events of the chain, {@code [0..top)} in use; null in an install entry. */
  private @Nullable Object[] events = new Object[8];

  /** What each entry saved, when it saved anything; created on first use and reused. */
  private @Nullable Saved[] saved = new Saved[8];

  private int top;

  /** Where the visible dispatch chain starts: entries {@code [base..top)}. */
  private int base;

  private AmbientContext() {}

  /** Tells the context how to read an event's header; the dispatcher calls it once. */
  static void readHeadersWith(HeaderReader reader) {
    headerReader = reader;
  }

  /** The context of the calling thread. */
  static AmbientContext current() {
    return CURRENT.get();
  }

  // ---- reading ----

  /** The event being dispatched innermost on this thread (the cause), or null. */
  @Nullable Object cause() {
    int last = top - 1;
    return last < base ? null : events[last];
  }

  /** The header of {@link #cause()}, or null. */
  @Nullable Object causeHeader() {
    Object cause = cause();
    return cause == null
        ? null
        : Checks.requireNonNull(headerReader, "header reader").headerOf(cause);
  }

  /** How many dispatches are nested in the visible chain (0 outside any handler). */
  int depth() {
    return top - base;
  }

  /** The events of the visible dispatch chain, outermost first. */
  List<Object> chain() {
    List<Object> chain = new ArrayList<>(top - base);
    for (int i = base; i < top; i++) {
      chain.add(Checks.requireNonNull(events[i], "chain event"));
    }
    return chain;
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
   * Makes {@code event} the innermost event being dispatched and saves the context to put back
   * at {@link #endDispatch}.
   *
   * @return the mark to pass to {@link #beginHandler} and {@link #endDispatch}
   */
  int beginDispatch(Object event) {
    int index = top;
    if (index == events.length) {
      grow(index + 1);
    }
    boolean save = innermostScope != null; // see the notes: else nothing is in effect
    if (save) {
      save(index); // before the entry is pushed: if saving fails, nothing has changed
    }
    events[index] = event;
    top = index + 1;
    return save ? index | SAVED : index;
  }

  /**
   * Undoes whatever the previous handler left behind (an open scope, a scoped clock), so each
   * handler of the dispatch at {@code mark} starts from the same context. A handler starts with
   * no open scope, so it cannot close its caller's scopes, and with no correlation scope, so the
   * handled event's correlation applies.
   */
  void beginHandler(int mark) {
    if ((mark & SAVED) == 0) {
      clearLeftOpenScope();
    } else {
      Saved entry = savedAt(mark & INDEX);
      putBack(null, entry.clock, entry.idGenerator, null);
    }
  }

  /** Ends the dispatch at {@code mark}: the context is exactly what it was before it began. */
  void endDispatch(int mark) {
    int index = mark & INDEX;
    events[index] = null;
    top = index;
    if ((mark & SAVED) == 0) {
      clearLeftOpenScope();
    } else {
      restore(index);
    }
  }

  /**
   * Puts back "nothing in effect" after a handler of a dispatch that began with nothing in
   * effect: if no scope is open (innermostScope is null), nothing is in effect already.
   */
  private void clearLeftOpenScope() {
    if (innermostScope != null) {
      putBack(null, null, null, null);
    }
  }

  // ---- handing off to another thread ----

  /** Captures this thread's context for work that will run elsewhere. */
  Captured capture() {
    int length = top - base;
    Object[] capturedEvents = new Object[length];
    for (int i = 0; i < length; i++) {
      capturedEvents[i] = Checks.requireNonNull(events[base + i], "chain event");
    }
    return new Captured(correlationId, clock, idGenerator, capturedEvents);
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
    int index = top;
    int length = captured.events.length;
    if (index + 1 + length > events.length) {
      grow(index + 1 + length);
    }
    save(index); // the last step that can fail: after it, only stores into arrays that fit
    top = index + 1;
    base = top;
    for (int i = 0; i < length; i++) {
      events[top] = captured.events[i];
      top++;
    }
    putBack(captured.correlationId, captured.clock, captured.idGenerator, null);
    return index;
  }

  /** Puts back this thread's own context after the work installed at {@code mark}. */
  private void uninstall(int mark) {
    while (top > mark + 1) {
      int last = --top;
      events[last] = null;
    }
    top = mark;
    restore(mark);
  }

  /** Saves the scope values and the base in the pooled entry at {@code index}. */
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

  /** Puts back what the entry at {@code index} saved, and clears it for reuse. */
  private void restore(int index) {
    Saved entry = savedAt(index);
    putBack(entry.correlationId, entry.clock, entry.idGenerator, entry.scope);
    base = entry.base;
    entry.clear();
  }

  private Saved savedAt(int index) {
    return Checks.requireNonNull(saved[index], "saved context");
  }

  /**
   * Sets the four scope values, writing only those that change: under G1 every reference store
   * into this long-lived object runs a write barrier. With no scope to put back but values in
   * effect, the innermost scope becomes {@link Scope#BOUNDARY}, keeping the invariant the
   * dispatch relies on (values in effect, innermost scope not null).
   */
  @SuppressWarnings("ReferenceEquality") // the same objects are put back, so identity is right
  private void putBack(
      @Nullable UUID correlationId,
      @Nullable Clock clock,
      @Nullable EventIdGenerator idGenerator,
      @Nullable Scope scope) {
    Scope innermostScope =
        scope == null && (correlationId != null || clock != null || idGenerator != null)
            ? Scope.BOUNDARY
            : scope;
    if (this.correlationId != correlationId) {
      this.correlationId = correlationId;
    }
    if (this.clock != clock) {
      this.clock = clock;
    }
    if (this.idGenerator != idGenerator) {
      this.idGenerator = idGenerator;
    }
    if (this.innermostScope != innermostScope) {
      this.innermostScope = innermostScope;
    }
  }

  /** Makes room for at least {@code capacity} entries. */
  private void grow(int capacity) {
    int length = Math.max(capacity, events.length * 2);
    events = Arrays.copyOf(events, length);
    saved = Arrays.copyOf(saved, length);
  }

  /** The scope values and base one entry saved; cleared when put back, so it holds nothing. */
  private static final class Saved {
    @Nullable UUID correlationId;
    @Nullable Clock clock;
    @Nullable EventIdGenerator idGenerator;
    @Nullable Scope scope;
    int base;

    void clear() {
      correlationId = null;
      clock = null;
      idGenerator = null;
      scope = null;
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

    private Captured(
        @Nullable UUID correlationId,
        @Nullable Clock clock,
        @Nullable EventIdGenerator idGenerator,
        Object[] events) {
      this.correlationId = correlationId;
      this.clock = clock;
      this.idGenerator = idGenerator;
      this.events = events;
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

    /**
     * Stands in for an open scope where values are in effect but no scope is open on this
     * thread (see the notes at the top of {@link AmbientContext}). No code holds it, so it is
     * never closed; it counts as closed already.
     */
    static final Scope BOUNDARY = new Scope();

    private Scope() {
      this.correlationId = null;
      this.outer = null;
      this.previousCorrelationId = null;
      this.previousClock = null;
      this.previousIdGenerator = null;
      this.closed = true;
    }

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
