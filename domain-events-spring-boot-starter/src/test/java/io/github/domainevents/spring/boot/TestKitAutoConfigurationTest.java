package io.github.domainevents.spring.boot;

import static io.github.domainevents.test.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.spring.boot.Fixtures.InviteCreated;
import io.github.domainevents.spring.boot.Fixtures.Journal;
import io.github.domainevents.spring.boot.Fixtures.LogCapture;
import io.github.domainevents.spring.boot.Fixtures.MailSent;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.EventCapture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With domain-events-test on the class path, the auto-configured dispatcher reports to the kit. */
@Timeout(60)
class TestKitAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DomainEventsAutoConfiguration.class, DomainEventsTestKitAutoConfiguration.class))
          .withBean(Journal.class)
          .withUserConfiguration(Handlers.class);

  @Test
  void theDispatcherReportsHandledNestedAndDeadEventsToTheCapture() {
    runner.run(context -> {
      InProcessEventDispatcher dispatcher = context.getBean(InProcessEventDispatcher.class);
      try (CapturedEvents events = EventCapture.open()) {
        dispatcher.dispatch(new InviteCreated(1));

        assertThat(events)
            .hasCausalTree("""
                fixture.invite.created
                  fixture.mail.sent
                """)
            .event(MailSent.class) // no handler: recorded as a dead event
            .isCausedBy(InviteCreated.class);
      }
    });
  }

  @Test
  void withoutTheKitOnTheClassPathTheDispatcherIsLeftAsItIs() {
    runner
        .withClassLoader(new FilteredClassLoader(EventCapture.class))
        .run(context -> {
          assertThat(context).doesNotHaveBean(DomainEventDispatcherCustomizer.class);
          try (LogCapture log = new LogCapture(InProcessEventDispatcher.class);
              CapturedEvents events = EventCapture.open()) {
            context.getBean(InProcessEventDispatcher.class).dispatch(new InviteCreated(1));

            assertThat(events).isEmpty();
            assertThat(log.messages(Level.WARNING)).singleElement().asString()
                .contains("fixture.mail.sent"); // the dispatcher's own dead-event warning
          }
        });
  }

  @Test
  void aDispatchQueuedOnTheApplicationExecutorIsPendingWorkOfItsCapture() {
    runner
        .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
        .withPropertyValues(
            "spring.task.execution.pool.core-size=1", "spring.task.execution.pool.max-size=1")
        .run(context -> {
          InProcessEventDispatcher dispatcher = context.getBean(InProcessEventDispatcher.class);
          Executor applicationExecutor =
              context.getBean(DomainEventsAutoConfiguration.APPLICATION_TASK_EXECUTOR, Executor.class);
          CountDownLatch busy = new CountDownLatch(1);
          CountDownLatch release = new CountDownLatch(1);
          applicationExecutor.execute(() -> { // occupies the executor's only thread
            busy.countDown();
            awaitQuietly(release);
          });
          assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();
          try (CapturedEvents events = EventCapture.open()) {
            dispatcher.dispatchAsync(new InviteCreated(1));

            // queued behind the blocker: no handler has started, yet the capture knows of it
            assertThat(events.isQuiescent()).isFalse();
            assertThat(events).isEmpty();

            release.countDown();
            events.awaitQuiescence();
            assertThat(events).hasExactly(1, InviteCreated.class).hasExactly(1, MailSent.class);
            assertThat(context.getBean(Journal.class).entries()).containsExactly("task-1");
          } finally {
            release.countDown();
          }
        });
  }

  @Test
  void theKitsInterceptorIsOutermostSoAnApplicationInterceptorCannotHideAnEvent() {
    runner
        .withBean(DomainEventDispatcherCustomizer.class, () -> builder -> builder.interceptor(
            (event, handler, next) -> { })) // never calls the handler
        .run(context -> {
          try (CapturedEvents events = EventCapture.open()) {
            context.getBean(InProcessEventDispatcher.class).dispatch(new InviteCreated(1));

            assertThat(events).hasSize(1).hasExactly(1, InviteCreated.class);
            assertThat(context.getBean(Journal.class).entries()).isEmpty();
          }
        });
  }

  @Test
  void theDispatchersOwnPoolChoiceRunsOnTheKitsTrackedPool() {
    runner
        .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
        .withPropertyValues("domain-events.async-executor=dispatcher")
        .run(context -> {
          try (CapturedEvents events = EventCapture.open()) {
            context.getBean(InProcessEventDispatcher.class).dispatchAsync(new InviteCreated(1));

            events.awaitQuiescence();
            assertThat(events).hasExactly(1, MailSent.class);
            assertThat(context.getBean(Journal.class).entries())
                .singleElement().asString().startsWith("domain-events-test-");
          }
        });
  }

  @Test
  void anApplicationsOwnDispatcherIsNotConnected() {
    runner
        .withBean("myDispatcher", InProcessEventDispatcher.class,
            () -> InProcessEventDispatcher.builder().build())
        .run(context -> {
          try (LogCapture log = new LogCapture(InProcessEventDispatcher.class);
              CapturedEvents events = EventCapture.open()) {
            context.getBean(InProcessEventDispatcher.class).dispatch(new InviteCreated(1));

            assertThat(events).isEmpty(); // documented: build your own with EventCapture.instrument
            assertThat(context.getBean(Journal.class).entries()).hasSize(1);
            assertThat(log.messages(Level.WARNING)).hasSize(1);
          }
        });
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records the thread of each invite and dispatches a mail nobody handles. */
  @Configuration(proxyBeanMethods = false)
  static class Handlers {
    @Bean
    DomainEventHandler<InviteCreated> mailer(Journal journal, InProcessEventDispatcher dispatcher) {
      return invite -> {
        journal.add(Thread.currentThread().getName());
        dispatcher.dispatch(new MailSent(invite.inviteId()));
      };
    }
  }
}
