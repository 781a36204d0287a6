package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventType;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.jackson.DomainEventModule;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

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
    List<String> packages =
        AutoConfigurationPackages.has(beanFactory)
            ? AutoConfigurationPackages.get(beanFactory)
            : List.of();
    List<Class<? extends DomainEvent>> types = scan(packages, beanFactory);
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

  private static List<Class<? extends DomainEvent>> scan(
      List<String> packages, BeanFactory beanFactory) {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
            return definition.getMetadata().isIndependent();
          }
        };
    scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class, false));
    ClassLoader loader = ClassUtils.getDefaultClassLoader();
    if (beanFactory instanceof org.springframework.beans.factory.config.ConfigurableBeanFactory c
        && c.getBeanClassLoader() != null) {
      loader = c.getBeanClassLoader();
    }
    List<Class<? extends DomainEvent>> types = new ArrayList<>();
    for (String base : packages) {
      for (BeanDefinition candidate : scanner.findCandidateComponents(base)) {
        String className = candidate.getBeanClassName();
        if (className == null) {
          continue;
        }
        Class<?> type = ClassUtils.resolveClassName(className, loader);
        if (!DomainEvent.class.isAssignableFrom(type)) {
          throw new IllegalStateException(
              type.getName() + " is annotated with @EventType but is not a DomainEvent");
        }
        types.add(type.asSubclass(DomainEvent.class));
      }
    }
    return types;
  }
}
