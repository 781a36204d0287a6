package io.github.domainevents.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The growth benchmarks' dispatchers do the same work: the same handlers, in the same order. */
class GrowthTargetTest {

  @ParameterizedTest
  @EnumSource(GrowthTarget.class)
  void deepEvent_reachesItsOwnHandler_andOneOnEveryInterfaceAboveIt(GrowthTarget target) {
    GrowthTarget.Dispatch dispatch = target.create();
    List<String> calls = new ArrayList<>();
    for (Class<? extends DomainEvent> level : ManyEvents.LEVELS) {
      dispatch.register(level, event -> calls.add(level.getSimpleName()));
    }
    for (Class<? extends DomainEvent> type : ManyEvents.TYPES) {
      dispatch.register(type, event -> calls.add(type.getSimpleName()));
    }

    dispatch.dispatch(ManyEvents.create(11, EventHeader.create()));
    dispatch.dispatch(ManyEvents.create(12, EventHeader.create()));

    assertThat(calls)
        .containsExactly(
            "Depth0", "Depth1", "Depth2", "Depth3", "Depth4", "Depth5", "Depth6", "Depth7",
            "Depth8", "Depth9", "Depth10", "Depth11", "E011",
            "Depth0", "E012");
  }

  @ParameterizedTest
  @EnumSource(GrowthTarget.class)
  void eventWithoutHandlers_reachesNone(GrowthTarget target) {
    GrowthTarget.Dispatch dispatch = target.create();
    List<DomainEvent> calls = new ArrayList<>();
    dispatch.register(ManyEvents.TYPES.get(1), calls::add);

    dispatch.dispatch(ManyEvents.create(0, EventHeader.create()));

    assertThat(calls).isEmpty();
  }
}
