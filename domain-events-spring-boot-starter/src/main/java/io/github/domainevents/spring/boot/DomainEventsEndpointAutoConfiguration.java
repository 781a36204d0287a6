package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.trace.EventTrace;
import io.github.domainevents.wire.EventTypeRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link DomainEventsEndpoint}, when Boot's actuator is present, the endpoint is available
 * (enabled and exposed, Boot's rules) and there is an {@link InProcessEventDispatcher}.
 */
@AutoConfiguration(
    after = {DomainEventsAutoConfiguration.class, DomainEventsObservabilityAutoConfiguration.class},
    afterName = "io.github.domainevents.spring.boot.DomainEventsJacksonAutoConfiguration")
@ConditionalOnClass(
    name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
class DomainEventsEndpointAutoConfiguration {

  @Bean
  @ConditionalOnBean(InProcessEventDispatcher.class)
  @ConditionalOnMissingBean(DomainEventsEndpoint.class)
  @ConditionalOnAvailableEndpoint(DomainEventsEndpoint.class)
  DomainEventsEndpoint domainEventsEndpoint(
      InProcessEventDispatcher dispatcher,
      DomainEventsProperties properties,
      ObjectProvider<EventTrace> trace,
      ObjectProvider<EventTypeRegistry> registry,
      BeanFactory beanFactory) {
    return new DomainEventsEndpoint(
        dispatcher,
        properties,
        () -> {
          List<Class<? extends DomainEvent>> classes =
              new ArrayList<>(EventClasses.concrete(EventClasses.packages(beanFactory), beanFactory));
          registry.ifUnique(
              types -> types.names().forEach(name -> classes.add(types.classOf(name))));
          return classes;
        },
        trace.getIfUnique());
  }
}
