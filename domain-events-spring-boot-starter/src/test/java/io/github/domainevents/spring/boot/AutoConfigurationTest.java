package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DispatchDepthExceededException;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.NoUnitOfWorkPolicy;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.UnitOfWorkSupport;
import io.github.domainevents.spring.boot.Fixtures.InviteCreated;
import io.github.domainevents.spring.boot.Fixtures.Journal;
import io.github.domainevents.spring.boot.Fixtures.LogCapture;
import io.github.domainevents.spring.boot.Fixtures.MailSent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.ApplicationContextAssert.Scope;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Timeout(60)
class AutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withPropertyValues("spring.datasource.generate-unique-name=true")
          .withConfiguration(AutoConfigurations.of(DomainEventsAutoConfiguration.class))
          .withBean(Journal.class);

  /** Spring's warning about each context that fails to start, as some tests want. */
  private Fixtures.LogCapture contextLog;

  @org.junit.jupiter.api.BeforeEach
  void captureContextFailures() {
    contextLog = new Fixtures.LogCapture(Fixtures.CONTEXT_LOGGER);
  }

  @org.junit.jupiter.api.AfterEach
  void releaseContextLog() {
    contextLog.close();
  }

  @Test
  void aDispatcherWithTheLibraryDefaultsIsDefinedAndClosedWithTheContext() {
    InProcessEventDispatcher[] seen = new InProcessEventDispatcher[1];
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(InProcessEventDispatcher.class);
          InProcessEventDispatcher dispatcher = context.getBean(InProcessEventDispatcher.class);
          assertThat(dispatcher.toString())
              .isEqualTo(new InProcessEventDispatcher().toString())
              .contains("FAIL_FAST", "maxDepth=64");
          DomainEventsProperties properties = context.getBean(DomainEventsProperties.class);
          assertThat(properties.getErrorPolicy()).isEqualTo(ErrorPolicy.FAIL_FAST);
          assertThat(properties.getNoUnitOfWorkPolicy()).isEqualTo(NoUnitOfWorkPolicy.FAIL);
          assertThat(properties.getCloseTimeout()).isEqualTo(Duration.ofSeconds(30));
          assertThat(properties.getAsyncExecutor())
              .isEqualTo(DomainEventsProperties.AsyncExecutor.APPLICATION);
          seen[0] = dispatcher;
          assertThat(dispatcher.isClosed()).isFalse();
        });
    assertThat(seen[0].isClosed()).isTrue();
  }

  @Test
  void errorPolicyAndMaxDepthComeFromProperties() {
    runner
        .withPropertyValues(
            "domain-events.error-policy=run-all-then-throw", "domain-events.max-depth=2")
        .withUserConfiguration(FailingAndLoopingHandlers.class)
        .run(
            context -> {
              InProcessEventDispatcher dispatcher =
                  context.getBean(InProcessEventDispatcher.class);
              Journal journal = context.getBean(Journal.class);
              assertThat(dispatcher.toString()).contains("RUN_ALL_THEN_THROW", "maxDepth=2");
              // run-all: the second handler runs although the first failed
              assertThatThrownBy(() -> dispatcher.dispatch(new InviteCreated(1)))
                  .isInstanceOf(EventDispatchException.class);
              assertThat(journal.entries()).contains("after failure");
              // depth 2: MailSent -> MailSent -> MailSent is too deep
              assertThatThrownBy(() -> dispatcher.dispatch(new MailSent(1)))
                  .hasStackTraceContaining(DispatchDepthExceededException.class.getName())
                  .hasStackTraceContaining("deeper than the limit of 2");
            });
  }

  @Test
  void invalidPropertiesFailStartupNamingThem() {
    runner
        .withPropertyValues("domain-events.max-depth=0")
        .run(context -> assertThat(context).getFailure().hasStackTraceContaining("maxDepth"));
    runner
        .withPropertyValues("domain-events.close-timeout=-1s")
        .run(context -> assertThat(context).getFailure().hasStackTraceContaining("closeTimeout"));
  }

  @Test
  void noUnitOfWorkPolicyComesFromProperties() {
    runner
        .withUserConfiguration(AfterCommitHandler.class)
        .withPropertyValues("domain-events.no-unit-of-work-policy=run-now")
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class))
        .run(
            context -> {
              context.getBean(InProcessEventDispatcher.class).dispatch(new InviteCreated(7));
              assertThat(context.getBean(Journal.class).entries()).containsExactly("mail 7");
            });
    runner
        .withUserConfiguration(AfterCommitHandler.class)
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class))
        .run(
            context ->
                assertThatThrownBy(
                        () ->
                            context
                                .getBean(InProcessEventDispatcher.class)
                                .dispatch(new InviteCreated(7)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("AFTER_COMMIT".toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ')));
  }

  @Test
  @Timeout(20)
  void closeTimeoutBoundsTheWaitForAsyncDispatchesAtShutdown() throws Exception {
    Latches latches = new Latches();
    try (LogCapture log = new LogCapture(InProcessEventDispatcher.class)) {
      runner
          .withPropertyValues("domain-events.close-timeout=200ms")
          .withBean(Latches.class, () -> latches)
          .withUserConfiguration(BlockingHandler.class)
          .run(
              context -> {
                context.getBean(InProcessEventDispatcher.class)
                    .dispatchAsync(new InviteCreated(1));
                assertThat(latches.started.await(10, TimeUnit.SECONDS)).isTrue();
              });
      // the context closed although the handler still blocks: close waited 200 ms, not 30 s
      assertThat(latches.release.getCount()).isEqualTo(1);
      assertThat(log.messages(Level.WARNING))
          .singleElement()
          .asString()
          .contains("did not finish within PT0.2S", "invite.created");
    } finally {
      latches.release.countDown();
    }
  }

  @Test
  void asyncDispatchesRunOnTheApplicationTaskExecutor() throws Exception {
    runner
        .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
        .withUserConfiguration(ThreadRecordingHandler.class)
        .run(
            context -> {
              context.getBean(InProcessEventDispatcher.class)
                  .dispatchAsync(new InviteCreated(1)).get(10, TimeUnit.SECONDS);
              assertThat(context.getBean(Journal.class).entries())
                  .singleElement().asString().startsWith("task-");
            });
  }

  @Test
  void shutdownWaitsForPendingAsyncDispatchesBeforeTheApplicationExecutorStops() {
    Latches latches = new Latches();
    Journal journal = new Journal();
    runner
        .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
        .withBean(Latches.class, () -> latches)
        .withBean("closeJournal", Journal.class, () -> journal)
        .withUserConfiguration(ReleasedOnClose.class)
        .run(
            context -> {
              context.getBean(InProcessEventDispatcher.class).dispatchAsync(new InviteCreated(1));
              assertThat(latches.started.await(10, TimeUnit.SECONDS)).isTrue();
            });
    // the handler was released by the context closing, and close() waited for it to finish
    assertThat(journal.entries()).containsExactly("finished on task-1");
  }

  @Test
  void dispatcherExecutorChoiceKeepsTheDispatchersOwnPool() throws Exception {
    runner
        .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
        .withPropertyValues("domain-events.async-executor=dispatcher")
        .withUserConfiguration(ThreadRecordingHandler.class)
        .run(
            context -> {
              context.getBean(InProcessEventDispatcher.class)
                  .dispatchAsync(new InviteCreated(1)).get(10, TimeUnit.SECONDS);
              assertThat(context.getBean(Journal.class).entries())
                  .singleElement().asString().doesNotStartWith("task-");
            });
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void asyncDispatchesRunOnVirtualThreadsWhenBootIsConfiguredForThem() throws Exception {
    runner
        .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
        .withPropertyValues("spring.threads.virtual.enabled=true")
        .withUserConfiguration(ThreadRecordingHandler.class)
        .run(
            context -> {
              context.getBean(InProcessEventDispatcher.class)
                  .dispatchAsync(new InviteCreated(1)).get(10, TimeUnit.SECONDS);
              assertThat(context.getBean(Journal.class).entries()).containsExactly("virtual");
            });
  }

  @Test
  void aUsersOwnDispatcherWinsAndStillGetsTheHandlerBeans() {
    runner
        .withUserConfiguration(OwnDispatcher.class, ImmediateHandlers.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(InProcessEventDispatcher.class);
              assertThat(context).doesNotHaveBean(DispatcherLifecycle.class);
              InProcessEventDispatcher dispatcher =
                  context.getBean(InProcessEventDispatcher.class);
              assertThat(dispatcher).isSameAs(context.getBean(OwnDispatcher.class).dispatcher);
              dispatcher.dispatch(new InviteCreated(3));
              assertThat(context.getBean(Journal.class).entries()).containsExactly("immediate 3");
            });
  }

  @Test
  void customizersApplyWhatPropertiesCannotExpress() {
    runner
        .withUserConfiguration(DeadEventCustomizer.class)
        .run(
            context -> {
              context.getBean(InProcessEventDispatcher.class).dispatch(new MailSent(4));
              assertThat(context.getBean(Journal.class).entries()).containsExactly("dead fixture.mail.sent");
            });
  }

  @Test
  void springTransactionsAreTheUnitsOfWorkWhenSpringTxIsPresent() {
    runner.run(
        context ->
            assertThat(context.getBean(UnitOfWorkSupport.class))
                .isInstanceOf(SpringTransactionUnitOfWorkSupport.class));
  }

  @Test
  void withoutSpringTxTheLibrarysOwnUnitsOfWorkAreUsed() {
    runner
        .withClassLoader(new FilteredClassLoader(TransactionSynchronizationManager.class))
        .withUserConfiguration(AfterCommitHandler.class)
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(UnitOfWorkSupport.class);
              InProcessEventDispatcher dispatcher =
                  context.getBean(InProcessEventDispatcher.class);
              try (UnitOfWork unit = UnitOfWork.begin()) {
                dispatcher.dispatch(new InviteCreated(5));
                assertThat(context.getBean(Journal.class).entries()).isEmpty();
                unit.commit();
              }
              assertThat(context.getBean(Journal.class).entries()).containsExactly("mail 5");
            });
  }

  @Test
  void phaseBoundHandlersWithoutATransactionManagerFailStartup() {
    runner
        .withUserConfiguration(AfterCommitHandler.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("[afterCommitHandler.mail]")
                    .hasMessageContaining("no transaction manager bean")
                    .hasMessageContaining("domain-events.no-unit-of-work-policy"));
  }

  @Test
  void phaseBoundHandlersWithoutATransactionManagerWarnWhenThePolicySaysSo() {
    try (LogCapture log = new LogCapture(HandlerBeanRegistrar.class)) {
      runner
          .withUserConfiguration(AfterCommitHandler.class)
          .withPropertyValues("domain-events.no-unit-of-work-policy=run-now-with-warning")
          .run(context -> assertThat(context).hasNotFailed());
      assertThat(log.messages(Level.WARNING))
          .singleElement()
          .asString()
          .contains("[afterCommitHandler.mail]", "no transaction manager bean");
    }
    try (LogCapture log = new LogCapture(HandlerBeanRegistrar.class)) {
      runner
          .withUserConfiguration(AfterCommitHandler.class)
          .withPropertyValues("domain-events.no-unit-of-work-policy=run-now")
          .run(context -> assertThat(context).hasNotFailed());
      assertThat(log.messages(Level.WARNING)).isEmpty();
    }
  }

  @Test
  void phaseBoundHandlersStartWithATransactionManager() {
    runner
        .withUserConfiguration(AfterCommitHandler.class)
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void domainEventsPublishedThroughSpringReachTheHandlersOnce() {
    runner
        .withUserConfiguration(ImmediateHandlers.class)
        .run(
            context -> {
              ((ApplicationEventPublisher) context).publishEvent(new InviteCreated(8));
              assertThat(context.getBean(Journal.class).entries()).containsExactly("immediate 8");
            });
  }

  @Test
  void aChildContextsDomainEventsReachTheHandlersOnce() {
    runner
        .withUserConfiguration(ImmediateHandlers.class)
        .run(
            parent -> {
              List<String> childFailures = new ArrayList<>();
              new ApplicationContextRunner()
                  .withParent(parent)
                  .withConfiguration(AutoConfigurations.of(DomainEventsAutoConfiguration.class))
                  .run(
                      child -> {
                        if (child.getStartupFailure() != null) {
                          childFailures.add(child.getStartupFailure().toString());
                        }
                        assertThat(child)
                            .doesNotHaveBean(SpringEventBridge.class, Scope.NO_ANCESTORS)
                            .doesNotHaveBean(InProcessEventDispatcher.class, Scope.NO_ANCESTORS);
                        child.publishEvent(new InviteCreated(9));
                      });
              assertThat(childFailures).isEmpty();
              assertThat(parent.getBean(Journal.class).entries()).containsExactly("immediate 9");
            });
  }

  @Test
  void springEventsCanBeTurnedOff() {
    runner
        .withUserConfiguration(ImmediateHandlers.class)
        .withPropertyValues("domain-events.spring-events=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(SpringEventBridge.class);
              context.publishEvent(new InviteCreated(8));
              assertThat(context.getBean(Journal.class).entries()).isEmpty();
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class FailingAndLoopingHandlers {
    @Bean
    Object failingAndLooping(Journal journal, GenericApplicationContext context) {
      return new Object() {
        @HandleEvent(priority = 1)
        public void fail(InviteCreated event) {
          throw new IllegalStateException("boom (expected by the test)");
        }

        @HandleEvent
        public void afterFailure(InviteCreated event) {
          journal.add("after failure");
        }

        @HandleEvent
        public void loop(MailSent event) {
          context.getBean(InProcessEventDispatcher.class).dispatch(new MailSent(event.inviteId()));
        }
      };
    }
  }

  /** A handler that blocks until released. */
  static final class Latches {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
  }

  @Configuration(proxyBeanMethods = false)
  static class BlockingHandler {
    @Bean
    io.github.domainevents.DomainEventHandler<InviteCreated> blocking(Latches latches) {
      return event -> {
        latches.started.countDown();
        latches.release.await(30, TimeUnit.SECONDS);
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class ReleasedOnClose {
    @Bean
    io.github.domainevents.DomainEventHandler<InviteCreated> releasedOnClose(
        Latches latches, @org.springframework.beans.factory.annotation.Qualifier("closeJournal")
            Journal closeJournal) {
      return event -> {
        latches.started.countDown();
        assertThat(latches.release.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100); // shutdown has moved on meanwhile: close() must still wait
        closeJournal.add("finished on " + Thread.currentThread().getName());
      };
    }

    @Bean
    org.springframework.context.ApplicationListener<
            org.springframework.context.event.ContextClosedEvent>
        releaseOnClose(Latches latches) {
      return event -> latches.release.countDown();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class AfterCommitHandler {
    @Bean
    Mailer afterCommitHandler(Journal journal) {
      return new Mailer(journal);
    }
  }

  /** Sends the mail after commit. */
  static final class Mailer {
    private final Journal journal;

    Mailer(Journal journal) {
      this.journal = journal;
    }

    @HandleEvent(phase = TransactionPhase.AFTER_COMMIT)
    public void mail(InviteCreated event) {
      journal.add("mail " + event.inviteId());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class ImmediateHandlers {
    @Bean
    io.github.domainevents.DomainEventHandler<InviteCreated> immediate(Journal journal) {
      return event -> journal.add("immediate " + event.inviteId());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class ThreadRecordingHandler {
    @Bean
    io.github.domainevents.DomainEventHandler<InviteCreated> threadRecorder(Journal journal) {
      return event -> journal.add(isVirtual() ? "virtual" : Thread.currentThread().getName());
    }

    private static boolean isVirtual() throws ReflectiveOperationException {
      if (Runtime.version().feature() < 21) {
        return false;
      }
      return (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnDispatcher {
    final InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder().build();

    @Bean
    InProcessEventDispatcher myDispatcher() {
      return dispatcher;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class DeadEventCustomizer {
    @Bean
    DomainEventDispatcherCustomizer deadEvents(Journal journal) {
      return builder ->
          builder.deadEventHandler(event -> journal.add("dead " + eventTypeName(event)));
    }

    private static String eventTypeName(io.github.domainevents.DomainEvent event) {
      return event.getClass().getAnnotation(io.github.domainevents.EventType.class).value();
    }
  }
}
