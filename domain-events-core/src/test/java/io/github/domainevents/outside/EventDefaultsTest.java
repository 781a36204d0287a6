package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventIdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Process-wide defaults and thread-scoped overrides of the clock and id generator. */
class EventDefaultsTest {
  private static final Instant T1 = Instant.parse("2001-01-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2002-02-02T00:00:00Z");
  private static final Instant T3 = Instant.parse("2003-03-03T00:00:00Z");

  private static final Clock CLOCK_1 = Clock.fixed(T1, ZoneOffset.UTC);
  private static final Clock CLOCK_2 = Clock.fixed(T2, ZoneOffset.UTC);
  private static final Clock CLOCK_3 = Clock.fixed(T3, ZoneOffset.UTC);

  @AfterEach
  void restoreProcessDefaults() {
    EventDefaults.resetToSystemDefaults();
  }

  @Test
  void withoutScopes_defaultsAreTheUtcSystemClockAndTimeOrderedIds() {
    assertThat(EventDefaults.clock()).isEqualTo(Clock.systemUTC());
    assertThat(EventDefaults.clock().getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(EventDefaults.idGenerator()).isSameAs(EventIdGenerator.timeOrdered());
    assertThat(EventHeader.create().eventId().version()).isEqualTo(7);
  }

  @Test
  void scope_makesCreateUseItsClockAndIds() {
    try (EventDefaults.Scope scope =
        EventDefaults.with(CLOCK_1, EventIdGenerator.sequential(new UUID(0, 7)))) {
      EventHeader first = EventHeader.create();
      EventHeader second = EventHeader.create();

      assertThat(first.occurredAt()).isEqualTo(T1);
      assertThat(first.eventId()).isEqualTo(new UUID(0, 7));
      assertThat(second.eventId()).isEqualTo(new UUID(0, 8));
      assertThat(EventDefaults.clock()).isSameAs(CLOCK_1);
    }

    EventHeader after = EventHeader.create();
    assertThat(after.occurredAt()).isNotEqualTo(T1);
    assertThat(after.eventId().version()).isEqualTo(7);
  }

  @Test
  void withClock_keepsTheIdGeneratorAndWithIdGenerator_keepsTheClock() {
    EventIdGenerator ids = EventIdGenerator.sequential(new UUID(1, 1));
    try (EventDefaults.Scope clockOnly = EventDefaults.withClock(CLOCK_1)) {
      assertThat(EventDefaults.clock()).isSameAs(CLOCK_1);
      assertThat(EventDefaults.idGenerator()).isSameAs(EventIdGenerator.timeOrdered());
      try (EventDefaults.Scope idsOnly = EventDefaults.withIdGenerator(ids)) {
        assertThat(EventDefaults.clock()).isSameAs(CLOCK_1);
        assertThat(EventDefaults.idGenerator()).isSameAs(ids);
        EventHeader header = EventHeader.create();
        assertThat(header.occurredAt()).isEqualTo(T1);
        assertThat(header.eventId()).isEqualTo(new UUID(1, 1));
      }
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void scope_isSeenOnlyByItsThreadWhileAnotherThreadCreatesEventsConcurrently()
      throws Exception {
    CountDownLatch scopeOpen = new CountDownLatch(1);
    CountDownLatch otherThreadDone = new CountDownLatch(1);
    AtomicReference<EventHeader> seenByOther = new AtomicReference<>();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<?> otherWork =
          other.submit(
              () -> {
                scopeOpen.await();
                seenByOther.set(EventHeader.create());
                otherThreadDone.countDown();
                return null;
              });

      try (EventDefaults.Scope scope =
          EventDefaults.with(CLOCK_1, EventIdGenerator.sequential(new UUID(0, 1)))) {
        scopeOpen.countDown();
        assertThat(otherThreadDone.await(50, TimeUnit.SECONDS)).isTrue();
        // the scope was open the whole time the other thread created its header
        EventHeader mine = EventHeader.create();
        assertThat(mine.occurredAt()).isEqualTo(T1);
        assertThat(mine.eventId()).isEqualTo(new UUID(0, 1));
      }
      otherWork.get(50, TimeUnit.SECONDS);
    } finally {
      other.shutdownNow();
    }

    assertThat(seenByOther.get().occurredAt()).isAfter(T1.plusSeconds(365L * 24 * 3600 * 20));
    assertThat(seenByOther.get().eventId().version()).isEqualTo(7);
  }

  @Test
  void nestedScopes_eachCloseRestoresWhatItReplaced() {
    EventIdGenerator ids1 = EventIdGenerator.sequential(new UUID(1, 0));
    EventIdGenerator ids3 = EventIdGenerator.sequential(new UUID(3, 0));
    try (EventDefaults.Scope outer = EventDefaults.with(CLOCK_1, ids1)) {
      try (EventDefaults.Scope middle = EventDefaults.withClock(CLOCK_2)) {
        try (EventDefaults.Scope inner = EventDefaults.with(CLOCK_3, ids3)) {
          assertThat(EventDefaults.clock()).isSameAs(CLOCK_3);
          assertThat(EventDefaults.idGenerator()).isSameAs(ids3);
        }
        assertThat(EventDefaults.clock()).isSameAs(CLOCK_2);
        assertThat(EventDefaults.idGenerator()).isSameAs(ids1);
      }
      assertThat(EventDefaults.clock()).isSameAs(CLOCK_1);
      assertThat(EventDefaults.idGenerator()).isSameAs(ids1);
    }
    assertThat(EventDefaults.clock()).isEqualTo(Clock.systemUTC());
    assertThat(EventDefaults.idGenerator()).isSameAs(EventIdGenerator.timeOrdered());
  }

  @Test
  void closingOutOfOrder_throwsWithAClearMessageAndChangesNothing() {
    EventDefaults.Scope outer = EventDefaults.withClock(CLOCK_1);
    EventDefaults.Scope inner = EventDefaults.withClock(CLOCK_2);
    try {
      assertThatIllegalStateException()
          .isThrownBy(outer::close)
          .withMessageContaining("EventDefaults scope closed out of order")
          .withMessageContaining("close scopes in reverse order");

      assertThat(EventDefaults.clock()).isSameAs(CLOCK_2);
      inner.close();
      assertThat(EventDefaults.clock()).isSameAs(CLOCK_1);
      outer.close(); // still open, so it closes normally now
      assertThat(EventDefaults.clock()).isEqualTo(Clock.systemUTC());
    } finally {
      inner.close();
      outer.close();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void closingOnAnotherThread_throwsNamingBothThreadsAndChangesNothing() throws Exception {
    EventDefaults.Scope scope = EventDefaults.withClock(CLOCK_1);
    try {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread closer =
          new Thread(
              () -> {
                try {
                  scope.close();
                } catch (Throwable t) {
                  failure.set(t);
                }
              },
              "scope-closer");
      closer.start();
      closer.join(50_000);

      assertThat(failure.get())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("EventDefaults scope")
          .hasMessageContaining("'" + Thread.currentThread().getName() + "'")
          .hasMessageContaining("'scope-closer'");
      assertThat(EventDefaults.clock()).isSameAs(CLOCK_1);
    } finally {
      scope.close();
    }
    assertThat(EventDefaults.clock()).isEqualTo(Clock.systemUTC());
  }

  @Test
  void closingTwice_isANoOpEvenWhenALaterScopeIsOpen() {
    EventDefaults.Scope outer = EventDefaults.withClock(CLOCK_1);
    EventDefaults.Scope first = EventDefaults.withClock(CLOCK_2);
    first.close();
    first.close();
    assertThat(EventDefaults.clock()).isSameAs(CLOCK_1);

    EventDefaults.Scope second = EventDefaults.withClock(CLOCK_3);
    first.close(); // already closed: must neither throw nor close `second`
    assertThat(EventDefaults.clock()).isSameAs(CLOCK_3);

    second.close();
    outer.close();
    outer.close();
    assertThat(EventDefaults.clock()).isEqualTo(Clock.systemUTC());
  }

  @Test
  void scopeFactories_rejectNullNamingTheArgument() {
    EventIdGenerator ids = EventIdGenerator.random();
    assertThatNullPointerException()
        .isThrownBy(() -> EventDefaults.with(null, ids))
        .withMessage("clock must not be null");
    assertThatNullPointerException()
        .isThrownBy(() -> EventDefaults.with(CLOCK_1, null))
        .withMessage("idGenerator must not be null");
    assertThatNullPointerException()
        .isThrownBy(() -> EventDefaults.withClock(null))
        .withMessage("clock must not be null");
    assertThatNullPointerException()
        .isThrownBy(() -> EventDefaults.withIdGenerator(null))
        .withMessage("idGenerator must not be null");
    // a rejected scope was never opened
    assertThat(EventDefaults.clock()).isEqualTo(Clock.systemUTC());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void setClockAndSetIdGenerator_changeTheDefaultsOnEveryThread() throws Exception {
    EventDefaults.setClock(CLOCK_2);
    EventDefaults.setIdGenerator(EventIdGenerator.sequential(new UUID(9, 0)));

    EventHeader here = EventHeader.create();
    EventHeader there = CompletableFuture.supplyAsync(EventHeader::create).get(50, TimeUnit.SECONDS);

    assertThat(here.occurredAt()).isEqualTo(T2);
    assertThat(there.occurredAt()).isEqualTo(T2);
    assertThat(here.eventId()).isEqualTo(new UUID(9, 0));
    assertThat(there.eventId()).isEqualTo(new UUID(9, 1));
  }

  @Test
  void scope_winsOverTheProcessDefaultsAndRestoresThemOnClose() {
    EventIdGenerator globalIds = EventIdGenerator.sequential(new UUID(9, 0));
    EventDefaults.setClock(CLOCK_2);
    EventDefaults.setIdGenerator(globalIds);

    try (EventDefaults.Scope scope = EventDefaults.withClock(CLOCK_1)) {
      assertThat(EventHeader.create().occurredAt()).isEqualTo(T1);
      EventDefaults.setClock(CLOCK_3); // global change while scoped: the scope still wins
      assertThat(EventDefaults.clock()).isSameAs(CLOCK_1);
      assertThat(EventDefaults.idGenerator()).isSameAs(globalIds);
    }
    assertThat(EventDefaults.clock()).isSameAs(CLOCK_3);
  }

  @Test
  void resetToSystemDefaults_restoresTheUtcSystemClockAndTimeOrderedIds() {
    EventDefaults.setClock(CLOCK_2);
    EventDefaults.setIdGenerator(EventIdGenerator.random());

    EventDefaults.resetToSystemDefaults();

    assertThat(EventDefaults.clock()).isEqualTo(Clock.systemUTC());
    assertThat(EventDefaults.idGenerator()).isSameAs(EventIdGenerator.timeOrdered());
    assertThat(EventHeader.create().eventId().version()).isEqualTo(7);
  }

  @Test
  void settersRejectNullNamingTheArgumentAndKeepTheOldDefault() {
    EventDefaults.setClock(CLOCK_2);

    assertThatNullPointerException()
        .isThrownBy(() -> EventDefaults.setClock(null))
        .withMessage("clock must not be null");
    assertThatNullPointerException()
        .isThrownBy(() -> EventDefaults.setIdGenerator(null))
        .withMessage("idGenerator must not be null");
    assertThat(EventDefaults.clock()).isSameAs(CLOCK_2);
    assertThat(EventDefaults.idGenerator()).isSameAs(EventIdGenerator.timeOrdered());
  }

  @Test
  void generatorReturningNull_failsCreateNamingTheGenerator() {
    EventIdGenerator broken =
        new EventIdGenerator() {
          @Override
          public UUID nextId() {
            return null;
          }

          @Override
          public String toString() {
            return "BrokenIds";
          }
        };
    try (EventDefaults.Scope scope = EventDefaults.withIdGenerator(broken)) {
      assertThatIllegalStateException()
          .isThrownBy(EventHeader::create)
          .withMessage("EventIdGenerator BrokenIds returned a null id");
    }
  }

  @Test
  void clockReturningNull_failsCreateNamingTheClock() {
    MutableClock broken = new MutableClock(T1);
    broken.set(null);
    try (EventDefaults.Scope scope = EventDefaults.withClock(broken)) {
      assertThatIllegalStateException()
          .isThrownBy(EventHeader::create)
          .withMessageStartingWith("Clock ")
          .withMessageEndingWith(" returned a null instant");
    }
  }
}
