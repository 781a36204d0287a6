package io.github.domainevents.trace;

import io.github.domainevents.DeadEventHandler;
import io.github.domainevents.DispatchInterceptor;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Records the tree of events and handler runs that dispatches produce: which event caused
 * which, which handler raised it, how each handler ended and how long it took.
 *
 * <pre>{@code
 * EventTrace trace = EventTrace.create();
 * InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
 *     .interceptor(trace)
 *     .deadEventHandler(trace.recordingDeadEvents(event -> {}))
 *     .build();
 * ...
 * System.out.println(trace.renderText());
 * }</pre>
 *
 * <pre>
 * invite.created …5c0c1f9e  (correlation 01a219cc-93f7-7000-ada7-0b0a5c0c1f9e)
 * ├─ SendWelcomeMail ✓ 412 µs
 * │  └─ email.sent …e1d2f0aa
 * │     └─ AuditLog ✓ 35 µs
 * └─ WarmCache ✗ 51 µs IllegalStateException: cache down
 * </pre>
 *
 * <p>A handler bound to a {@link TransactionPhase} shows its phase, as in {@code SendWelcomeMail
 * [after commit] ✓ 412 µs}; its run is recorded when the phase comes, under the event it
 * handles.
 *
 * <p>As a {@link DispatchInterceptor} it sees every handler invocation: an event is recorded when
 * its first handler starts. Events with no handler are recorded only through {@link
 * #recordingDeadEvents}, and any event through {@link #record}. An event raised while a handler
 * runs on the same thread is placed under that handler run; an event caused by a recorded event
 * but raised elsewhere (asynchronously, later) is placed directly under its cause.
 *
 * <p><b>Memory is bounded.</b> The trace keeps at most {@code capacity} events (10,000 by
 * default). When a new event would exceed it, the oldest recorded event is evicted, with its
 * handler runs; events it caused stay and become roots. So a trace can be left on in a
 * long-running service, showing the most recent activity.
 *
 * <p>Safe for concurrent use: recording takes a short lock per handler run, which is fine for
 * diagnostics, tests and demos; leave it out of paths that dispatch millions of events a second.
 * Queries return immutable snapshots.
 *
 * @since 0.1.0
 */
public final class EventTrace implements DispatchInterceptor {
  private static final int DEFAULT_CAPACITY = 10_000;

  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<UUID, Node> nodes = new LinkedHashMap<>();
  private final Map<UUID, List<Node>> childrenByCause = new HashMap<>();
  private final ThreadLocal<Deque<Run>> running = ThreadLocal.withInitial(ArrayDeque::new);

  private EventTrace(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Returns an empty trace that keeps the 10,000 most recent events.
   *
   * @return a new trace
   */
  public static EventTrace create() {
    return new EventTrace(DEFAULT_CAPACITY);
  }

  /**
   * Returns an empty trace that keeps the {@code capacity} most recent events.
   *
   * @param capacity the most events kept, at least 1
   * @return a new trace
   * @throws IllegalArgumentException if {@code capacity} is less than 1
   */
  public static EventTrace withCapacity(int capacity) {
    Checks.requireArgument(capacity >= 1, "capacity must be at least 1, was " + capacity);
    return new EventTrace(capacity);
  }

  /**
   * Records the handler run around {@code next}; the handler's outcome is passed on unchanged.
   *
   * @throws Exception what the handler threw
   */
  @Override
  public void intercept(DomainEvent event, HandlerInfo handler, Next next) throws Exception {
    Deque<Run> stack = running.get();
    Run run = new Run(handler.description(), handler.phase());
    lock.lock();
    try {
      Node node = recordLocked(event, stack.peek());
      node.runs.add(run);
      run.owner = node;
    } finally {
      lock.unlock();
    }
    stack.push(run);
    try {
      next.proceed(event);
      finish(run, null);
    } catch (Throwable failure) {
      finish(run, failure);
      throw failure;
    } finally {
      stack.pop();
    }
  }

  /**
   * Records {@code event} (if not yet recorded), for example a root event that has no handler.
   *
   * @param event the event
   * @throws NullPointerException if {@code event} is null
   */
  public void record(DomainEvent event) {
    Checks.requireNonNull(event, "event");
    Deque<Run> stack = running.get();
    lock.lock();
    try {
      recordLocked(event, stack.peek());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns a dead-event handler that records the event, then passes it to {@code next}.
   *
   * @param next the dead-event handler to delegate to
   * @return the recording handler
   * @throws NullPointerException if {@code next} is null
   */
  public DeadEventHandler recordingDeadEvents(DeadEventHandler next) {
    Checks.requireNonNull(next, "next");
    return event -> {
      record(event);
      next.handle(event);
    };
  }

  /**
   * Returns every recorded event, oldest first.
   *
   * @return a snapshot
   */
  public List<TracedEvent> events() {
    return query(() -> snapshots(nodes.values()));
  }

  /**
   * Returns the recorded event with {@code eventId}.
   *
   * @param eventId the id
   * @return the event, or empty if it was not recorded or was evicted
   */
  public Optional<TracedEvent> find(UUID eventId) {
    return query(() -> Optional.ofNullable(nodes.get(eventId)).map(Node::snapshot));
  }

  /**
   * Returns the recorded events whose cause is not recorded (or that have none), oldest first.
   * Should causation data be corrupt (an event that is its own cause, or events that cause each
   * other, which only explicit headers can make), the oldest event of each such cycle is a root
   * too, after the others, so that no recorded event is hidden.
   *
   * @return a snapshot
   */
  public List<TracedEvent> roots() {
    return query(() -> snapshots(rootNodes()));
  }

  /**
   * Returns the recorded events directly caused by {@code eventId}, oldest first.
   *
   * @param eventId the cause's id
   * @return a snapshot; empty if none
   */
  public List<TracedEvent> children(UUID eventId) {
    return query(() -> snapshots(childrenByCause.getOrDefault(eventId, List.of())));
  }

  /**
   * Returns the causal chain from the oldest recorded ancestor of {@code eventId} down to it.
   *
   * @param eventId the last event of the chain
   * @return a snapshot, root first; empty if {@code eventId} is not recorded
   */
  public List<TracedEvent> chain(UUID eventId) {
    return query(() -> {
      List<TracedEvent> chain = new ArrayList<>();
      Set<UUID> visited = new HashSet<>();
      Node node = nodes.get(eventId);
      while (node != null && visited.add(node.eventId)) { // stops where corrupt causes loop
        chain.add(node.snapshot());
        node = node.causationId == null ? null : nodes.get(node.causationId);
      }
      Collections.reverse(chain);
      return List.copyOf(chain);
    });
  }

  /**
   * Returns the recorded events of one correlation, oldest first. A root without a correlation
   * id counts as correlated with its own id.
   *
   * @param correlationId the correlation id
   * @return a snapshot; empty if none
   */
  public List<TracedEvent> correlated(UUID correlationId) {
    return query(() -> {
      List<Node> matching = new ArrayList<>();
      for (Node node : nodes.values()) {
        if (node.correlationId.equals(correlationId)) {
          matching.add(node);
        }
      }
      return snapshots(matching);
    });
  }

  /**
   * Returns how many events are recorded.
   *
   * @return the count, at most the capacity
   */
  public int size() {
    return query(nodes::size);
  }

  /** Forgets everything recorded. Handler runs in progress still complete normally. */
  public void clear() {
    lock.lock();
    try {
      nodes.clear();
      childrenByCause.clear();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Renders every recorded tree as indented text, one root after another; see the class
   * description for the shape. Ids are shortened to their last 8 hex digits; the correlation id
   * of each root is shown in full so it can be searched for in logs. A failure message of several
   * lines is joined into one, so every run keeps to its own line.
   *
   * @return the text, ending with a line break; empty if nothing is recorded
   */
  public String renderText() {
    return query(() -> {
      List<Node> roots = rootNodes();
      return TraceRendering.text(roots, childrenOnce(roots));
    });
  }

  /**
   * Renders the tree that {@code rootId} starts as indented text.
   *
   * @param rootId the id of the event to start from
   * @return the text; empty if {@code rootId} is not recorded
   */
  public String renderText(UUID rootId) {
    return query(() -> {
      Node root = nodes.get(rootId);
      return root == null ? "" : TraceRendering.text(List.of(root), childrenOnce(List.of(root)));
    });
  }

  /**
   * Renders every recorded tree as a Mermaid {@code flowchart}, which GitHub, GitLab and most
   * wikis draw. Failed handler runs are styled red.
   *
   * @return the Mermaid source, without the surrounding code fence
   */
  public String renderMermaid() {
    return query(() -> {
      List<Node> roots = rootNodes();
      return TraceRendering.mermaid(roots, childrenOnce(roots));
    });
  }

  @Override
  public String toString() {
    return "EventTrace[" + size() + " of " + capacity + " events]";
  }

  // --- recording, under the lock ---

  private Node recordLocked(DomainEvent event, @Nullable Run raisingRun) {
    UUID id = event.eventId();
    Node existing = nodes.get(id);
    if (existing != null) {
      return existing;
    }
    Node node = new Node(event);
    if (raisingRun != null && raisingRun.owner != null
        && raisingRun.owner.eventId.equals(node.causationId)) {
      raisingRun.raised.add(id);
      node.raisedBy = raisingRun;
    }
    nodes.put(id, node);
    if (node.causationId != null) {
      childrenByCause.computeIfAbsent(node.causationId, cause -> new ArrayList<>()).add(node);
    }
    evictBeyondCapacity();
    return node;
  }

  private void evictBeyondCapacity() {
    Iterator<Node> oldestFirst = nodes.values().iterator();
    while (nodes.size() > capacity && oldestFirst.hasNext()) {
      Node evicted = oldestFirst.next();
      oldestFirst.remove();
      childrenByCause.remove(evicted.eventId);
      if (evicted.causationId != null) {
        List<Node> siblings = childrenByCause.get(evicted.causationId);
        if (siblings != null) {
          siblings.remove(evicted);
          if (siblings.isEmpty()) {
            childrenByCause.remove(evicted.causationId);
          }
        }
      }
    }
  }

  private void finish(Run run, @Nullable Throwable failure) {
    long nanos = System.nanoTime() - run.startNanos;
    lock.lock();
    try {
      run.nanos = nanos;
      run.failure = failure == null ? null : TraceRendering.summary(failure);
      run.finished = true;
    } finally {
      lock.unlock();
    }
  }

  private List<Node> rootNodes() {
    List<Node> roots = new ArrayList<>();
    for (Node node : nodes.values()) {
      if (node.causationId == null || !nodes.containsKey(node.causationId)) {
        roots.add(node);
      }
    }
    Set<Node> reached = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node root : roots) {
      reach(root, reached);
    }
    if (reached.size() < nodes.size()) {
      // Only corrupt causation data gets here: events in a causal cycle descend from no root.
      for (Node node : nodes.values()) {
        if (!reached.contains(node)) {
          roots.add(node);
          reach(node, reached);
        }
      }
    }
    return roots;
  }

  /** Adds {@code start} and everything below it to {@code reached}, without recursion. */
  private void reach(Node start, Set<Node> reached) {
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(start);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (reached.add(node)) {
        childrenOf(node).forEach(pending::push);
      }
    }
  }

  private List<Node> childrenOf(Node node) {
    return childrenByCause.getOrDefault(node.eventId, List.of());
  }

  /**
   * The children function for one rendering: it hands out every node once, under the first
   * parent rendered (the roots count as handed out), so that a causal cycle in corrupt data
   * cannot make rendering loop. Repeated calls for one node return the same list.
   */
  private Function<Node, List<Node>> childrenOnce(List<Node> roots) {
    Set<Node> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());
    handedOut.addAll(roots);
    IdentityHashMap<Node, List<Node>> byParent = new IdentityHashMap<>();
    return parent -> byParent.computeIfAbsent(parent, first -> {
      List<Node> fresh = new ArrayList<>();
      for (Node child : childrenOf(first)) {
        if (handedOut.add(child)) {
          fresh.add(child);
        }
      }
      return fresh;
    });
  }

  private static List<TracedEvent> snapshots(Iterable<Node> source) {
    List<TracedEvent> copies = new ArrayList<>();
    for (Node node : source) {
      copies.add(node.snapshot());
    }
    return List.copyOf(copies);
  }

  private <T> T query(Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  /** A recorded event; mutable, guarded by the trace's lock. */
  static final class Node {
    final UUID eventId;
    final String eventType;
    final UUID correlationId;
    final @Nullable UUID causationId;
    final Instant occurredAt;
    final List<Run> runs = new ArrayList<>();
    @Nullable Run raisedBy;

    Node(DomainEvent event) {
      this.eventId = event.eventId();
      this.eventType = event.eventType();
      this.correlationId = event.correlationId().orElse(eventId);
      this.causationId = event.causationId().orElse(null);
      this.occurredAt = event.occurredAt();
    }

    TracedEvent snapshot() {
      List<HandlerRun> copies = new ArrayList<>(runs.size());
      for (Run run : runs) {
        copies.add(run.snapshot());
      }
      return new TracedEvent(eventId, eventType, correlationId, causationId, occurredAt, copies);
    }
  }

  /** A recorded handler run; mutable, guarded by the trace's lock. */
  static final class Run {
    final String handler;
    final TransactionPhase phase;
    final Instant startedAt = EventDefaults.clock().instant(); // the library's clock, as events
    final long startNanos = System.nanoTime();
    final List<UUID> raised = new ArrayList<>();
    @Nullable Node owner;
    long nanos;
    boolean finished;
    @Nullable String failure;

    Run(String handler, TransactionPhase phase) {
      this.handler = handler;
      this.phase = phase;
    }

    HandlerRun snapshot() {
      return new HandlerRun(
          handler, phase, startedAt, Duration.ofNanos(nanos), !finished, failure, raised);
    }
  }
}
