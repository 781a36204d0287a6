package io.github.domainevents.test.outside;

import io.github.domainevents.EventContext;
import io.github.domainevents.EventDefaults;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.DomainEventsExtension;
import io.github.domainevents.test.EventCapture;
import io.github.domainevents.test.outside.Events.AuditLogged;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Test classes that misbehave on purpose; {@link ExtensionTest} runs them with the JUnit launcher
 * and checks what the extension reports. Surefire does not pick them up (no Test suffix).
 */
final class ExtensionFixtures {
  private ExtensionFixtures() {}

  /** Opens a correlation scope and never closes it. */
  @ExtendWith(DomainEventsExtension.class)
  static class LeaksACorrelationScope {
    @Test
    void leaks() {
      @SuppressWarnings({"resource", "unused"})
      EventContext.Scope leaked = EventContext.openCorrelation();
    }
  }

  /** Opens a clock scope of core and never closes it. */
  @ExtendWith(DomainEventsExtension.class)
  static class LeaksAnEventDefaultsScope {
    @Test
    void leaks() {
      @SuppressWarnings({"resource", "unused"})
      EventDefaults.Scope leaked = EventDefaults.withClock(Clock.systemUTC());
    }
  }

  /** Ends while an asynchronous handler is still blocked. */
  @ExtendWith(DomainEventsExtension.class)
  static class LeavesAsyncWorkRunning {
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Test
    void endsEarly() {
      InProcessEventDispatcher dispatcher =
          EventCapture.instrument(InProcessEventDispatcher.builder()).build();
      dispatcher.register(AuditLogged.class, e -> RELEASE.await(60, TimeUnit.SECONDS));
      dispatcher.dispatchAsync(new AuditLogged("still running"));
    }
  }

  /** Asks for the capture in its constructor, before the capture exists. */
  @ExtendWith(DomainEventsExtension.class)
  static class InjectsIntoTheConstructor {
    InjectsIntoTheConstructor(CapturedEvents events) {
      events.size();
    }

    @Test
    void neverRuns() {}
  }

  /** Behaves: awaits its asynchronous work and closes its scopes. */
  @ExtendWith(DomainEventsExtension.class)
  static class Behaves {
    @Test
    void awaitsItsWork(CapturedEvents events) {
      InProcessEventDispatcher dispatcher =
          EventCapture.instrument(InProcessEventDispatcher.builder()).build();
      dispatcher.register(AuditLogged.class, e -> { });
      try (EventContext.Scope scope = EventContext.openCorrelation()) {
        dispatcher.dispatchAsync(new AuditLogged("fine"));
      }
      events.awaitQuiescence();
    }
  }
}
