package io.github.domainevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the registry's work grows, counted rather than timed: the slots it copies or scans
 * (growing and compacting buckets, building routes) and the routes it resolves and drops.
 * Issue 14 measured the copy-on-write registry at 3.3 s to register 50,000 handlers of one type
 * and 2.7 s to close them: every registration and every close copied all entries, n²/2 slots
 * in all (1.25 billion for 50,000). These tests allow a few slots per handler.
 */
class HandlerRegistryGrowthTest {
  /** Slots touched per handler that the bounds below allow. */
  private static final int SLOTS_PER_HANDLER = 3;

  interface Base extends DomainEvent {}

  interface Middle extends Base {}

  record Leaf(EventHeader header) implements Middle {}

  record Other(EventHeader header) implements Base {}

  record Unrelated(EventHeader header) implements DomainEvent {}

  private final HandlerRegistry registry = new HandlerRegistry();

  private HandlerEntry add(Class<? extends DomainEvent> type, int priority) {
    HandlerInfo info = new HandlerInfo("handler", type, priority);
    return registry.add(
        (onClose, sequence) -> new HandlerEntry(onClose, info, sequence, event -> {}, List.of()));
  }

  private List<HandlerEntry> addMany(int count, Class<? extends DomainEvent> type) {
    List<HandlerEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(add(type, 0));
    }
    return entries;
  }

  @ParameterizedTest
  @ValueSource(ints = {1_000, 10_000, 50_000})
  void registeringHandlersOfOneType_thenRouting_touchesLinearlyManySlots(int count) {
    addMany(count, Leaf.class);
    assertThat(registry.handlersFor(Leaf.class)).hasSize(count);

    HandlerRegistry.Work work = registry.work();
    // growing the bucket copies 4 + 8 + ... < count slots; the route scans count slots
    assertThat(work.slotsTouched).isLessThanOrEqualTo((long) SLOTS_PER_HANDLER * count);
    assertThat(work.routesResolved).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {1_000, 10_000, 50_000})
  void closingHandlersOfOneType_inRegistrationOrder_touchesLinearlyManySlots(int count) {
    List<HandlerEntry> entries = addMany(count, Leaf.class);
    long before = registry.work().slotsTouched;

    entries.forEach(entry -> entry.registration().close());

    // compactions at half, a quarter, an eighth... of the bucket: < 2 * count slots
    assertThat(registry.work().slotsTouched - before)
        .isLessThanOrEqualTo((long) SLOTS_PER_HANDLER * count);
    assertThat(registry.handlersFor(Leaf.class)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1_000, 10_000, 50_000})
  void closingHandlersOfOneType_newestFirst_touchesNoSlots(int count) {
    List<HandlerEntry> entries = addMany(count, Leaf.class);
    long before = registry.work().slotsTouched;

    for (int i = entries.size() - 1; i >= 0; i--) {
      entries.get(i).registration().close();
    }

    assertThat(registry.work().slotsTouched - before).isZero();
    assertThat(registry.handlersFor(Leaf.class)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1_000, 10_000, 50_000})
  void closingHandlersInRandomOrder_whileRegisteringMore_touchesLinearlyManySlots(int count) {
    List<HandlerEntry> open = addMany(count, Leaf.class);
    Collections.shuffle(open, new Random(count));
    long before = registry.work().slotsTouched;

    List<HandlerEntry> added = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      open.get(i).registration().close();
      if (i % 2 == 0) {
        added.add(add(Leaf.class, 0));
      }
    }

    assertThat(registry.work().slotsTouched - before)
        .isLessThanOrEqualTo((long) SLOTS_PER_HANDLER * count);
    assertThat(registry.handlersFor(Leaf.class)).containsExactlyElementsOf(added);
  }

  @Test
  void registeringForManyTypes_dropsEachCachedRouteOnce_andRoutingRebuildsEachOnce() {
    for (Class<?> eventClass : List.of(Leaf.class, Other.class, Unrelated.class)) {
      registry.routeFor(eventClass);
    }
    HandlerRegistry.Work before = registry.work();

    addMany(1_000, Leaf.class);
    addMany(1_000, Base.class); // Leaf and Other go through Base
    addMany(1_000, Middle.class);

    HandlerRegistry.Work after = registry.work();
    assertThat(after.routesDropped - before.routesDropped).isEqualTo(2); // Leaf, Other
    assertThat(registry.handlersFor(Leaf.class)).hasSize(3_000);
    assertThat(registry.handlersFor(Other.class)).hasSize(1_000);
    assertThat(registry.work().routesResolved - after.routesResolved).isEqualTo(2);
  }

  @Test
  void changesToOneType_leaveTheRoutesOfUnrelatedClassesCached() {
    add(Unrelated.class, 0);
    HandlerRegistry.Route unrelated = registry.routeFor(Unrelated.class);
    HandlerRegistry.Route other = registry.routeFor(Other.class);

    List<HandlerEntry> entries = addMany(1_000, Leaf.class);
    registry.routeFor(Leaf.class);
    entries.forEach(entry -> entry.registration().close());
    addMany(10, Middle.class);

    assertThat(registry.routeFor(Unrelated.class)).isSameAs(unrelated);
    assertThat(registry.routeFor(Other.class)).isSameAs(other);
  }

  @Test
  void aGroupOfEntries_isAddedAndRemovedUnderOneChange_perType() {
    registry.routeFor(Leaf.class);
    List<HandlerRegistry.EntryFactory> factories = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      HandlerInfo info = new HandlerInfo("method " + i, i % 2 == 0 ? Leaf.class : Middle.class, 0);
      factories.add(
          (onClose, sequence) -> new HandlerEntry(onClose, info, sequence, event -> {}, List.of()));
    }
    HandlerRegistry.Work before = registry.work();

    Registration group = registry.addAll(factories);
    assertThat(registry.handlersFor(Leaf.class)).hasSize(1_000);
    group.close();
    group.close();

    HandlerRegistry.Work after = registry.work();
    assertThat(registry.handlersFor(Leaf.class)).isEmpty();
    assertThat(after.routesDropped - before.routesDropped).isEqualTo(2); // once in, once out
    // growing two buckets (< 1,000), one route (1,000), compacting while closing (< 2,000)
    assertThat(after.slotsTouched - before.slotsTouched).isLessThanOrEqualTo(4L * 1_000);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void theCountersReadOnOneThread_leaveTheRegistryFreeForAnother() throws Exception {
    ExecutorService reader = Executors.newSingleThreadExecutor();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      add(Leaf.class, 0);
      HandlerRegistry.Work read = reader.submit(registry::work).get(10, TimeUnit.SECONDS);
      writer.submit(() -> add(Leaf.class, 0)).get(10, TimeUnit.SECONDS);

      assertThat(read.routesResolved).isZero();
      assertThat(registry.handlersFor(Leaf.class)).hasSize(2);
    } finally {
      reader.shutdownNow();
      writer.shutdownNow();
    }
  }
}
