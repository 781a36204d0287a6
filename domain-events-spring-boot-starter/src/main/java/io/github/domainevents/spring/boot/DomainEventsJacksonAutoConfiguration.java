package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventType;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.jackson.DomainEventModule;
import io.github.domainevents.jackson.EventJson;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers {@link DomainEventModule} (Jackson 3) as a bean, which Boot's {@code
 * JacksonAutoConfiguration} adds to the application's {@code JsonMapper}, with an {@link
 * EventTypeRegistry} of the {@link EventType} classes found in the application's
 * auto-configuration packages (those of the {@code @SpringBootApplication} class). Two classes
 * with the same event type name fail startup, naming both. Also an {@link EventJson} over the
 * same registry and a copy of the application's {@code JsonMapper} (its modules serve the events'
 * own field types), which the outbox and the Kafka consumer use. Define your own {@code
 * EventTypeRegistry}, {@code DomainEventModule} or {@code EventJson} bean to replace any of them.
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

  @Bean
  @ConditionalOnMissingBean(EventJson.class)
  EventJson domainEventJson(
      EventTypeRegistry domainEventTypeRegistry, ObjectProvider<JsonMapper> jsonMapper) {
    EventJson.Builder builder = EventJson.builder(domainEventTypeRegistry);
    jsonMapper.ifUnique(builder::mapper);
    return builder.build();
  }
}
