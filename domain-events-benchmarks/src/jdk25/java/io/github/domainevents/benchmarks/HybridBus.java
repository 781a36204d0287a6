package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import java.util.UUID;

/**
 * What core could actually ship on JDK 25 without changing its public API: the dispatch chain
 * in a {@link ScopedValue} of {@link Frame}s (as {@link ScopedFrameBus}), while the correlation,
 * clock and id-generator scopes stay in a per-thread object, because {@code
 * EventContext.openCorrelation()} and {@code EventDefaults.scope...} return scope objects closed
 * by try-with-resources, which a scoped value (bound only for the extent of a lambda) cannot
 * express. So every dispatch and every read does both look-ups, and the per-handler
 * left-open-scope check stays.
 */
final class HybridBus extends MiniBus {
  private static final ScopedValue<Frame> CHAIN = ScopedValue.newInstance();
  private static final ThreadLocal<Scopes> SCOPES = ThreadLocal.withInitial(Scopes::new);

  @Override
  void dispatchTo(DomainEvent event, LevelHandler[] route) {
    Frame parent = CHAIN.orElse(Frame.ROOT);
    if (parent.depth >= MAX_DEPTH) {
      throw tooDeep(event);
    }
    Scopes scopes = SCOPES.get();
    Scopes saved = scopes.anyInEffect() ? scopes.copy() : null;
    Frame frame = new Frame(event, event.header(), parent);
    try {
      ScopedValue.where(CHAIN, frame).run(() -> runLoop(event, route, scopes, saved));
    } finally {
      scopes.putBack(saved);
    }
  }

  private static void runLoop(
      DomainEvent event, LevelHandler[] route, Scopes scopes, Scopes saved) {
    for (LevelHandler handler : route) {
      scopes.beginHandler(saved);
      try {
        handler.handle(event);
      } catch (Throwable failure) {
        throw failed(failure);
      }
    }
  }

  @Override
  public void readCause(CauseSink sink) {
    EventHeader cause = CHAIN.get().header;
    UUID scoped = SCOPES.get().correlationId;
    sink.cause(
        cause.eventId(), scoped != null ? scoped : cause.correlationId().orElse(cause.eventId()));
  }

  @Override
  public Runnable wrap(Runnable task) {
    Frame frame = CHAIN.orElse(Frame.ROOT);
    Scopes current = SCOPES.get();
    Scopes captured = current.anyInEffect() ? current.copy() : Scopes.NONE;
    return () -> {
      Scopes scopes = SCOPES.get();
      Scopes saved = scopes.anyInEffect() ? scopes.copy() : Scopes.NONE;
      scopes.install(captured);
      try {
        ScopedValue.where(CHAIN, frame).run(task);
      } finally {
        scopes.putBack(saved);
      }
    };
  }

  /** The scope values of one thread; never opened in the benchmark, but always checked. */
  private static final class Scopes {
    /** Nothing in effect; never changed. */
    static final Scopes NONE = new Scopes();

    UUID correlationId;
    Object clock;
    Object idGenerator;
    Object innermostScope;

    boolean anyInEffect() {
      return innermostScope != null || correlationId != null || clock != null
          || idGenerator != null;
    }

    Scopes copy() {
      Scopes copy = new Scopes();
      copy.correlationId = correlationId;
      copy.clock = clock;
      copy.idGenerator = idGenerator;
      copy.innermostScope = innermostScope;
      return copy;
    }

    /** As {@code AmbientContext.beginHandler}: undo a scope the previous handler left open. */
    void beginHandler(Scopes saved) {
      if (saved == null) {
        if (innermostScope != null) {
          set(null, null, null, null);
        }
      } else {
        set(null, saved.clock, saved.idGenerator, null);
      }
    }

    /** Captured work runs with the capturer's values and no scope open. */
    void install(Scopes captured) {
      set(captured.correlationId, captured.clock, captured.idGenerator, null);
    }

    void putBack(Scopes saved) {
      if (saved == null) {
        if (innermostScope != null) {
          set(null, null, null, null);
        }
      } else {
        set(saved.correlationId, saved.clock, saved.idGenerator, saved.innermostScope);
      }
    }

    @SuppressWarnings("ReferenceEquality") // the same objects are put back
    private void set(UUID correlationId, Object clock, Object idGenerator, Object scope) {
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
  }
}
