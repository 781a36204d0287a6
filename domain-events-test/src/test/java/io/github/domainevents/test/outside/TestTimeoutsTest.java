package io.github.domainevents.test.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.EventCapture;
import io.github.domainevents.test.TestTimeouts;
import io.github.domainevents.test.outside.Events.AuditLogged;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** One system property stretches every timeout; bad values fail loudly. Runs alone: it sets it. */
@Isolated
class TestTimeoutsTest {

  @AfterEach
  void clear() {
    System.clearProperty(TestTimeouts.FACTOR_PROPERTY);
  }

  @Test
  void withoutThePropertyTimeoutsAreUnchanged() {
    assertThat(TestTimeouts.factor()).isEqualTo(1.0);
    assertThat(TestTimeouts.scale(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void theFactorStretchesTimeoutsAndShowsInFailures() {
    System.setProperty(TestTimeouts.FACTOR_PROPERTY, "3");

    assertThat(TestTimeouts.scale(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(15));
    assertThat(TestTimeouts.scale(Duration.ZERO)).isEqualTo(Duration.ZERO);
    try (CapturedEvents events = EventCapture.open()) {
      assertThatThrownBy(() -> events.awaitEvent(AuditLogged.class, e -> true, Duration.ofMillis(10)))
          .hasMessageContaining("within 0.03s (0.01s × 3.0)");
    }
  }

  @Test
  void aBadFactorNamesThePropertyAndValue() {
    for (String bad : new String[] {"fast", "0", "-1", "Infinity", "NaN"}) {
      System.setProperty(TestTimeouts.FACTOR_PROPERTY, bad);
      assertThatThrownBy(TestTimeouts::factor)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("system property domainevents.test.timeFactor must be a number greater than 0,"
              + " was '" + bad + "'");
    }
  }

  @Test
  void negativeTimeoutsAreRejected() {
    assertThatThrownBy(() -> TestTimeouts.scale(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout must not be negative");
  }
}
