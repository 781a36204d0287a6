package io.github.domainevents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The per-thread context in which events are created and handled.
 *
 * <p>One mutable frame per thread, reached through a {@link ThreadLocal}. Mutating fields of
 * the frame (rather than pushing immutable snapshots) is what keeps a synchronous dispatch free
 * of allocation: the dispatcher saves the few fields it changes in locals and writes them back
 * in {@code finally}. Work handed to another thread carries an immutable {@link Snapshot}.
 *
 * <p>Only code on the owning thread touches a frame, so no field needs to be volatile.
 */
final class AmbientContext {
  private static final ThreadLocal<AmbientContext> CURRENT =
      ThreadLocal.withInitial(AmbientContext::new);

  /** The correlation id of an open correlation scope; it wins over the cause's correlation. */
  @Nullable UUID correlationId;

  /** A scoped clock that replaces the global default on this thread. */
  @Nullable Clock clock;

  /** A scoped id generator that replaces the global default on this thread. */
  @Nullable EventIdGenerator idGenerator;

  /** The innermost open scope on this thread, to detect scopes closed out of order. */
  @Nullable AmbientScope innermostScope;

  /** How many dispatches are nested on this thread (0 outside any handler). */
  int depth;

  /**
   * The events being dispatched, outermost first: {@code chain[0..depth)}. Grown on demand and
   * reused, so nesting allocates nothing once the thread has seen its deepest chain.
   */
  @Nullable DomainEvent[] chain = new DomainEvent[8];

  private AmbientContext() {}

  static AmbientContext current() {
    return CURRENT.get();
  }

  /**
   * The event whose handlers are running on this thread (the innermost one being dispatched),
   * or null outside any dispatch. It is not kept in a field of its own: the dispatch chain
   * already holds it, and every reference stored into this long-lived frame costs a GC write
   * barrier on the dispatch path.
   */
  @Nullable DomainEvent cause() {
    return depth == 0 ? null : chain[depth - 1];
  }

  /** The causation id an event created now receives, or null outside any handler. */
  @Nullable UUID causationIdForNewEvent() {
    DomainEvent event = cause();
    return event == null ? null : event.header().eventId();
  }

  /**
   * The correlation id an event created now receives: the open scope's, else the cause's
   * correlation id, else the cause's own id; null when there is neither scope nor cause.
   */
  @Nullable UUID correlationIdForNewEvent() {
    if (correlationId != null) {
      return correlationId;
    }
    DomainEvent event = cause();
    if (event == null) {
      return null;
    }
    EventHeader header = event.header();
    UUID causeCorrelation = header.correlationIdOrNull();
    return causeCorrelation != null ? causeCorrelation : header.eventId();
  }

  Clock clockOrDefault() {
    Clock scoped = clock;
    return scoped != null ? scoped : EventDefaults.globalClock();
  }

  EventIdGenerator idGeneratorOrDefault() {
    EventIdGenerator scoped = idGenerator;
    return scoped != null ? scoped : EventDefaults.globalIdGenerator();
  }

  /** Records {@code event} as the innermost event being dispatched. */
  void push(DomainEvent event) {
    if (depth == chain.length) {
      chain = Arrays.copyOf(chain, depth * 2);
    }
    chain[depth++] = event;
  }

  /** Removes the innermost event being dispatched. */
  void pop() {
    chain[--depth] = null;
  }

  /** The event types of the dispatch chain, outermost first. */
  List<String> chainTypes() {
    List<String> types = new ArrayList<>(depth);
    for (int i = 0; i < depth; i++) {
      DomainEvent event = chain[i];
      if (event != null) {
        types.add(event.eventType());
      }
    }
    return types;
  }

  /** Captures this frame's values for hand-off to another thread. */
  Snapshot snapshot() {
    return new Snapshot(
        correlationId, clock, idGenerator, innermostScope,
        Arrays.copyOf(chain, depth));
  }

  /**
   * Installs {@code snapshot}'s values to run work captured elsewhere (a wrapped task, an
   * asynchronous dispatch). No scope counts as open for that work: scopes can only be closed by
   * the code that opened them, so the work cannot close the capturer's scopes.
   */
  void install(Snapshot snapshot) {
    restore(snapshot);
    innermostScope = null;
  }

  /** Replaces this frame's values with {@code snapshot}'s, scopes included. */
  void restore(Snapshot snapshot) {
    correlationId = snapshot.correlationId;
    clock = snapshot.clock;
    idGenerator = snapshot.idGenerator;
    innermostScope = snapshot.innermostScope;
    Arrays.fill(chain, 0, depth, null);
    depth = 0;
    for (DomainEvent event : snapshot.chain) {
      push(Objects.requireNonNull(event));
    }
  }

  /** An immutable copy of a frame, carried by work handed to another thread. */
  static final class Snapshot {
    final @Nullable UUID correlationId;
    final @Nullable Clock clock;
    final @Nullable EventIdGenerator idGenerator;
    final @Nullable AmbientScope innermostScope;
    final @Nullable DomainEvent[] chain;

    Snapshot(
        @Nullable UUID correlationId,
        @Nullable Clock clock,
        @Nullable EventIdGenerator idGenerator,
        @Nullable AmbientScope innermostScope,
        @Nullable DomainEvent[] chain) {
      this.correlationId = correlationId;
      this.clock = clock;
      this.idGenerator = idGenerator;
      this.innermostScope = innermostScope;
      this.chain = chain;
    }
  }
}
