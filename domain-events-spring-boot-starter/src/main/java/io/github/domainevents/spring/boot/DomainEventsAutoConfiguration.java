package io.github.domainevents.spring.boot;

import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.UnitOfWorkSupport;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures domain events: the dispatcher, handler discovery, Spring transactions as units
 * of work, and the bridge from Spring's event publisher.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
      "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"
    })
@EnableConfigurationProperties(DomainEventsProperties.class)
class DomainEventsAutoConfiguration {
  /** The name of Boot's application task executor bean. */
  static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

  @Bean
  static HandlerBeanRegistrar domainEventHandlerBeanRegistrar(
      ConfigurableListableBeanFactory beanFactory, DomainEventsProperties properties) {
    return new HandlerBeanRegistrar(beanFactory, properties);
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "domain-events",
      name = "spring-events",
      havingValue = "true",
      matchIfMissing = true)
  @ConditionalOnMissingBean(SpringEventBridge.class)
  SpringEventBridge domainEventSpringEventBridge(
      ObjectProvider<InProcessEventDispatcher> dispatcher) {
    return new SpringEventBridge(dispatcher);
  }

  /** The dispatcher, unless the application defines its own. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(InProcessEventDispatcher.class)
  static class DispatcherConfiguration {

    @Bean(destroyMethod = "") // closed by DispatcherLifecycle
    InProcessEventDispatcher domainEventDispatcher(
        DomainEventsProperties properties,
        ObjectProvider<UnitOfWorkSupport> unitOfWorkSupport,
        BeanFactory beanFactory,
        ObjectProvider<DomainEventDispatcherCustomizer> customizers) {
      InProcessEventDispatcher.Builder builder =
          InProcessEventDispatcher.builder()
              .errorPolicy(properties.getErrorPolicy())
              .maxDepth(properties.getMaxDepth())
              .noUnitOfWorkPolicy(properties.getNoUnitOfWorkPolicy())
              .closeTimeout(properties.getCloseTimeout());
      UnitOfWorkSupport support = unitOfWorkSupport.getIfUnique();
      if (support != null) {
        builder.unitOfWorkSupport(support);
      }
      Executor executor = applicationExecutor(properties, beanFactory);
      if (executor != null) {
        builder.executor(executor);
      }
      customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
      return builder.build();
    }

    @Bean
    DispatcherLifecycle domainEventDispatcherLifecycle(
        InProcessEventDispatcher domainEventDispatcher,
        DomainEventsProperties properties,
        ConfigurableListableBeanFactory beanFactory) {
      if (applicationExecutor(properties, beanFactory) != null) {
        // stopped before the executor: DefaultLifecycleProcessor stops dependents first
        beanFactory.registerDependentBean(
            APPLICATION_TASK_EXECUTOR, "domainEventDispatcherLifecycle");
      }
      return new DispatcherLifecycle(domainEventDispatcher);
    }

    /** The application's task executor, when the properties choose it and it exists. */
    static @org.jspecify.annotations.Nullable Executor applicationExecutor(
        DomainEventsProperties properties, BeanFactory beanFactory) {
      if (properties.getAsyncExecutor() != DomainEventsProperties.AsyncExecutor.APPLICATION
          || !beanFactory.containsBean(APPLICATION_TASK_EXECUTOR)) {
        return null;
      }
      return beanFactory.getBean(APPLICATION_TASK_EXECUTOR, Executor.class);
    }
  }

  /** Spring's transactions as units of work, when spring-tx is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = "org.springframework.transaction.support.TransactionSynchronizationManager")
  static class SpringTransactionsConfiguration {

    @Bean
    @ConditionalOnMissingBean(UnitOfWorkSupport.class)
    UnitOfWorkSupport domainEventUnitOfWorkSupport() {
      return new SpringTransactionUnitOfWorkSupport();
    }
  }
}
