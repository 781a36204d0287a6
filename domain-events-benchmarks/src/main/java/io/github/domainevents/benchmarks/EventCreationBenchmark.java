package io.github.domainevents.benchmarks;

import io.github.domainevents.EventHeader;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 7 of issue 6: making an event. The same record shape, once with this library's
 * {@link EventHeader#create()} (a version-7 id, the clock's time, the ambient causation) and
 * once with {@link UUID#randomUUID()} and {@link Instant#now()}, each from one and from two
 * threads. The two-thread methods keep their thread count fixed ({@code -t} changes it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
public class EventCreationBenchmark {
  /** Made by JMH. */
  public EventCreationBenchmark() {}


  /**
   * The same shape as {@code Events.OrderPlaced}, with the header fields inlined.
   *
   * @param eventId the id
   * @param occurredAt the time
   * @param orderId the order
   * @param customer the customer
   */
  record PlainOrderPlaced(UUID eventId, Instant occurredAt, long orderId, String customer) {}

  /**
   * This library's header, from one thread.
   *
   * @return the event, for JMH to consume
   */
  @Benchmark
  @Threads(1)
  public Events.OrderPlaced headerCreate() {
    return new Events.OrderPlaced(EventHeader.create(), Events.ORDER_ID, Events.CUSTOMER);
  }

  /**
   * This library's header, from two threads at once.
   *
   * @return the event, for JMH to consume
   */
  @Benchmark
  @Threads(2)
  public Events.OrderPlaced headerCreate_2threads() {
    return new Events.OrderPlaced(EventHeader.create(), Events.ORDER_ID, Events.CUSTOMER);
  }

  /**
   * {@code UUID.randomUUID()} and {@code Instant.now()}, from one thread.
   *
   * @return the event, for JMH to consume
   */
  @Benchmark
  @Threads(1)
  public PlainOrderPlaced randomUuid() {
    return new PlainOrderPlaced(UUID.randomUUID(), Instant.now(), Events.ORDER_ID, Events.CUSTOMER);
  }

  /**
   * {@code UUID.randomUUID()} and {@code Instant.now()}, from two threads at once.
   *
   * @return the event, for JMH to consume
   */
  @Benchmark
  @Threads(2)
  public PlainOrderPlaced randomUuid_2threads() {
    return new PlainOrderPlaced(UUID.randomUUID(), Instant.now(), Events.ORDER_ID, Events.CUSTOMER);
  }
}
