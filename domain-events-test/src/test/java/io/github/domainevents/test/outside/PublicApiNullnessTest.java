package io.github.domainevents.test.outside;

import static io.github.domainevents.test.EventAssertions.assertThat;

import com.google.common.testing.NullPointerTester;
import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventDispatcher;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.EventCapture;
import io.github.domainevents.test.Scenario;
import io.github.domainevents.test.TestClock;
import io.github.domainevents.test.TestTimeouts;
import io.github.domainevents.test.outside.Events.AuditLogged;
import io.github.domainevents.EventIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Every public method of the kit rejects a null argument with a NullPointerException. */
class PublicApiNullnessTest {
  private final NullPointerTester tester = new NullPointerTester()
      .setDefault(Class.class, AuditLogged.class)
      .setDefault(Duration.class, Duration.ZERO)
      .setDefault(Instant.class, Instant.EPOCH)
      .setDefault(Clock.class, TestClock.at(Instant.EPOCH))
      .setDefault(EventIdGenerator.class, EventIdGenerator.sequential(new UUID(0, 1)))
      .setDefault(Predicate.class, event -> true)
      .setDefault(DomainEvent.class, new AuditLogged("default"))
      .setDefault(EventDispatcher.class, event -> { })
      .setDefault(InProcessEventDispatcher.Builder.class, InProcessEventDispatcher.builder());

  @Test
  void staticMethods() {
    tester.testAllPublicStaticMethods(EventCapture.class);
    tester.testAllPublicStaticMethods(TestClock.class);
    tester.testAllPublicStaticMethods(TestTimeouts.class);
    tester.testAllPublicStaticMethods(Scenario.class);
  }

  @Test
  void instanceMethods() {
    try (CapturedEvents events = EventCapture.open()) {
      EventCapture.recording(event -> { }).dispatch(new AuditLogged("one"));
      tester.testAllPublicInstanceMethods(events);
      tester.testAllPublicInstanceMethods(assertThat(events));
      tester.testAllPublicInstanceMethods(assertThat(events).event(AuditLogged.class));
      tester.testAllPublicInstanceMethods(TestClock.at(Instant.EPOCH));
      tester.testAllPublicInstanceMethods(Scenario.forDispatcher(event -> { }));
    }
  }
}
