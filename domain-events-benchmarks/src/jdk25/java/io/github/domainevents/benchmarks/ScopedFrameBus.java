package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;

/**
 * The dispatch chain carried in a {@link ScopedValue} of immutable {@link Frame}s, one binding
 * per dispatch (a handler cannot leave a binding behind, so the next handler needs no reset):
 * the depth guard reads the enclosing frame; capture is reading the current frame (nothing to
 * copy); running captured work is binding it again. Correlation, clock and id-generator scopes
 * are left out: they cannot be scoped values without changing the public API (see {@link
 * HybridBus}, which keeps them in a thread-local).
 */
final class ScopedFrameBus extends MiniBus {
  private static final ScopedValue<Frame> CHAIN = ScopedValue.newInstance();

  @Override
  void dispatchTo(DomainEvent event, LevelHandler[] route) {
    Frame parent = CHAIN.orElse(Frame.ROOT);
    if (parent.depth >= MAX_DEPTH) {
      throw tooDeep(event);
    }
    Frame frame = new Frame(event, event.header(), parent);
    ScopedValue.where(CHAIN, frame).run(() -> runLoop(event, route));
  }

  @Override
  public void readCause(CauseSink sink) {
    EventHeader cause = CHAIN.get().header;
    sink.cause(cause.eventId(), cause.correlationId().orElse(cause.eventId()));
  }

  @Override
  public Runnable wrap(Runnable task) {
    Frame captured = CHAIN.orElse(Frame.ROOT);
    return () -> ScopedValue.where(CHAIN, captured).run(task);
  }
}
