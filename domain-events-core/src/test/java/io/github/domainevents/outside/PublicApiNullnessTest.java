package io.github.domainevents.outside;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.testing.NullPointerTester;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventIdGenerator;
import io.github.domainevents.aggregate.EventRecorder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Guava's {@link NullPointerTester} sweeps the public API: every parameter not declared
 * {@code @Nullable} rejects null with a {@link NullPointerException}.
 */
class PublicApiNullnessTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private final NullPointerTester tester =
      new NullPointerTester()
          .setDefault(String.class, "tenant")
          .setDefault(UUID.class, new UUID(0, 1))
          .setDefault(Instant.class, T)
          .setDefault(Clock.class, Clock.fixed(T, ZoneOffset.UTC))
          .setDefault(EventIdGenerator.class, EventIdGenerator.sequential(new UUID(0, 1)));

  @BeforeEach
  @AfterEach
  void restoreProcessDefaults() {
    EventDefaults.resetToSystemDefaults();
  }

  @Test
  void eventHeaderStaticFactories_rejectNullWhereNotNullable() {
    tester.testAllPublicStaticMethods(EventHeader.class);
  }

  @Test
  void eventHeaderAndBuilder_rejectNullWhereNotNullable() {
    tester.testAllPublicInstanceMethods(EventHeader.create());
    tester.testAllPublicInstanceMethods(EventHeader.builder());
  }

  @Test
  void eventDefaults_rejectNullAndOpensNoScopeWhenItDoes() {
    tester.testAllPublicStaticMethods(EventDefaults.class);

    assertThat(EventDefaults.clock()).isEqualTo(Clock.systemUTC());
    assertThat(EventDefaults.idGenerator()).isSameAs(EventIdGenerator.timeOrdered());
  }

  @Test
  void eventIdGeneratorFactories_rejectNull() {
    tester.testAllPublicStaticMethods(EventIdGenerator.class);
  }

  @Test
  void eventRecorder_rejectsNull() {
    tester.testAllPublicInstanceMethods(new EventRecorder());
  }
}
