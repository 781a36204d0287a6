package io.github.domainevents.spring.boot;

import io.github.domainevents.outbox.OutboxRelay;
import io.github.domainevents.outbox.OutboxSink;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox relay: an {@link OutboxRelay} bean when {@code domain-events-outbox-jdbc}, one
 * {@code DataSource} and one {@link OutboxSink} bean (the Kafka sink or the application's own)
 * are present, unless {@code domain-events.outbox.relay.enabled=false} or the application has its
 * own relay. It polls the outbox table ({@code domain-events.outbox.table}) while the context
 * runs ({@link OutboxRelayLifecycle}), configured by {@code domain-events.outbox.relay.*}. It does
 * not need the starter's outbox: rows written by another service work too.
 */
@AutoConfiguration(
    after = {DomainEventsOutboxAutoConfiguration.class, DomainEventsKafkaAutoConfiguration.class},
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(name = "io.github.domainevents.outbox.OutboxRelay")
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(
    prefix = "domain-events.outbox.relay",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@ConditionalOnMissingBean(type = "io.github.domainevents.outbox.OutboxRelay")
@EnableConfigurationProperties(DomainEventsOutboxProperties.class)
class DomainEventsOutboxRelayAutoConfiguration {

  /** The relay and its lifecycle, with one sink. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnSingleCandidate(type = "io.github.domainevents.outbox.OutboxSink")
  static class RelayConfiguration {

    @Bean
    OutboxRelay domainEventOutboxRelay(
        DataSource dataSource, OutboxSink sink, DomainEventsOutboxProperties properties) {
      DomainEventsOutboxProperties.Relay relay = properties.getRelay();
      OutboxRelay.Builder builder =
          OutboxRelay.builder(dataSource, sink)
              .table(properties.getTable())
              .batchSize(relay.getBatchSize())
              .leaseDuration(relay.getLeaseDuration())
              .retries(relay.getMaxAttempts(), relay.getInitialBackoff(), relay.getMaxBackoff())
              .keepDelivered(relay.isKeepDelivered());
      String name = relay.getName();
      if (name != null) {
        builder.name(name);
      }
      return builder.build();
    }

    @Bean
    OutboxRelayLifecycle domainEventOutboxRelayLifecycle(
        OutboxRelay domainEventOutboxRelay, DomainEventsOutboxProperties properties) {
      return new OutboxRelayLifecycle(
          domainEventOutboxRelay, properties.getRelay().getPollInterval());
    }
  }
}
