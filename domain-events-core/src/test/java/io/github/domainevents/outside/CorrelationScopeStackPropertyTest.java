package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.EventContext;
import io.github.domainevents.EventHeader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Correlation scopes behave like a stack, whatever a program does with them: any sequence of
 * opening scopes and closing some scope (innermost, an outer one out of order, or one already
 * closed) leaves the context equal to a plain stack model's top.
 */
class CorrelationScopeStackPropertyTest {

  @Property(tries = 300)
  void scopesBehaveLikeAStackUnderAnySequenceOfOpensAndCloses(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 5) Integer> steps) {
    List<EventContext.Scope> opened = new ArrayList<>();
    Deque<EventContext.Scope> model = new ArrayDeque<>();
    List<EventContext.Scope> closed = new ArrayList<>();
    try {
      for (int step : steps) {
        if (step < 3) {
          EventContext.Scope scope = EventContext.openCorrelation(UUID.randomUUID());
          opened.add(scope);
          model.push(scope);
        } else if (opened.size() > step - 3) {
          EventContext.Scope target = opened.get(opened.size() - 1 - (step - 3));
          if (closed.contains(target) || model.peek() == target) {
            target.close();
            if (!closed.contains(target)) {
              model.pop();
              closed.add(target);
            }
          } else {
            assertThatThrownBy(target::close).isInstanceOf(IllegalStateException.class);
          }
        }
        Optional<UUID> expected = Optional.ofNullable(model.peek()).map(EventContext.Scope::correlationId);
        assertThat(EventContext.correlationId()).isEqualTo(expected);
        assertThat(EventHeader.create().correlationId()).isEqualTo(expected);
      }
    } finally {
      while (!model.isEmpty()) {
        model.pop().close();
      }
    }
    assertThat(EventContext.correlationId()).isEmpty();
  }
}
