package io.github.domainevents.spring.boot;

import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.test.EventCapture;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Connects the auto-configured dispatcher to the test kit when {@code domain-events-test} is on
 * the class path, which in an application means: in its tests. Then a {@code @SpringBootTest}
 * with {@code DomainEventsExtension} captures the events each test causes, with no wiring.
 *
 * <p>The kit's captures are keyed by the causal scope of each test, not by a bean, so one
 * connected dispatcher serves every test sharing a cached application context, also tests
 * running in parallel. Outside a capture the connection only forwards (the interceptor calls the
 * handler, the executor runs the task, a dead event is logged as a warning, as without the kit).
 *
 * <p>Why here and not in the kit: the starter already adapts its dispatcher to optional libraries
 * found on the class path (domain-events-jackson); the executor to track is chosen here, from the
 * properties, and the kit would have to repeat that choice; and the kit stays free of Spring.
 * The dependency is optional, so applications never get the kit from the starter.
 */
@AutoConfiguration(after = DomainEventsAutoConfiguration.class)
@ConditionalOnClass(name = "io.github.domainevents.test.EventCapture")
class DomainEventsTestKitAutoConfiguration {

  @Bean
  DomainEventDispatcherCustomizer domainEventTestKitCustomizer(
      ObjectProvider<DomainEventsProperties> properties, BeanFactory beanFactory) {
    return new TestKitCustomizer(properties.getIfAvailable(DomainEventsProperties::new), beanFactory);
  }

  /**
   * Records dead events in the current capture also when the observability configuration
   * combines dead-event observers (counters, the trace) into the dispatcher's dead-event handler,
   * which replaces the kit's own. Outside any capture it reports nothing, so the warning is
   * logged as usual.
   */
  @Bean
  DeadEventObserver domainEventTestKitDeadEvents() {
    return event -> {
      boolean[] outsideCapture = {false};
      EventCapture.deadEvents(outside -> outsideCapture[0] = true).handle(event);
      return !outsideCapture[0];
    };
  }

  /**
   * Adds the kit's interceptor (first, so that it is outermost), its dead-event handler and its
   * executor tracking. Applied before the application's customizers: one that sets its own
   * dead-event handler or executor replaces the kit's, and then dead events, or the queued tasks
   * of that executor, are not seen by the kit.
   */
  static final class TestKitCustomizer implements DomainEventDispatcherCustomizer, Ordered {
    private final DomainEventsProperties properties;
    private final BeanFactory beanFactory;

    TestKitCustomizer(DomainEventsProperties properties, BeanFactory beanFactory) {
      this.properties = properties;
      this.beanFactory = beanFactory;
    }

    @Override
    public void customize(InProcessEventDispatcher.Builder builder) {
      EventCapture.instrument(builder); // interceptor, dead events, the kit's tracked pool
      Executor application =
          DomainEventsAutoConfiguration.DispatcherConfiguration.applicationExecutor(
              properties, beanFactory);
      if (application != null) {
        builder.executor(EventCapture.executor(application)); // the same threads, now tracked
      }
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public String toString() {
      return "the domain-events test kit's capture";
    }
  }
}
