package io.github.domainevents.outside;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Records what handlers saw, in order, as {@code name:label} entries; safe for concurrent use.
 * Each test package's fixtures label their own events.
 */
public class Journal {
  private final Function<DomainEvent, String> label;
  private final List<String> entries = Collections.synchronizedList(new ArrayList<>());

  /**
   * @param label the short label of an event, for the entries
   */
  protected Journal(Function<DomainEvent, String> label) {
    this.label = label;
  }

  /**
   * Returns a handler that records {@code name:label} for each event it gets.
   *
   * @param <E> the event type
   * @param name the handler's name in the entries
   * @return the handler
   */
  public <E extends DomainEvent> DomainEventHandler<E> handler(String name) {
    return event -> entries.add(name + ":" + label.apply(event));
  }

  /**
   * Records one entry.
   *
   * @param entry the entry
   */
  public void add(String entry) {
    entries.add(entry);
  }

  /**
   * Returns the entries so far, in order.
   *
   * @return a copy
   */
  public List<String> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /** Forgets the entries so far. */
  public void clear() {
    entries.clear();
  }
}
