package io.github.domainevents.test;

import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventIdGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The id generator a capture installs with {@link EventDefaults}: it hands out ids from the
 * generator it wraps, and marks the causal scope of the capture.
 *
 * <p>Core carries the scoped id generator wherever the causal context goes: nested dispatch on the
 * same thread, {@code dispatchAsync}, tasks of executors wrapped with {@code EventContext.wrap}.
 * So "the id generator of the current thread is this token" means "this code runs on behalf of
 * the capture's test", whichever thread it is, and tests running in parallel never share a
 * token.
 */
final class ScopeToken implements EventIdGenerator {
  private final CapturedEvents capture;
  private final @Nullable ScopeToken outer;
  private final EventIdGenerator ids;

  ScopeToken(CapturedEvents capture, @Nullable ScopeToken outer, EventIdGenerator ids) {
    this.capture = capture;
    this.outer = outer;
    this.ids = ids;
  }

  /** The token of the causal scope the current thread works for, or null outside any capture. */
  static @Nullable ScopeToken current() {
    return EventDefaults.idGenerator() instanceof ScopeToken token ? token : null;
  }

  /** The captures that record what happens in this scope: this one first, then enclosing ones. */
  List<CapturedEvents> captures() {
    List<CapturedEvents> captures = new ArrayList<>(2);
    for (ScopeToken token = this; token != null; token = token.outer) {
      captures.add(token.capture);
    }
    return captures;
  }

  @Override
  public UUID nextId() {
    return ids.nextId();
  }

  @Override
  public String toString() {
    return "ScopeToken[" + capture.name() + ", ids from " + ids + "]";
  }
}
