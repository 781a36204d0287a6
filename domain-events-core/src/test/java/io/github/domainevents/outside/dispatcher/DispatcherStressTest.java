package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteEvent;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Registering, closing and dispatching on many threads at once. Each test is bounded (a fixed
 * number of events or registrations, a few seconds on two cores) and stops after 60 seconds.
 */
class DispatcherStressTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  /** A handler that records every event id it sees, and how many calls it had. */
  private static final class Witness {
    final Set<UUID> ids = ConcurrentHashMap.newKeySet();
    final AtomicLong calls = new AtomicLong();

    void see(DomainEvent event) {
      calls.incrementAndGet();
      ids.add(event.eventId());
    }
  }

  /**
   * Proves that a dispatch sees a consistent snapshot while handlers come and go: 4 threads
   * dispatch 25,000 events each to 4 permanent handlers while another thread keeps registering
   * and closing other handlers for the same event types. Every permanent handler sees every
   * event id exactly once, and no thread throws.
   */
  @Test
  @Timeout(60)
  void fourDispatchingThreads_whileRegistrationsChurn_everyHandlerSeesEveryEventExactlyOnce()
      throws Exception {
    int dispatchers = 4;
    int eventsPerThread = 25_000;
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<Witness> witnesses = List.of(new Witness(), new Witness(), new Witness(), new Witness());
    dispatcher.register(InviteCreated.class, witnesses.get(0)::see);
    dispatcher.register(InviteEvent.class, witnesses.get(1)::see);
    dispatcher.register(DomainEvent.class, 5, witnesses.get(2)::see);
    dispatcher.register(InviteCreated.class, -5, witnesses.get(3)::see);
    Set<UUID> dispatched = ConcurrentHashMap.newKeySet();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong churned = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);

    Future<?> churn = threads.submit(() -> {
      start.await();
      List<Registration> open = new ArrayList<>();
      int i = 0;
      while (!done.get()) {
        Class<? extends DomainEvent> type = switch (i % 3) {
          case 0 -> InviteCreated.class;
          case 1 -> DomainEvent.class;
          default -> Ping.class;
        };
        open.add(dispatcher.register(type, i % 7 - 3, event -> {}));
        if (open.size() > 8) {
          open.remove(i % open.size()).close();
        }
        i++;
        churned.incrementAndGet();
      }
      open.forEach(Registration::close);
      return null;
    });
    List<Future<?>> senders = new ArrayList<>();
    for (int t = 0; t < dispatchers; t++) {
      senders.add(threads.submit((Callable<Void>) () -> {
        start.await();
        for (int i = 0; i < eventsPerThread; i++) {
          InviteCreated event = new InviteCreated(i);
          dispatched.add(event.eventId());
          dispatcher.dispatch(event);
        }
        return null;
      }));
    }

    start.countDown();
    for (Future<?> sender : senders) {
      sender.get(50, TimeUnit.SECONDS);
    }
    done.set(true);
    churn.get(10, TimeUnit.SECONDS);

    assertThat(dispatched).hasSize(dispatchers * eventsPerThread);
    assertThat(churned.get()).isPositive();
    for (Witness witness : witnesses) {
      assertThat(witness.calls).hasValue(dispatchers * eventsPerThread);
      assertThat(witness.ids).isEqualTo(dispatched);
    }
  }

  /**
   * Proves that concurrent registrations are never lost: 10 threads register 1,000 handlers each
   * at once; one dispatch then runs each of the 10,000 handlers exactly once.
   */
  @Test
  @Timeout(60)
  void tenThousandRegistrationsFromTenThreads_thenOneDispatch_runsEveryHandlerOnce()
      throws Exception {
    int registrars = 10;
    int perThread = 1_000;
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    AtomicIntegerArray calls = new AtomicIntegerArray(registrars * perThread);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < registrars; t++) {
      int base = t * perThread;
      futures.add(threads.submit((Callable<Void>) () -> {
        start.await();
        for (int i = 0; i < perThread; i++) {
          int slot = base + i;
          dispatcher.register(Ping.class, event -> calls.incrementAndGet(slot));
        }
        return null;
      }));
    }

    start.countDown();
    for (Future<?> future : futures) {
      future.get(50, TimeUnit.SECONDS);
    }
    dispatcher.dispatch(new Ping(1));

    assertThat(dispatcher.handlersFor(Ping.class)).hasSize(registrars * perThread);
    for (int slot = 0; slot < calls.length(); slot++) {
      assertThat(calls.get(slot)).as("handler %d", slot).isEqualTo(1);
    }
  }

  /**
   * Proves per-thread ordering: one thread dispatches e1..e1000 while another churns
   * registrations; each of 4 handlers observes exactly e1..e1000, in that order.
   */
  @Test
  @Timeout(60)
  void oneThreadDispatchingInOrder_everyHandlerObservesThatOrder() throws Exception {
    InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
    List<List<Integer>> observed = new ArrayList<>();
    for (int h = 0; h < 4; h++) {
      List<Integer> seen = new ArrayList<>(); // only the dispatching thread writes
      observed.add(seen);
      dispatcher.register(Ping.class, event -> seen.add(event.n()));
    }
    AtomicBoolean done = new AtomicBoolean();
    Future<?> churn = threads.submit(() -> {
      while (!done.get()) {
        dispatcher.register(Ping.class, event -> {}).close();
      }
    });

    Future<?> sender = threads.submit(() -> {
      for (int n = 1; n <= 1000; n++) {
        dispatcher.dispatch(new Ping(n));
      }
    });
    sender.get(50, TimeUnit.SECONDS);
    done.set(true);
    churn.get(10, TimeUnit.SECONDS);

    List<Integer> expected = new ArrayList<>();
    for (int n = 1; n <= 1000; n++) {
      expected.add(n);
    }
    for (List<Integer> seen : observed) {
      assertThat(seen).isEqualTo(expected);
    }
  }

  /**
   * Proves that closing is idempotent under contention: 8 threads close the same registration at
   * the same moment, 200 times over. No thread throws, and exactly that one registration goes:
   * a second registration of the same handler object stays.
   */
  @Test
  @Timeout(60)
  void eightThreadsClosingTheSameRegistration_removeItExactlyOnce() throws Exception {
    for (int round = 0; round < 200; round++) {
      InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
      AtomicLong calls = new AtomicLong();
      DomainEventHandler<Ping> handler = event -> calls.incrementAndGet();
      Registration contested = dispatcher.register(Ping.class, handler);
      dispatcher.register(Ping.class, handler);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> closers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        closers.add(threads.submit((Callable<Void>) () -> {
          start.await();
          contested.close();
          return null;
        }));
      }

      start.countDown();
      for (Future<?> closer : closers) {
        closer.get(10, TimeUnit.SECONDS); // rethrows anything a closer threw
      }
      dispatcher.dispatch(new Ping(round));

      assertThat(dispatcher.handlersFor(Ping.class)).hasSize(1);
      assertThat(calls).hasValue(1);
    }
  }
}
