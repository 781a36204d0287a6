package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import io.github.domainevents.UnitOfWorkSupport;
import io.github.domainevents.jackson.EventJson;
import io.github.domainevents.outbox.Outbox;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The transactional outbox: an {@link Outbox} bean when {@code domain-events-outbox-jdbc},
 * spring-jdbc, {@code domain-events-jackson} and one {@code DataSource} are present and the
 * application declared exports with {@link OutboxExports} beans. The outbox writes through the
 * connection of the current Spring transaction ({@link SpringTransactionalConnection}), serializes
 * with the application's {@link EventJson} bean, and is registered on the dispatcher bean. The
 * outbox module's schema script runs per {@code domain-events.outbox.initialize-schema} ({@link
 * OutboxSchemaInitializer}).
 *
 * <p>An application {@code Outbox} bean replaces the starter's; registering it on the dispatcher
 * is then the application's job. {@link OutboxExports} beans that the starter cannot use fail
 * startup, naming why ({@link OutboxExportsCheck}).
 */
@AutoConfiguration(
    after = {DomainEventsAutoConfiguration.class, DomainEventsJacksonAutoConfiguration.class},
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
class DomainEventsOutboxAutoConfiguration {
  /** The name of the starter's outbox bean. */
  static final String OUTBOX_BEAN = "domainEventOutbox";

  @Bean
  @ConditionalOnBean(OutboxExports.class)
  static OutboxExportsCheck domainEventOutboxExportsCheck(
      ConfigurableListableBeanFactory beanFactory) {
    return new OutboxExportsCheck(beanFactory);
  }

  /** The outbox, its registration on the dispatcher and its schema. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "io.github.domainevents.outbox.Outbox",
        "org.springframework.jdbc.datasource.DataSourceUtils",
        "org.springframework.boot.jdbc.EmbeddedDatabaseConnection",
        "io.github.domainevents.jackson.EventJson"
      })
  @ConditionalOnSingleCandidate(DataSource.class)
  @ConditionalOnBean(
      type = {
        "io.github.domainevents.spring.boot.OutboxExports",
        "io.github.domainevents.jackson.EventJson"
      })
  @ConditionalOnMissingBean(type = "io.github.domainevents.outbox.Outbox")
  @EnableConfigurationProperties(DomainEventsOutboxProperties.class)
  static class OutboxConfiguration {

    @Bean(OUTBOX_BEAN)
    Outbox domainEventOutbox(
        DataSource dataSource,
        EventJson eventJson,
        DomainEventsOutboxProperties properties,
        ObjectProvider<OutboxExports> exports,
        ObjectProvider<UnitOfWorkSupport> unitOfWorkSupport) {
      Outbox.Builder builder =
          Outbox.builder(new SpringTransactionalConnection(dataSource), eventJson::toJson)
              .table(properties.getTable());
      // The support the dispatcher bean uses (Spring's transactions): a failed write then vetoes
      // the Spring transaction, whatever the dispatcher's error policy.
      UnitOfWorkSupport support = unitOfWorkSupport.getIfUnique();
      if (support != null) {
        builder.unitOfWorkSupport(support);
      }
      AtomicInteger declared = new AtomicInteger();
      OutboxExports.Declarations declarations =
          new OutboxExports.Declarations() {
            @Override
            public <E extends DomainEvent> OutboxExports.Declarations export(
                Class<E> type, String aggregateType, Function<? super E, ?> aggregateId) {
              builder.export(type, aggregateType, aggregateId);
              declared.incrementAndGet();
              return this;
            }
          };
      exports.orderedStream().forEach(bean -> bean.declare(declarations));
      if (declared.get() == 0) {
        throw new IllegalStateException(
            "the OutboxExports beans declared no exported event: declare at least one with"
                + " exports.export(EventClass.class, \"aggregate-type\", EventClass::aggregateId),"
                + " or remove the OutboxExports beans to go without an outbox");
      }
      return builder.build();
    }

    @Bean
    OutboxRegistration domainEventOutboxRegistration(
        Outbox domainEventOutbox, InProcessEventDispatcher dispatcher) {
      return new OutboxRegistration(domainEventOutbox.registerOn(dispatcher));
    }

    @Bean
    @ConditionalOnMissingBean(OutboxSchemaInitializer.class)
    OutboxSchemaInitializer domainEventOutboxSchemaInitializer(
        DataSource dataSource, DomainEventsOutboxProperties properties) {
      return new OutboxSchemaInitializer(dataSource, properties);
    }
  }

  /** Removes the outbox's handlers from the dispatcher when the context is destroyed. */
  static final class OutboxRegistration implements DisposableBean {
    private final Registration registration;

    OutboxRegistration(Registration registration) {
      this.registration = registration;
    }

    @Override
    public void destroy() {
      registration.close();
    }
  }
}
