package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;

/**
 * One entry of the dispatch chain as an immutable linked frame, the shape a scoped value needs
 * (a binding cannot be changed, only shadowed): the event, its header, the frame it is nested
 * in and its depth, so that the depth guard costs no walk and the chain can be listed.
 */
final class Frame {
  /** Stands for "no dispatch in progress" ({@code ScopedValue.orElse} refuses null). */
  static final Frame ROOT = new Frame();

  final DomainEvent event;
  final EventHeader header;
  final Frame parent;
  final int depth;

  Frame(DomainEvent event, EventHeader header, Frame parent) {
    this.event = event;
    this.header = header;
    this.parent = parent;
    this.depth = parent.depth + 1;
  }

  /** Only ROOT has no event; it is never read as a cause. */
  private Frame() {
    this.event = null;
    this.header = null;
    this.parent = this;
    this.depth = 0;
  }
}
