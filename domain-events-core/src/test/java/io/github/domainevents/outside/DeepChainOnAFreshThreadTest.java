package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.InProcessEventDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A thread's context starts small and grows with the deepest chain it has seen. These tests run
 * on a thread of their own, so the context is fresh: a chain deeper than its first capacity, and
 * a captured chain installed on a thread whose chain is already full, keep every cause intact.
 */
@Timeout(10)
class DeepChainOnAFreshThreadTest {

  private static final int DEPTH = 20;

  /** Installing at a full chain is the case that needs room for the install and the chain. */
  private static final int WRAP_AT = 8;

  @EventType("test.step")
  record Step(EventHeader header, int level) implements DomainEvent {
    Step(int level) {
      this(EventHeader.create(), level);
    }
  }

  @EventType("test.step.noticed")
  record Noticed(EventHeader header, int level) implements DomainEvent {
    Noticed(int level) {
      this(EventHeader.create(), level);
    }
  }

  @Test
  void aDeepChainAndAnInstallAtFullCapacityKeepEveryCause() throws Exception {
    List<Step> steps = new ArrayList<>();
    List<Noticed> noticed = new ArrayList<>();
    List<Optional<DomainEvent>> causeAfterTask = new ArrayList<>();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().maxDepth(DEPTH + 5).build();
    dispatcher.register(Noticed.class, noticed::add);
    dispatcher.register(Step.class, step -> {
      steps.add(step);
      if (step.level() == WRAP_AT) {
        Runnable task = EventContext.wrap(() -> dispatcher.dispatch(new Noticed(step.level())));
        task.run(); // on this thread, on top of a chain of WRAP_AT dispatches
        causeAfterTask.add(EventContext.currentCause());
      }
      if (step.level() < DEPTH) {
        dispatcher.dispatch(new Step(step.level() + 1));
      }
    });

    ExecutorService fresh = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture.runAsync(() -> dispatcher.dispatch(new Step(1)), fresh)
          .get(5, TimeUnit.SECONDS);
      Optional<DomainEvent> causeAtTheEnd =
          CompletableFuture.supplyAsync(EventContext::currentCause, fresh).get(5, TimeUnit.SECONDS);
      assertThat(causeAtTheEnd).as("nothing left on the thread after the dispatch").isEmpty();
    } finally {
      fresh.shutdown();
      assertThat(fresh.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(steps).hasSize(DEPTH);
    Step root = steps.get(0);
    for (int i = 1; i < DEPTH; i++) {
      Step step = steps.get(i);
      assertThat(step.causationId()).as("step %d's cause", step.level())
          .contains(steps.get(i - 1).eventId());
      assertThat(step.correlationId()).contains(root.eventId());
    }
    Step wrapping = steps.get(WRAP_AT - 1);
    assertThat(noticed).singleElement().satisfies(event -> {
      assertThat(event.causationId()).as("the task carries the chain it captured")
          .contains(wrapping.eventId());
      assertThat(event.correlationId()).contains(root.eventId());
    });
    assertThat(causeAfterTask).as("back in the handler, its own event is the cause")
        .containsExactly(Optional.of(wrapping));
  }
}
