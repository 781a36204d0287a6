package io.github.domainevents.springtest.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.test.TestTimeouts;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;

/**
 * What the test classes of this package share across a run: invite ids unique in the JVM (the
 * invite table's primary key), the application contexts they were given, and the meeting point
 * that {@link ParallelSpringTestsTest} sets to prove that the classes ran at the same time.
 */
final class SharedRun {
  private static final AtomicLong INVITE_IDS = new AtomicLong();
  private static final Set<ApplicationContext> CONTEXTS =
      Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
  private static volatile @Nullable CountDownLatch meeting;

  private SharedRun() {}

  /** An invite id no other test of the JVM uses. */
  static long nextInviteId() {
    return INVITE_IDS.incrementAndGet();
  }

  static void usedContext(ApplicationContext context) {
    CONTEXTS.add(context);
  }

  static Set<ApplicationContext> contexts() {
    synchronized (CONTEXTS) {
      return Set.copyOf(CONTEXTS);
    }
  }

  /** Starts a parallel run: forgets the contexts seen, and makes {@code classes} meet. */
  static void expectClassesAtOnce(int classes) {
    CONTEXTS.clear();
    meeting = new CountDownLatch(classes);
  }

  static void endParallelRun() {
    meeting = null;
  }

  /**
   * In a parallel run, waits until every test class of it has started (each calls this once
   * from {@code @BeforeAll}); outside one, returns at once.
   */
  static void meetTheOtherClasses(String who) throws InterruptedException {
    CountDownLatch latch = meeting;
    if (latch == null) {
      return;
    }
    latch.countDown();
    Duration timeout = TestTimeouts.scale(Duration.ofSeconds(30));
    assertThat(latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS))
        .as("%s waited %s for the other test classes to start: they did not run at the same time",
            who, timeout)
        .isTrue();
  }
}
