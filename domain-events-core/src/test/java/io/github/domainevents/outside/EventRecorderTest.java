package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.aggregate.EventRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The recorder an aggregate holds: order, read-only peek, hand-over exactly once. */
class EventRecorderTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  record Step(EventHeader header, int thread, int index) implements DomainEvent {
    Step(int thread, int index) {
      this(EventHeader.of(new UUID(thread, index), T, null, null, Map.of()), thread, index);
    }
  }

  @Test
  void record_returnsTheEventAndKeepsTheOrder() {
    EventRecorder recorder = new EventRecorder();
    Step a = new Step(0, 1);
    Step b = new Step(0, 2);

    assertThat(recorder.record(a)).isSameAs(a);
    assertThat(recorder.record(b)).isSameAs(b);
    assertThat(recorder.peek()).containsExactly(a, b);
    assertThat(recorder.hasEvents()).isTrue();
  }

  @Test
  void peek_isAnUnmodifiableSnapshotAndTakesNothing() {
    EventRecorder recorder = new EventRecorder();
    Step a = recorder.record(new Step(0, 1));
    List<DomainEvent> snapshot = recorder.peek();
    Step b = recorder.record(new Step(0, 2));

    assertThat(snapshot).containsExactly(a);
    assertThatThrownBy(() -> snapshot.add(b)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(recorder.peek()).containsExactly(a, b);
  }

  @Test
  void pull_handsOverOnceAndEmptiesTheRecorder() {
    EventRecorder recorder = new EventRecorder();
    Step a = recorder.record(new Step(0, 1));
    Step b = recorder.record(new Step(0, 2));

    List<DomainEvent> first = recorder.pull();

    assertThat(first).containsExactly(a, b);
    assertThat(recorder.hasEvents()).isFalse();
    assertThat(recorder.peek()).isEmpty();
    assertThat(recorder.pull()).isEmpty();
    assertThatThrownBy(() -> first.add(a)).isInstanceOf(UnsupportedOperationException.class);
    Step c = recorder.record(new Step(0, 3));
    assertThat(recorder.pull()).containsExactly(c);
    assertThat(first).containsExactly(a, b);
  }

  @Test
  void emptyRecorder_pullsAnUnmodifiableEmptyList() {
    EventRecorder recorder = new EventRecorder();

    assertThat(recorder.hasEvents()).isFalse();
    List<DomainEvent> pulled = recorder.pull();
    assertThat(pulled).isEmpty();
    assertThatThrownBy(() -> pulled.add(new Step(0, 0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void recordNull_isRejectedNamingItAndRecordsNothing() {
    EventRecorder recorder = new EventRecorder();

    assertThatNullPointerException()
        .isThrownBy(() -> recorder.record(null))
        .withMessage("event must not be null");
    assertThat(recorder.hasEvents()).isFalse();
  }

  @Test
  void toString_listsTheWaitingEvents() {
    EventRecorder recorder = new EventRecorder();
    Step a = recorder.record(new Step(0, 1));

    assertThat(recorder).hasToString("EventRecorder[" + a + "]");
  }

  /**
   * 4 threads record 25,000 events each while 1 thread pulls repeatedly (well under a second):
   * every event is pulled exactly once, and each recording thread's events arrive in order. A
   * latch makes sure at least one pull lands while recording is halfway, whatever the scheduler.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentRecordingAndPulling_handsEachEventOverExactlyOnce() throws Exception {
    int recorders = 4;
    int perRecorder = 25_000;
    EventRecorder recorder = new EventRecorder();
    CountDownLatch halfway = new CountDownLatch(recorders);
    CountDownLatch pulledHalfway = new CountDownLatch(1);
    CountDownLatch recording = new CountDownLatch(recorders);
    List<DomainEvent> pulled = new ArrayList<>();

    List<Integer> firstPullSizes =
        Concurrently.run(
            recorders + 1,
            thread ->
                () -> {
                  if (thread == recorders) {
                    halfway.await();
                    List<DomainEvent> first = recorder.pull();
                    pulled.addAll(first);
                    pulledHalfway.countDown();
                    while (recording.getCount() > 0) {
                      pulled.addAll(recorder.pull());
                    }
                    pulled.addAll(recorder.pull()); // whatever came in after the last pull
                    return first.size();
                  }
                  for (int i = 0; i < perRecorder; i++) {
                    if (i == perRecorder / 2) {
                      halfway.countDown();
                      pulledHalfway.await();
                    }
                    recorder.record(new Step(thread, i));
                  }
                  recording.countDown();
                  return 0;
                });

    assertThat(firstPullSizes.get(recorders)).isEqualTo(recorders * perRecorder / 2);
    assertThat(recorder.hasEvents()).isFalse();
    assertThat(pulled).hasSize(recorders * perRecorder);
    Set<UUID> ids = new HashSet<>();
    int[] next = new int[recorders];
    for (DomainEvent event : pulled) {
      Step step = (Step) event;
      assertThat(ids.add(step.eventId())).as("pulled twice: %s", step).isTrue();
      assertThat(step.index()).as("order of thread %d", step.thread()).isEqualTo(next[step.thread()]);
      next[step.thread()]++;
    }
  }
}
