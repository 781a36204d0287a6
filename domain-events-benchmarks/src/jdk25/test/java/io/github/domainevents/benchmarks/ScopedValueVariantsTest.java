package io.github.domainevents.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every variant of {@link ScopedValueContextBenchmark} that carries a context does the same
 * work: each nested handler reads the causation and correlation of its own event, a wrapped task
 * reads those of the innermost handler, and nothing is left behind for the next dispatch.
 */
class ScopedValueVariantsTest {
  private static final UUID LEVEL2_CORRELATION =
      UUID.fromString("00000000-0000-4000-8000-000000000002");

  private final List<DomainEvent> events =
      List.of(
          new Levels.Level1(EventHeader.create()),
          new Levels.Level2(EventHeader.builder().correlationId(LEVEL2_CORRELATION).build()),
          new Levels.Level3(EventHeader.create()));
  private final List<List<UUID>> read = new ArrayList<>();
  private final CauseSink sink =
      (causation, correlation) -> read.add(List.of(causation, correlation));

  @ParameterizedTest
  @EnumSource(names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void eachNestedHandlerReadsItsOwnEventAsTheCause(ScopedValueContextBenchmark.Variant variant) {
    ContextBus bus = variant.wire(3, events, false, sink);

    bus.dispatch(events.get(0));

    assertThat(read).containsExactly(expected(0), expected(1), expected(2));
  }

  @ParameterizedTest
  @EnumSource(names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void aWrappedTaskReadsTheCauseOfTheHandlerThatWrappedIt(
      ScopedValueContextBenchmark.Variant variant) {
    ContextBus bus = variant.wire(2, events, true, sink);

    bus.dispatch(events.get(0));

    assertThat(read).containsExactly(expected(0), expected(1), expected(1));
  }

  @ParameterizedTest
  @EnumSource(names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void aSecondDispatchSeesNothingLeftFromTheFirst(ScopedValueContextBenchmark.Variant variant) {
    ContextBus bus = variant.wire(1, events, true, sink);

    bus.dispatch(events.get(0));
    bus.dispatch(events.get(0));

    assertThat(read).containsExactly(expected(0), expected(0), expected(0), expected(0));
    assertThat(EventContext.currentCause()).isEmpty();
  }

  /** What a handler of {@code events[level]} reads: its id, and its correlation or its id. */
  private List<UUID> expected(int level) {
    EventHeader header = events.get(level).header();
    return List.of(header.eventId(), header.correlationId().orElse(header.eventId()));
  }
}
