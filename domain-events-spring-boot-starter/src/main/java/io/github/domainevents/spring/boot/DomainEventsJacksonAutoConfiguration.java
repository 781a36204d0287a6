package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventType;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.jackson.DomainEventModule;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link DomainEventModule} (Jackson 3) as a bean, which Boot's {@code
 * JacksonAutoConfiguration} adds to the application's {@code JsonMapper}, with an {@link
 * EventTypeRegistry} of the {@link EventType} classes found in the application's
 * auto-configuration packages (those of the {@code @SpringBootApplication} class). Two classes
 * with the same event type name fail startup, naming both. Define your own {@code
 * EventTypeRegistry} or {@code DomainEventModule} bean to replace either.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(
    name = {
      "io.github.domainevents.jackson.DomainEventModule",
      "tools.jackson.databind.json.JsonMapper"
    })
class DomainEventsJacksonAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(EventTypeRegistry.class)
  EventTypeRegistry domainEventTypeRegistry(BeanFactory beanFactory) {
    List<String> packages = EventClasses.packages(beanFactory);
    List<Class<? extends DomainEvent>> types = EventClasses.annotated(packages, beanFactory);
    try {
      return EventTypeRegistry.builder().registerAll(types).build();
    } catch (IllegalArgumentException invalid) {
      throw new IllegalStateException(
          "cannot build the event type registry from the @EventType classes in " + packages
              + ": " + invalid.getMessage(),
          invalid);
    }
  }

  @Bean
  @ConditionalOnMissingBean(DomainEventModule.class)
  DomainEventModule domainEventModule(EventTypeRegistry domainEventTypeRegistry) {
    return new DomainEventModule(domainEventTypeRegistry);
  }
}
