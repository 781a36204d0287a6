package io.github.domainevents.test.outside;

import static io.github.domainevents.test.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.domainevents.EventHeader;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.DomainEventsExtension;
import io.github.domainevents.test.EventCapture;
import io.github.domainevents.test.TestClock;
import io.github.domainevents.test.outside.Events.AuditLogged;
import io.github.domainevents.test.outside.Events.InviteCreated;
import io.github.domainevents.test.outside.Events.WelcomeMailSent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The extension fixes clock and ids per test, injects the capture, and reports leaks. */
@ExtendWith(DomainEventsExtension.class)
@Timeout(60)
class ExtensionTest {
  private CapturedEvents fromBeforeEach;

  @BeforeEach
  void keep(CapturedEvents events) {
    fromBeforeEach = events;
  }

  @Test
  void eventsGetTheFixedClockAndTheSequentialIds() {
    EventHeader first = EventHeader.create();
    EventHeader second = EventHeader.create();

    assertThat(first.eventId()).isEqualTo(DomainEventsExtension.FIRST_ID);
    assertThat(second.eventId()).isEqualTo(new UUID(0, 2));
    assertThat(first.occurredAt()).isEqualTo(TestClock.DEFAULT_START).isEqualTo(second.occurredAt());
  }

  @Test
  void theClockMovesOnlyWhenTheTestMovesIt(TestClock clock) {
    clock.advance(Duration.ofMinutes(5));

    assertThat(EventHeader.create().occurredAt()).isEqualTo(TestClock.DEFAULT_START.plusSeconds(300));
  }

  @Test
  void asyncHandlersUseTheTestsClockAndIdSequence(CapturedEvents events, TestClock clock) {
    InProcessEventDispatcher dispatcher = EventCapture.instrument(InProcessEventDispatcher.builder()).build();
    dispatcher.register(InviteCreated.class, e -> dispatcher.dispatch(new WelcomeMailSent(e.email())));
    clock.advance(Duration.ofHours(1));

    dispatcher.dispatchAsync(new InviteCreated(1, "ada@example.com"));
    WelcomeMailSent mail = events.awaitEvent(WelcomeMailSent.class);
    events.awaitQuiescence();

    assertThat(mail.eventId()).isEqualTo(new UUID(0, 2));
    assertThat(mail.occurredAt()).isEqualTo(TestClock.DEFAULT_START.plusSeconds(3600));
    assertThat(events).event(WelcomeMailSent.class).isCausedBy(InviteCreated.class);
  }

  @Test
  void injectsOneCapturePerTest(CapturedEvents events) {
    assertThat(events).isSameAs(fromBeforeEach);
    assertThat(EventCapture.current()).containsSame(events);
  }

  @Test
  void reportsALeakedCorrelationScope() {
    assertThat(failuresOf(ExtensionFixtures.LeaksACorrelationScope.class))
        .singleElement().asString()
        .contains("DomainEventsExtension found problems at the end of test 'leaks()'")
        .contains("a correlation scope opened in the test is still open");
  }

  @Test
  void reportsALeakedEventDefaultsScope() {
    assertThat(failuresOf(ExtensionFixtures.LeaksAnEventDefaultsScope.class))
        .singleElement().asString()
        .contains("a scope opened in the test is still open")
        .contains("EventDefaults scope");
  }

  @Test
  void reportsUnfinishedAsyncWork() {
    try {
      assertThat(failuresOf(ExtensionFixtures.LeavesAsyncWorkRunning.class))
          .singleElement().asString()
          .contains("the test ended with unfinished asynchronous work")
          .contains("1 asynchronous dispatch(es) were still queued or running")
          .contains("awaitQuiescence()")
          .contains("audit.logged");
    } finally {
      ExtensionFixtures.LeavesAsyncWorkRunning.RELEASE.countDown();
    }
  }

  @Test
  void explainsThatConstructorsCannotReceiveTheCapture() {
    assertThat(failuresOf(ExtensionFixtures.InjectsIntoTheConstructor.class))
        .singleElement().asString()
        .contains("into test methods and @BeforeEach/@AfterEach methods only");
  }

  @Test
  void aWellBehavedTestPasses() {
    assertThat(failuresOf(ExtensionFixtures.Behaves.class)).isEmpty();
  }

  @Test
  void nothingOfTheTestsCaptureLeaksIntoTheNextTestOnThisThread() {
    assertThat(fromBeforeEach).isEmpty();
    EventCapture.recording(e -> { }).dispatch(new AuditLogged("mine"));
    assertThat(fromBeforeEach).hasSize(1);
  }

  /**
   * Runs {@code fixture} with the JUnit launcher on a thread of its own (a leaked scope dies with
   * it) and returns each failure as "display name: message".
   */
  private static List<String> failuresOf(Class<?> fixture) {
    AtomicReference<TestExecutionSummary> summary = new AtomicReference<>();
    Thread runner = new Thread(() -> {
      LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
          .selectors(selectClass(fixture))
          .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
          .build();
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      LauncherFactory.create().execute(request, listener);
      summary.set(listener.getSummary());
    }, "fixture-runner");
    runner.start();
    try {
      runner.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    List<String> failures = new ArrayList<>();
    for (TestExecutionSummary.Failure failure : summary.get().getFailures()) {
      failures.add(failure.getTestIdentifier().getDisplayName() + ": " + failure.getException().getMessage());
    }
    return failures;
  }
}
