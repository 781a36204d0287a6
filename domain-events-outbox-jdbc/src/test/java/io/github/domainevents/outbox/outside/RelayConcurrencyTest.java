package io.github.domainevents.outbox.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.outbox.OutboxMessage;
import io.github.domainevents.outbox.OutboxRelay;
import io.github.domainevents.outbox.outside.Events.InviteAccepted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several relays on one table, with writers committing at the same time: no row is published by
 * two relays at once, every row is published, and each aggregate's rows go out in written order.
 * Runs three relays and four writers over 8 aggregates × 25 events; bounded by the rounds and a
 * 60-second timeout.
 */
@Timeout(60)
class RelayConcurrencyTest {
  private static final int AGGREGATES = 8;
  private static final int EVENTS_PER_AGGREGATE = 25;
  private static final int WRITERS = 4;
  private static final int RELAYS = 3;

  static java.util.stream.Stream<Database> databases() {
    int repeat = Integer.getInteger("outbox.concurrency.repeat", 1);
    return java.util.stream.IntStream.range(0, repeat).boxed()
        .flatMap(i -> java.util.stream.Stream.of(Database.values()));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void relaysAndWritersAtOnce_publishEveryRowOnce_inOrderPerAggregate(Database database)
      throws Exception {
    RelayFixture fixture = new RelayFixture(database);
    RecordingSink sink = new RecordingSink();
    Map<String, ReentrantLock> aggregateLocks = new ConcurrentHashMap<>();
    Map<String, List<UUID>> written = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(WRITERS + RELAYS);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(threads.submit(() -> {
          start.await();
          // each writer writes to every aggregate, interleaved with the others; writes to one
          // aggregate are serialized (as the aggregate's own row lock would do)
          for (int i = 0; i < AGGREGATES * EVENTS_PER_AGGREGATE / WRITERS; i++) {
            String aggregate = "agg-" + ((i + writer) % AGGREGATES);
            ReentrantLock lock = aggregateLocks.computeIfAbsent(aggregate, a -> new ReentrantLock());
            lock.lock();
            try {
              fixture.transactions.run(connection -> {
                InviteAccepted event = new InviteAccepted(aggregate, 0);
                fixture.outbox.write(event);
                written.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(event.eventId());
              });
            } finally {
              lock.unlock();
            }
          }
          return null;
        }));
      }
      List<Future<?>> relays = new ArrayList<>();
      for (int r = 0; r < RELAYS; r++) {
        OutboxRelay relay = fixture.relay("relay-" + r, sink).batchSize(5).build();
        relays.add(threads.submit(() -> {
          start.await();
          for (int round = 0; round < 5_000; round++) {
            if (relay.relayOnce() == 0 && !writing.get()) {
              if (fixture.rows() == 0) {
                return null;
              }
            }
          }
          throw new AssertionError("rows left after 5,000 rounds: " + fixture.rows());
        }));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(50, TimeUnit.SECONDS);
      }
      writing.set(false);
      for (Future<?> relay : relays) {
        relay.get(50, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(sink.overlaps()).as("publishes of one row at the same time").isZero();
    List<OutboxMessage> accepted = sink.accepted();
    assertThat(accepted).hasSize(AGGREGATES * EVENTS_PER_AGGREGATE);
    assertThat(accepted.stream().map(OutboxMessage::eventId).distinct())
        .hasSize(AGGREGATES * EVENTS_PER_AGGREGATE);
    for (Map.Entry<String, List<UUID>> aggregate : written.entrySet()) {
      assertThat(OutboxRelayTest.idsOf(accepted, aggregate.getKey()))
          .as("order of %s", aggregate.getKey())
          .containsExactlyElementsOf(aggregate.getValue());
    }
  }
}
