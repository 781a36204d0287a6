package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.HandleEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import io.github.domainevents.aggregate.EventRecorder;
import io.github.domainevents.outside.CausalFixtures.OrderPlaced;
import io.github.domainevents.outside.CausalFixtures.PaymentTaken;
import io.github.domainevents.trace.EventTrace;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every lock the library takes is released: after one thread registers, closes, clears,
 * dispatches asynchronously, records and queries, a second thread can do all of it again.
 *
 * <p>A lock that one path failed to release would block the second thread for ever (a
 * {@code ReentrantLock} lets its owner in again, so only another thread can see it). Fast (a
 * few milliseconds) so that mutation testing runs it; each step on the second thread waits at
 * most 10 seconds.
 */
class LockReleaseTest {
  private final ExecutorService first = Executors.newSingleThreadExecutor();
  private final ExecutorService second = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopThreads() {
    first.shutdownNow();
    second.shutdownNow();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void handlerRegistryLocksAreReleased() throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<String> seen = new CopyOnWriteArrayList<>();

    on(first, () -> {
      Registration kept = dispatcher.register(OrderPlaced.class, event -> seen.add("kept"));
      Registration closed = dispatcher.register(OrderPlaced.class, event -> seen.add("closed"));
      closed.close(); // remove
      dispatcher.dispatch(new OrderPlaced());
      dispatcher.clear(); // clear
      kept.close(); // remove of an entry already cleared
      return null;
    });
    on(second, () -> {
      Registration again = dispatcher.register(OrderPlaced.class, event -> seen.add("again"));
      dispatcher.dispatch(new OrderPlaced());
      again.close();
      dispatcher.clear();
      return null;
    });

    assertThat(seen).containsExactly("kept", "again");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void registeringAndClosingAListenerReleaseTheRegistryLock() throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<String> seen = new CopyOnWriteArrayList<>();

    Registration listener = on(first, () -> dispatcher.registerAll(new Listener(seen))); // addAll
    on(second, () -> {
      dispatcher.register(OrderPlaced.class, event -> seen.add("plain"));
      dispatcher.dispatch(new OrderPlaced());
      listener.close(); // removes the group
      return null;
    });
    on(first, () -> {
      dispatcher.register(OrderPlaced.class, event -> seen.add("again"));
      dispatcher.dispatch(new OrderPlaced());
      return null;
    });

    assertThat(seen).containsExactly("listener", "plain", "plain", "again");
  }

  /** A listener with one annotated handler method, registered through {@code registerAll}. */
  public static final class Listener {
    private final List<String> seen;

    Listener(List<String> seen) {
      this.seen = seen;
    }

    @HandleEvent
    public void on(OrderPlaced event) {
      seen.add("listener");
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void eventTraceLocksAreReleased() throws Exception {
    EventTrace trace = EventTrace.create();
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(trace).build();
    dispatcher.register(OrderPlaced.class, event -> { });
    dispatcher.register(PaymentTaken.class, event -> {
      throw new IllegalStateException("declined");
    });

    on(first, () -> {
      dispatcher.dispatch(new OrderPlaced()); // intercept + finish
      trace.record(new OrderPlaced()); // record
      assertThat(trace.roots()).hasSize(2); // query
      trace.clear(); // clear
      return null;
    });
    on(second, () -> {
      try {
        dispatcher.dispatch(new PaymentTaken()); // finish with a failure
      } catch (IllegalStateException expected) {
        // the handler's failure, as thrown
      }
      trace.record(new OrderPlaced());
      trace.clear();
      dispatcher.dispatch(new OrderPlaced());
      return null;
    });

    assertThat(trace.size()).isEqualTo(1);
    assertThat(trace.events().get(0).handlerRuns()).hasSize(1);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void asyncCreationLockIsReleased() throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    AtomicInteger handled = new AtomicInteger();
    dispatcher.register(OrderPlaced.class, event -> handled.incrementAndGet());

    on(first, () -> dispatcher.dispatchAsync(new OrderPlaced()).get(10, TimeUnit.SECONDS));
    on(second, () -> dispatcher.dispatchAsync(new OrderPlaced()).get(10, TimeUnit.SECONDS));
    List<?> unfinished = on(second, () -> dispatcher.close(Duration.ofSeconds(10)));
    List<?> again = on(first, () -> dispatcher.close(Duration.ofSeconds(10)));

    assertThat(unfinished).isEmpty();
    assertThat(again).isEmpty();
    assertThat(handled).hasValue(2);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void eventRecorderLockIsReleased() throws Exception {
    EventRecorder recorder = new EventRecorder();

    on(first, () -> {
      recorder.record(new OrderPlaced());
      assertThat(recorder.peek()).hasSize(1);
      assertThat(recorder.hasEvents()).isTrue();
      assertThat(recorder.toString()).startsWith("EventRecorder[");
      return recorder.pull();
    });
    on(second, () -> {
      assertThat(recorder.pull()).isEmpty();
      return recorder.record(new OrderPlaced());
    });

    assertThat(recorder.pull()).hasSize(1);
  }

  private static <T> T on(ExecutorService thread, Callable<T> work) throws Exception {
    return thread.submit(work).get(10, TimeUnit.SECONDS);
  }
}
