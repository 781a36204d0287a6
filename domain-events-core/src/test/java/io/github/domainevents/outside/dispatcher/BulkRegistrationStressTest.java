package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteEvent;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Pong;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bulk registration and closing on several threads while others dispatch: listeners with many
 * methods registered and closed whole, and hundreds of single registrations made and closed in
 * random order. Bounded (10,000 events per dispatching thread; the churning threads stop when
 * the dispatching ones are done, after at most 20,000 rounds each) and stopped after 60 seconds.
 */
class BulkRegistrationStressTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * A listener with three methods for {@link Ping}, one for {@link InviteCreated} and one for
   * every event. Each call is counted per (listener, event), so the test can tell whether a
   * dispatch ran some of a listener's methods but not all.
   */
  public static final class Listener {
    private final int id;
    private final Map<String, AtomicInteger> calls;

    Listener(int id, Map<String, AtomicInteger> calls) {
      this.id = id;
      this.calls = calls;
    }

    private void count(DomainEvent event) {
      calls.computeIfAbsent(
              event.getClass().getSimpleName() + "/" + id + "/" + event.eventId(),
              key -> new AtomicInteger())
          .incrementAndGet();
    }

    @HandleEvent
    public void first(Ping event) {
      count(event);
    }

    @HandleEvent(priority = 3)
    public void second(Ping event) {
      count(event);
    }

    @HandleEvent(priority = -3)
    public void third(Ping event) {
      count(event);
    }

    @HandleEvent
    public void invite(InviteCreated event) {
      count(event);
    }

    @HandleEvent
    public void everything(DomainEvent event) {
      count(event);
    }
  }

  /**
   * Proves that bulk registration and closing keep dispatches consistent: 2 threads dispatch
   * 10,000 events each (Ping and InviteCreated in turn) to 3 permanent handlers, while one
   * thread registers whole listeners (5 methods each), 4 per round, and closes the previous
   * round's (so listeners are always registered once the first round is in; the senders wait
   * for it), and another registers 300 single handlers over 4 types and closes them in random
   * order, over and over. Every
   * permanent handler sees every event exactly once; every listener that saw an event ran all
   * its methods for it (4 for a Ping, 2 for an InviteCreated), never some; no thread throws;
   * and afterwards only the permanent handlers remain.
   */
  @Test
  @Timeout(60)
  void bulkRegisterAndClose_whileDispatching_dispatchesSeeWholeListenersAndEveryPermanentHandler()
      throws Exception {
    int senders = 2;
    int eventsPerThread = 10_000;
    InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().deadEventHandler(event -> {}).build();
    Map<String, Set<UUID>> permanent = new ConcurrentHashMap<>();
    AtomicLong permanentCalls = new AtomicLong();
    Set<UUID> dispatched = ConcurrentHashMap.newKeySet();
    dispatcher.register(DomainEvent.class, 7, event -> {
      permanentCalls.incrementAndGet();
      see(permanent, "all", event);
    });
    dispatcher.register(Ping.class, event -> {
      permanentCalls.incrementAndGet();
      see(permanent, "ping", event);
    });
    dispatcher.register(InviteEvent.class, -7, event -> {
      permanentCalls.incrementAndGet();
      see(permanent, "invite", event);
    });
    Map<String, AtomicInteger> listenerCalls = new ConcurrentHashMap<>();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong listenerRounds = new AtomicLong();
    AtomicLong singleRounds = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch firstListeners = new CountDownLatch(1);

    Future<?> listeners = threads.submit((Callable<Void>) () -> {
      start.await();
      List<Registration> previous = List.of();
      for (int round = 0; round < 20_000 && !done.get(); round++) {
        List<Registration> open = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          open.add(dispatcher.registerAll(new Listener(round * 4 + i, listenerCalls)));
        }
        firstListeners.countDown();
        previous.forEach(Registration::close);
        previous = open;
        listenerRounds.incrementAndGet();
      }
      previous.forEach(Registration::close);
      return null;
    });
    Future<?> singles = threads.submit((Callable<Void>) () -> {
      start.await();
      Random random = new Random(14);
      List<Class<? extends DomainEvent>> types =
          List.of(Ping.class, Pong.class, InviteEvent.class, DomainEvent.class);
      for (int round = 0; round < 20_000 && !done.get(); round++) {
        List<Registration> open = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
          open.add(dispatcher.register(types.get(i % types.size()), i % 5 - 2, event -> {}));
        }
        Collections.shuffle(open, random);
        open.forEach(Registration::close);
        singleRounds.incrementAndGet();
      }
      return null;
    });
    List<Future<?>> sending = new ArrayList<>();
    for (int t = 0; t < senders; t++) {
      sending.add(threads.submit((Callable<Void>) () -> {
        start.await();
        firstListeners.await();
        for (int i = 0; i < eventsPerThread; i++) {
          DomainEvent event = i % 2 == 0 ? new Ping(i) : new InviteCreated(i);
          dispatched.add(event.eventId());
          dispatcher.dispatch(event);
        }
        return null;
      }));
    }

    start.countDown();
    for (Future<?> sender : sending) {
      sender.get(50, TimeUnit.SECONDS);
    }
    done.set(true);
    listeners.get(10, TimeUnit.SECONDS);
    singles.get(10, TimeUnit.SECONDS);

    long events = (long) senders * eventsPerThread;
    assertThat(dispatched).hasSize((int) events);
    assertThat(permanentCalls).hasValue(events * 2); // each event: "all" and one other
    assertThat(permanent.get("all")).isEqualTo(dispatched);
    assertThat(permanent.get("ping")).hasSize((int) events / 2);
    assertThat(permanent.get("invite")).hasSize((int) events / 2);
    assertThat(listenerRounds.get()).isPositive();
    assertThat(singleRounds.get()).isPositive();
    assertThat(listenerCalls).isNotEmpty();
    listenerCalls.forEach((key, calls) -> assertThat(calls.get())
        .as("calls of listener methods for %s", key)
        .isEqualTo(key.startsWith("Ping/") ? 4 : 2));
    assertThat(dispatcher.handlersFor(Ping.class)).hasSize(2);
    assertThat(dispatcher.handlersFor(InviteCreated.class)).hasSize(2);
    assertThat(dispatcher.handlersFor(Pong.class)).hasSize(1);
  }

  private static void see(Map<String, Set<UUID>> seen, String name, DomainEvent event) {
    seen.computeIfAbsent(name, key -> ConcurrentHashMap.newKeySet()).add(event.eventId());
  }
}
