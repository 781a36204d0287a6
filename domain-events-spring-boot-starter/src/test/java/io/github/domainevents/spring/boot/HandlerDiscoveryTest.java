package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.spring.boot.Fixtures.InviteCreated;
import io.github.domainevents.spring.boot.Fixtures.Journal;
import io.github.domainevents.spring.boot.Fixtures.MailSent;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

@Timeout(60)
class HandlerDiscoveryTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withPropertyValues("domain-events.no-unit-of-work-policy=run-now")
          .withConfiguration(AutoConfigurations.of(DomainEventsAutoConfiguration.class))
          .withBean(Journal.class)
          .withBean(AtomicInteger.class);

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
  void typedHandlerBeansAreRegisteredForTheirGenericType() {
    runner
        .withUserConfiguration(TypedHandlers.class)
        .run(
            context -> {
              InProcessEventDispatcher dispatcher =
                  context.getBean(InProcessEventDispatcher.class);
              assertThat(dispatcher.handlersFor(InviteCreated.class))
                  .extracting(HandlerInfo::description)
                  .containsExactly("HandlerDiscoveryTest.WelcomeMail");
              assertThat(dispatcher.handlersFor(MailSent.class)).hasSize(1);
              dispatcher.dispatch(new InviteCreated(1));
              dispatcher.dispatch(new MailSent(2));
              assertThat(context.getBean(Journal.class).entries())
                  .containsExactly("welcome 1", "lambda 2");
            });
  }

  @Test
  void annotatedBeansAreRegisteredWithTheirPrioritiesAndPhases() {
    runner
        .withUserConfiguration(AnnotatedHandlers.class)
        .run(
            context -> {
              List<HandlerInfo> plan =
                  context.getBean(InProcessEventDispatcher.class).handlersFor(InviteCreated.class);
              assertThat(plan)
                  .extracting(HandlerInfo::priority, HandlerInfo::phase)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple(5, TransactionPhase.IMMEDIATE),
                      org.assertj.core.groups.Tuple.tuple(0, TransactionPhase.AFTER_COMMIT));
            });
  }

  @Test
  void aTypedHandlerChoosesItsPhaseWithHandleEventOnItsHandleMethod() {
    runner
        .withUserConfiguration(PhasedTypedHandler.class)
        .run(
            context ->
                assertThat(
                        context.getBean(InProcessEventDispatcher.class)
                            .handlersFor(InviteCreated.class))
                    .singleElement()
                    .extracting(HandlerInfo::phase)
                    .isEqualTo(TransactionPhase.AFTER_COMMIT));
  }

  @Test
  void springOrderBecomesTheNegatedPriority() {
    runner
        .withUserConfiguration(OrderedHandlers.class)
        .run(
            context -> {
              InProcessEventDispatcher dispatcher =
                  context.getBean(InProcessEventDispatcher.class);
              assertThat(dispatcher.handlersFor(InviteCreated.class))
                  .extracting(HandlerInfo::priority)
                  .containsExactly(Integer.MAX_VALUE, 3, 0, -7);
              dispatcher.dispatch(new InviteCreated(1));
              assertThat(context.getBean(Journal.class).entries())
                  .containsExactly("highest", "order -3", "unordered", "order 7");
            });
    assertThat(HandlerBeanRegistrar.priorityOf(Ordered.LOWEST_PRECEDENCE))
        .isEqualTo(-Integer.MAX_VALUE);
  }

  @Test
  void handlersBehindClassBasedProxiesAreRegisteredAndCalledThroughTheProxy() {
    runner
        .withUserConfiguration(TypedHandlers.class, AnnotatedHandlers.class)
        .withBean(CountingProxies.class, () -> new CountingProxies(true))
        .run(
            context -> {
              InProcessEventDispatcher dispatcher =
                  context.getBean(InProcessEventDispatcher.class);
              assertThat(dispatcher.handlersFor(InviteCreated.class)).hasSize(3);
              dispatcher.dispatch(new InviteCreated(1));
              assertThat(context.getBean(Journal.class).entries())
                  .containsExactly("cache 1", "welcome 1", "team 1");
              assertThat(context.getBean(AtomicInteger.class)).hasValue(3);
            });
  }

  @Test
  void typedHandlersBehindJdkProxiesAreRegisteredForTheTargetsType() {
    runner
        .withUserConfiguration(TypedHandlers.class)
        .withBean(CountingProxies.class, () -> new CountingProxies(false))
        .run(
            context -> {
              InProcessEventDispatcher dispatcher =
                  context.getBean(InProcessEventDispatcher.class);
              dispatcher.dispatch(new InviteCreated(1));
              assertThat(context.getBean(Journal.class).entries()).containsExactly("welcome 1");
              assertThat(context.getBean(AtomicInteger.class)).hasValue(1);
            });
  }

  @Test
  void annotatedMethodsHiddenBehindAJdkProxyFailStartup() {
    runner
        .withUserConfiguration(AnnotatedHandlers.class)
        .withBean(CountingProxies.class, () -> new CountingProxies(false))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasMessageContaining("handler bean 'inviteHandlers'")
                    .hasMessageContaining("[notifyTeam, warmCache]")
                    .hasMessageContaining("JDK dynamic proxy"));
  }

  @Test
  void anInvalidHandlerMethodFailsStartupNamingTheBeanAndTheMethod() {
    runner
        .withUserConfiguration(InvalidHandler.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasMessageContaining("handler bean 'invalid'")
                    .hasMessageContaining("tooManyParameters"));
  }

  @Test
  void aHandlerWhoseEventTypeCannotBeResolvedFailsStartupNamingTheBean() {
    runner
        .withUserConfiguration(UntypedHandler.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasMessageContaining("handler bean 'untyped'")
                    .hasMessageContaining("cannot tell which event type"));
  }

  @Test
  void anOrderOnAnAnnotatedBeanFailsStartupAsAmbiguous() {
    runner
        .withUserConfiguration(OrderedAnnotatedHandler.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasMessageContaining("handler bean 'orderedAnnotated'")
                    .hasMessageContaining("@HandleEvent(priority = ...)"));
  }

  /** Sends the welcome mail. */
  static class WelcomeMail implements DomainEventHandler<InviteCreated> {
    private final Journal journal;

    WelcomeMail(Journal journal) {
      this.journal = journal;
    }

    @Override
    public void handle(InviteCreated event) {
      journal.add("welcome " + event.inviteId());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TypedHandlers {
    @Bean
    WelcomeMail welcomeMail(Journal journal) {
      return new WelcomeMail(journal);
    }

    @Bean
    DomainEventHandler<MailSent> mailSentLambda(Journal journal) {
      return event -> journal.add("lambda " + event.inviteId());
    }
  }

  /** Two methods, one immediate with a priority, one after commit. */
  static class InviteHandlers {
    private final Journal journal;

    InviteHandlers(Journal journal) {
      this.journal = journal;
    }

    @HandleEvent(priority = 5)
    public void warmCache(InviteCreated event) {
      journal.add("cache " + event.inviteId());
    }

    @HandleEvent(phase = TransactionPhase.AFTER_COMMIT)
    public void notifyTeam(InviteCreated event) {
      journal.add("team " + event.inviteId());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class AnnotatedHandlers {
    @Bean
    InviteHandlers inviteHandlers(Journal journal) {
      return new InviteHandlers(journal);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class PhasedTypedHandler {
    @Bean
    DomainEventHandler<InviteCreated> phased() {
      return new DomainEventHandler<InviteCreated>() {
        @Override
        @HandleEvent(phase = TransactionPhase.AFTER_COMMIT)
        public void handle(InviteCreated event) {}
      };
    }
  }

  /** A handler with a Spring order. */
  @Order(7)
  static class OrderSeven implements DomainEventHandler<InviteCreated> {
    private final Journal journal;

    OrderSeven(Journal journal) {
      this.journal = journal;
    }

    @Override
    public void handle(InviteCreated event) {
      journal.add("order 7");
    }
  }

  /** A handler ordered through the interface. */
  static class OrderMinusThree implements DomainEventHandler<InviteCreated>, Ordered {
    private final Journal journal;

    OrderMinusThree(Journal journal) {
      this.journal = journal;
    }

    @Override
    public void handle(InviteCreated event) {
      journal.add("order -3");
    }

    @Override
    public int getOrder() {
      return -3;
    }
  }

  /** The highest precedence Spring has. */
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Highest implements DomainEventHandler<InviteCreated> {
    private final Journal journal;

    Highest(Journal journal) {
      this.journal = journal;
    }

    @Override
    public void handle(InviteCreated event) {
      journal.add("highest");
    }
  }

  /** No order at all. */
  static class Unordered implements DomainEventHandler<InviteCreated> {
    private final Journal journal;

    Unordered(Journal journal) {
      this.journal = journal;
    }

    @Override
    public void handle(InviteCreated event) {
      journal.add("unordered");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OrderedHandlers {
    @Bean
    OrderSeven orderSeven(Journal journal) {
      return new OrderSeven(journal);
    }

    @Bean
    Unordered unordered(Journal journal) {
      return new Unordered(journal);
    }

    @Bean
    OrderMinusThree orderMinusThree(Journal journal) {
      return new OrderMinusThree(journal);
    }

    @Bean
    Highest highest(Journal journal) {
      return new Highest(journal);
    }
  }

  /** Wraps handler beans in counting AOP proxies, class-based or JDK. */
  static final class CountingProxies implements BeanPostProcessor {
    private final boolean classBased;
    private AtomicInteger calls = new AtomicInteger();

    CountingProxies(boolean classBased) {
      this.classBased = classBased;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
      if (bean instanceof AtomicInteger counter) {
        calls = counter;
        return bean;
      }
      if (!(bean instanceof WelcomeMail) && !(bean instanceof InviteHandlers)) {
        return bean;
      }
      ProxyFactory factory = new ProxyFactory(bean);
      factory.setProxyTargetClass(classBased);
      if (!classBased) {
        factory.setInterfaces(bean.getClass().getInterfaces());
        if (bean.getClass().getInterfaces().length == 0) {
          factory.addInterface(Marker.class);
        }
      }
      factory.addAdvice(
          (MethodInterceptor)
              invocation -> {
                if (!invocation.getMethod().getName().equals("toString")) {
                  calls.incrementAndGet();
                }
                return invocation.proceed();
              });
      return factory.getProxy();
    }
  }

  /** Gives a JDK proxy an interface to implement. */
  interface Marker {}

  /** Takes two parameters. */
  static class TooManyParameters {
    @HandleEvent
    public void tooManyParameters(InviteCreated event, String extra) {}
  }

  @Configuration(proxyBeanMethods = false)
  static class InvalidHandler {
    @Bean
    TooManyParameters invalid() {
      return new TooManyParameters();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UntypedHandler {
    @Bean
    Object untyped() {
      return (DomainEventHandler<InviteCreated>) event -> {};
    }
  }

  /** Ambiguous: an order and @HandleEvent priorities. */
  @Order(1)
  static class OrderedAnnotated {
    @HandleEvent
    public void on(InviteCreated event) {}
  }

  @Configuration(proxyBeanMethods = false)
  static class OrderedAnnotatedHandler {
    @Bean
    OrderedAnnotated orderedAnnotated() {
      return new OrderedAnnotated();
    }
  }
}
