package io.github.domainevents.outbox.outside;

import io.github.domainevents.outbox.OutboxMessage;
import io.github.domainevents.outbox.OutboxSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An in-memory sink that records what it accepted, notices two publishes of one event at the same
 * time, and fails on demand.
 */
final class RecordingSink implements OutboxSink {
  private final List<OutboxMessage> accepted = new ArrayList<>();
  private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicInteger overlaps = new AtomicInteger();
  private volatile Predicate<OutboxMessage> poison = message -> false;
  private volatile int crashAfter = -1;

  @Override
  public void publish(OutboxMessage message) throws Exception {
    if (!inFlight.add(message.eventId())) {
      overlaps.incrementAndGet();
    }
    try {
      calls.computeIfAbsent(message.eventId(), id -> new AtomicInteger()).incrementAndGet();
      synchronized (this) {
        if (crashAfter == 0) {
          crashAfter = -1; // once: the restarted relay runs normally
          throw new RelayCrash();
        }
        if (crashAfter > 0) {
          crashAfter--;
        }
      }
      if (poison.test(message)) {
        throw new IllegalStateException("cannot publish " + message.eventType());
      }
      synchronized (accepted) {
        accepted.add(message);
      }
    } finally {
      inFlight.remove(message.eventId());
    }
  }

  /** Fails every message {@code poison} accepts. */
  RecordingSink failing(Predicate<OutboxMessage> poison) {
    this.poison = poison;
    return this;
  }

  /** Accepts {@code count} messages, then throws {@link RelayCrash} once (the relay "dies"). */
  RecordingSink crashingAfter(int count) {
    this.crashAfter = count;
    return this;
  }

  List<OutboxMessage> accepted() {
    synchronized (accepted) {
      return List.copyOf(accepted);
    }
  }

  int calls(UUID eventId) {
    AtomicInteger count = calls.get(eventId);
    return count == null ? 0 : count.get();
  }

  int overlaps() {
    return overlaps.get();
  }

  /** Stands for the relay's process dying mid-batch: an Error the relay does not catch. */
  static final class RelayCrash extends Error {
    private static final long serialVersionUID = 1L;

    RelayCrash() {
      super("the relay process died", null, false, false);
    }
  }
}
