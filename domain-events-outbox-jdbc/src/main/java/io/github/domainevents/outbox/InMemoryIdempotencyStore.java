package io.github.domainevents.outbox;

import io.github.domainevents.UnitOfWorkSupport;
import io.github.domainevents.UnitOfWorkSynchronization;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * An {@link IdempotencyStore} in memory: for one process, lost on restart. Tests and services
 * whose redeliveries come within one process's life use it.
 *
 * <p>Given a {@link UnitOfWorkSupport}, a record made while a unit of work is active is removed
 * again if the unit rolls back, so it follows the unit as a database record follows its
 * transaction.
 *
 * <p>Safe for concurrent use.
 *
 * @since 0.1.0
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private final ConcurrentMap<Key, Instant> records = new ConcurrentHashMap<>();
  private final Clock clock;
  private final @Nullable UnitOfWorkSupport units;

  private InMemoryIdempotencyStore(Clock clock, @Nullable UnitOfWorkSupport units) {
    this.clock = clock;
    this.units = units;
  }

  /**
   * Returns an empty store on the system clock, not bound to units of work.
   *
   * @return the store
   */
  public static InMemoryIdempotencyStore create() {
    return new InMemoryIdempotencyStore(Clock.systemUTC(), null);
  }

  /**
   * Returns an empty store whose records follow the units of work of {@code units}.
   *
   * @param clock stamps the records, for {@link #purgeRecordedBefore}
   * @param units the units of work (for example {@code UnitOfWork.support()}, or the dispatcher's)
   * @return the store
   * @throws NullPointerException if an argument is null
   */
  public static InMemoryIdempotencyStore create(Clock clock, UnitOfWorkSupport units) {
    return new InMemoryIdempotencyStore(
        Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(units, "units"));
  }

  @Override
  public boolean record(String handlerId, UUID eventId) {
    Key key = new Key(handlerId, eventId);
    if (records.putIfAbsent(key, clock.instant()) != null) {
      return false;
    }
    UnitOfWorkSupport support = units;
    if (support != null && support.isActive()) {
      support.registerSynchronization(new UnitOfWorkSynchronization() {
        @Override
        public void beforeCommit() {}

        @Override
        public void afterCommit() {}

        @Override
        public void afterCompletion(boolean committed) {
          if (!committed) {
            records.remove(key);
          }
        }
      });
    }
    return true;
  }

  @Override
  public void forget(String handlerId, UUID eventId) {
    records.remove(new Key(handlerId, eventId));
  }

  @Override
  public int purgeRecordedBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    int[] removed = {0};
    records.entrySet().removeIf(entry -> {
      boolean old = entry.getValue().isBefore(cutoff);
      if (old) {
        removed[0]++;
      }
      return old;
    });
    return removed[0];
  }

  /**
   * Returns how many records the store holds.
   *
   * @return the number of records
   */
  public int size() {
    return records.size();
  }

  @Override
  public String toString() {
    return "InMemoryIdempotencyStore[" + records.size() + " records]";
  }

  private record Key(String handlerId, UUID eventId) {}
}
