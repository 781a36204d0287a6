package io.github.domainevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The registry's buckets, slots, compaction, groups and cached routes against a trivial model
 * (a list of open entries, filtered by type and sorted by priority then registration): random
 * programs of adds, closes, group adds and closes, clears and look-ups, long enough to grow,
 * compact and empty buckets many times, over a hierarchy with classes and interfaces. After
 * every look-up and at the end, each event class's handlers equal the model's, in order.
 */
class HandlerRegistryModelPropertyTest {
  interface Base extends DomainEvent {}

  interface Middle extends Base {}

  record Leaf(EventHeader header) implements Middle {}

  record Other(EventHeader header) implements Base {}

  record Unrelated(EventHeader header) implements DomainEvent {}

  private static final List<Class<? extends DomainEvent>> HANDLER_TYPES =
      List.of(DomainEvent.class, Base.class, Middle.class, Leaf.class, Other.class);

  private static final List<Class<? extends DomainEvent>> EVENT_CLASSES =
      List.of(Leaf.class, Other.class, Unrelated.class, Middle.class);

  /** One entry as the model sees it. */
  private record Modelled(HandlerEntry entry, Class<?> type, int priority, long order) {}

  /** The registry and the model. */
  private static final class World {
    final HandlerRegistry registry = new HandlerRegistry();
    final List<Modelled> open = new ArrayList<>(); // in registration order
    final List<List<Modelled>> groups = new ArrayList<>();
    final List<Registration> groupRegistrations = new ArrayList<>();
    long added;

    /** Makes entries of {@code type}, and remembers each in {@code made}. */
    HandlerRegistry.EntryFactory factory(
        Class<? extends DomainEvent> type, int priority, List<HandlerEntry> made) {
      HandlerInfo info = new HandlerInfo("#" + added, type, priority);
      return (onClose, sequence) -> {
        HandlerEntry entry = new HandlerEntry(onClose, info, sequence, event -> {}, List.of());
        made.add(entry);
        return entry;
      };
    }

    void add(Class<? extends DomainEvent> type, int priority) {
      List<HandlerEntry> made = new ArrayList<>();
      HandlerEntry entry = registry.add(factory(type, priority, made));
      assertThat(made).containsExactly(entry);
      open.add(new Modelled(entry, type, priority, added++));
    }

    void addGroup(int code) {
      List<HandlerRegistry.EntryFactory> factories = new ArrayList<>();
      List<Class<? extends DomainEvent>> types = new ArrayList<>();
      List<Integer> priorities = new ArrayList<>();
      List<HandlerEntry> made = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Class<? extends DomainEvent> type = HANDLER_TYPES.get((code + i) % HANDLER_TYPES.size());
        int priority = (code + i) % 3 - 1;
        types.add(type);
        priorities.add(priority);
        factories.add(factory(type, priority, made));
      }
      Registration registration = registry.addAll(factories);
      assertThat(made).hasSize(3);
      List<Modelled> members = new ArrayList<>();
      for (int i = 0; i < made.size(); i++) {
        members.add(new Modelled(made.get(i), types.get(i), priorities.get(i), added++));
      }
      open.addAll(members);
      groups.add(members);
      groupRegistrations.add(registration);
    }

    void close(int code) {
      if (!open.isEmpty()) {
        Modelled closing = open.get(code % open.size());
        for (List<Modelled> group : groups) {
          if (group.contains(closing)) {
            int index = groups.indexOf(group);
            groupRegistrations.get(index).close();
            open.removeAll(group);
            group.clear(); // closed: closing again changes nothing
            return;
          }
        }
        closing.entry.registration().close();
        closing.entry.registration().close(); // idempotent
        open.remove(closing);
      }
    }

    void clear() {
      List<Modelled> wereOpen = List.copyOf(open);
      registry.clear();
      wereOpen.forEach(modelled -> modelled.entry.registration().close()); // changes nothing
      groupRegistrations.forEach(Registration::close); // nor does this
      open.clear();
      groups.forEach(List::clear);
    }

    void check() {
      for (Class<? extends DomainEvent> eventClass : EVENT_CLASSES) {
        List<HandlerEntry> expected = open.stream()
            .filter(modelled -> modelled.type.isAssignableFrom(eventClass))
            .sorted(Comparator.comparingInt((Modelled modelled) -> -modelled.priority)
                .thenComparingLong(Modelled::order))
            .map(Modelled::entry)
            .toList();
        assertThat(registry.handlersFor(eventClass))
            .as("handlers for %s", eventClass.getSimpleName())
            .containsExactlyElementsOf(expected);
      }
    }
  }

  @Property(tries = 300)
  void randomPrograms_routeExactlyWhatTheModelPredicts(
      @ForAll @Size(max = 600) List<@IntRange(min = 0, max = 999) Integer> program) {
    World world = new World();
    for (int code : program) {
      int kind = code % 20;
      if (kind < 9) {
        world.add(HANDLER_TYPES.get(code / 20 % HANDLER_TYPES.size()), code / 100 % 3 - 1);
      } else if (kind < 16) {
        world.close(code / 20);
      } else if (kind < 18) {
        world.check();
      } else if (kind == 18) {
        world.addGroup(code / 20);
      } else if (code == 999) {
        world.clear();
      }
    }
    world.check();
  }
}
