package io.github.domainevents;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The handlers of one route split by {@link TransactionPhase}, computed once per route and
 * snapshot, so that a dispatch never sorts or filters handlers. Immutable.
 */
final class PhasePlan {
  private static final HandlerEntry[] NO_HANDLERS = new HandlerEntry[0];

  private static final TransactionPhase[] PHASES = TransactionPhase.values();

  /** The immediate handlers, in route order: what runs at once inside a unit of work. */
  final HandlerEntry[] immediate;

  /**
   * What runs at once outside a unit of work when the policy says to run now: the immediate,
   * before-commit, after-commit and after-completion handlers, in that order.
   */
  final HandlerEntry[] withoutUnit;

  /** The phase-bound handlers, by phase then in route order, for messages. */
  final List<HandlerInfo> bound;

  private final Map<TransactionPhase, HandlerEntry[]> byPhase;

  private PhasePlan(Map<TransactionPhase, HandlerEntry[]> byPhase, List<HandlerInfo> bound) {
    this.byPhase = byPhase;
    this.bound = bound;
    this.immediate = in(TransactionPhase.IMMEDIATE);
    List<HandlerEntry> now = new ArrayList<>();
    for (TransactionPhase phase : PHASES) {
      if (phase != TransactionPhase.AFTER_ROLLBACK) {
        now.addAll(List.of(in(phase)));
      }
    }
    this.withoutUnit = now.toArray(NO_HANDLERS);
  }

  /** Returns the plan for {@code handlers} (in route order), or null if none is phase-bound. */
  static @Nullable PhasePlan of(HandlerEntry[] handlers) {
    boolean anyBound = false;
    for (HandlerEntry handler : handlers) {
      anyBound |= handler.info.phase() != TransactionPhase.IMMEDIATE;
    }
    if (!anyBound) {
      return null;
    }
    Map<TransactionPhase, HandlerEntry[]> byPhase = new EnumMap<>(TransactionPhase.class);
    List<HandlerInfo> bound = new ArrayList<>();
    for (TransactionPhase phase : PHASES) {
      List<HandlerEntry> inPhase = new ArrayList<>();
      for (HandlerEntry handler : handlers) {
        if (handler.info.phase() == phase) {
          inPhase.add(handler);
          if (phase != TransactionPhase.IMMEDIATE) {
            bound.add(handler.info);
          }
        }
      }
      byPhase.put(phase, inPhase.toArray(NO_HANDLERS));
    }
    return new PhasePlan(byPhase, List.copyOf(bound));
  }

  /** The handlers bound to {@code phase}, in route order; empty if none. */
  HandlerEntry[] in(TransactionPhase phase) {
    HandlerEntry[] handlers = byPhase.get(phase);
    return handlers != null ? handlers : NO_HANDLERS;
  }
}
