package io.github.domainevents.springtest.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs this package's {@code @SpringBootTest} classes again, with JUnit's parallel execution (4
 * threads, classes and methods concurrent), in this JVM: the three classes meet at start (so they
 * do run at the same time), share one cached application context, and every test passes, so no
 * test saw another's events, ids or clock. Without the kit's capture by causal scope (a recorder
 * bean, or capture by thread), the counts and causal trees of these tests fail.
 */
@Timeout(120)
class ParallelSpringTestsTest {

  @Test
  void theKitsSpringTestsPassWhenRunInParallelOnOneSharedContext() {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(
                selectClass(CommittedInvitesTest.class),
                selectClass(RolledBackInvitesTest.class),
                selectClass(SpringPathsTest.class))
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
            .configurationParameter(
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.max-pool-size", "8")
            .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();

    SharedRun.expectClassesAtOnce(3);
    try {
      LauncherFactory.create().execute(request, listener);
    } finally {
      SharedRun.endParallelRun();
    }

    TestExecutionSummary summary = listener.getSummary();
    StringWriter failures = new StringWriter();
    summary.printFailuresTo(new PrintWriter(failures), 40);
    assertThat(summary.getTotalFailureCount()).as(failures.toString()).isZero();
    assertThat(summary.getContainersFailedCount()).as(failures.toString()).isZero();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(34);
    assertThat(SharedRun.contexts()).hasSize(1);
  }
}
