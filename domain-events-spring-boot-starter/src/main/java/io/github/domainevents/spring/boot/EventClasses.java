package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds event classes in the application's auto-configuration packages (those of the {@code
 * @SpringBootApplication} class), by reading class files, without initializing the classes.
 */
final class EventClasses {
  private EventClasses() {}

  /** The application's packages; empty if it declares none. */
  static List<String> packages(BeanFactory beanFactory) {
    return AutoConfigurationPackages.has(beanFactory)
        ? AutoConfigurationPackages.get(beanFactory)
        : List.of();
  }

  /**
   * The {@link EventType} classes in {@code packages}.
   *
   * @throws IllegalStateException if an annotated class is not a {@link DomainEvent}
   */
  static List<Class<? extends DomainEvent>> annotated(List<String> packages, BeanFactory beanFactory) {
    return scan(packages, beanFactory, new AnnotationTypeFilter(EventType.class, false), false);
  }

  /** The concrete {@link DomainEvent} classes in {@code packages}. */
  static List<Class<? extends DomainEvent>> concrete(List<String> packages, BeanFactory beanFactory) {
    return scan(packages, beanFactory, new AssignableTypeFilter(DomainEvent.class), true);
  }

  private static List<Class<? extends DomainEvent>> scan(
      List<String> packages, BeanFactory beanFactory, TypeFilter filter, boolean concreteOnly) {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
            return definition.getMetadata().isIndependent()
                && (!concreteOnly || definition.getMetadata().isConcrete());
          }
        };
    scanner.addIncludeFilter(filter);
    ClassLoader loader = ClassUtils.getDefaultClassLoader();
    if (beanFactory instanceof ConfigurableBeanFactory c && c.getBeanClassLoader() != null) {
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
