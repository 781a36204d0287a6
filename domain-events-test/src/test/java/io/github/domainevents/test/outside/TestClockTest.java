package io.github.domainevents.test.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.test.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestClockTest {

  @Test
  void standsStillUntilMoved() {
    TestClock clock = TestClock.at(Instant.EPOCH);

    assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
    assertThat(clock.advance(Duration.ofSeconds(2))).isEqualTo(Instant.ofEpochSecond(2));
    clock.set(Instant.ofEpochSecond(-5));
    assertThat(clock.millis()).isEqualTo(-5000);
  }

  @Test
  void zoneViewsShareTheInstant() {
    TestClock clock = TestClock.at(Instant.EPOCH);
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofHours(1));

    assertThat(paris.instant()).isEqualTo(Instant.ofEpochSecond(3600));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(paris).isNotEqualTo(clock).isEqualTo(clock.withZone(ZoneId.of("Europe/Paris")));
  }

  @Test
  void refusesToRunBackwardsThroughAdvance() {
    assertThatThrownBy(() -> TestClock.at(Instant.EPOCH).advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use set(Instant) to go back in time");
  }
}
