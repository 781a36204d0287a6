package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.InProcessEventDispatcher;
import org.junit.jupiter.api.Test;

/** The builder: what it rejects, and what the built dispatcher says about itself. */
class DispatcherBuilderTest {

  @Test
  void nullPolicies_areRejectedNamingTheArgument() {
    assertThatThrownBy(() -> InProcessEventDispatcher.builder().errorPolicy(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("errorPolicy");
    assertThatThrownBy(() -> InProcessEventDispatcher.builder().reportAndContinue(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("errorHandler");
    assertThatThrownBy(() -> InProcessEventDispatcher.builder().closeTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("closeTimeout");
  }

  @Test
  void toString_namesPolicyDepthLimitAndInterceptors() {
    InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
        .errorPolicy(ErrorPolicy.RUN_ALL_THEN_THROW)
        .maxDepth(9)
        .interceptor((event, handler, next) -> next.proceed(event))
        .build();

    assertThat(dispatcher.toString()).contains("RUN_ALL_THEN_THROW", "maxDepth=9", "interceptors=1");
    assertThat(new InProcessEventDispatcher().toString())
        .contains("FAIL_FAST", "maxDepth=64")
        .doesNotContain("interceptors");
  }
}
