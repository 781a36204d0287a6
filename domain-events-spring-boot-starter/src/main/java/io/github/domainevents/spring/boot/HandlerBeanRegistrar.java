package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.NoUnitOfWorkPolicy;
import io.github.domainevents.Registration;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWorkSupport;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.util.ClassUtils;

/**
 * Registers the application's handler beans with the dispatcher once every singleton exists:
 * beans implementing {@link DomainEventHandler} and beans with {@link HandleEvent} methods.
 *
 * <p>Priorities: a {@code DomainEventHandler} bean's priority is its Spring order negated
 * ({@code @Order(-5)} or {@code Ordered.getOrder() == -5} is priority 5, so Spring's "lower order
 * first" and the library's "higher priority first" agree); no order is priority 0. {@code
 * Ordered.HIGHEST_PRECEDENCE} maps to {@code Integer.MAX_VALUE}. A bean with {@code @HandleEvent}
 * methods takes priorities and phases from those annotations; a {@code DomainEventHandler} bean
 * whose {@code handle} method carries {@code @HandleEvent} is registered that way too, which is how
 * such a bean chooses a phase. An order on a {@code @HandleEvent} bean would be ambiguous and
 * fails startup.
 *
 * <p>Failures (an invalid method, an event type that cannot be resolved, {@code @HandleEvent}
 * methods hidden behind a JDK dynamic proxy) fail startup with a message naming the bean and the
 * method. Registrations are closed when the context is destroyed.
 */
final class HandlerBeanRegistrar implements SmartInitializingSingleton, DisposableBean {
  private static final System.Logger LOG = System.getLogger(HandlerBeanRegistrar.class.getName());
  private static final String TRANSACTION_MANAGER =
      "org.springframework.transaction.TransactionManager";

  private static final String SPRING_UNIT_OF_WORK_SUPPORT =
      "io.github.domainevents.spring.boot.SpringTransactionUnitOfWorkSupport";

  private final ConfigurableListableBeanFactory beanFactory;
  private final DomainEventsProperties properties;
  private final List<Registration> registrations = new ArrayList<>();

  HandlerBeanRegistrar(ConfigurableListableBeanFactory beanFactory, DomainEventsProperties properties) {
    this.beanFactory = beanFactory;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    InProcessEventDispatcher dispatcher = beanFactory.getBean(InProcessEventDispatcher.class);
    List<String> phaseBound = new ArrayList<>();
    for (String name : beanFactory.getBeanDefinitionNames()) {
      BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
      if (definition.isAbstract()
          || !definition.isSingleton()
          || definition.getRole() == BeanDefinition.ROLE_INFRASTRUCTURE) {
        continue;
      }
      Class<?> type = beanFactory.getType(name, false);
      if (type == null) {
        continue;
      }
      boolean typed = DomainEventHandler.class.isAssignableFrom(type);
      boolean jdkProxy = Proxy.isProxyClass(type);
      if (!typed && !jdkProxy && annotatedMethods(ClassUtils.getUserClass(type)).isEmpty()) {
        continue;
      }
      Object bean = beanFactory.getBean(name);
      Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
      Map<Method, HandleEvent> annotated = annotatedMethods(targetClass);
      if (!annotated.isEmpty()) {
        registerListener(dispatcher, name, bean, targetClass, annotated);
        annotated.forEach(
            (method, annotation) -> {
              if (annotation.phase() != TransactionPhase.IMMEDIATE) {
                phaseBound.add(name + "." + method.getName());
              }
            });
      } else if (bean instanceof DomainEventHandler<?> handler) {
        registerTyped(dispatcher, name, handler, targetClass);
      }
    }
    checkTransactionManager(phaseBound);
  }

  private static Map<Method, HandleEvent> annotatedMethods(Class<?> type) {
    return MethodIntrospector.selectMethods(
        type,
        (MethodIntrospector.MetadataLookup<HandleEvent>)
            method -> method.isBridge() ? null : method.getAnnotation(HandleEvent.class));
  }

  private void registerListener(
      InProcessEventDispatcher dispatcher,
      String name,
      Object bean,
      Class<?> targetClass,
      Map<Method, HandleEvent> annotated) {
    String what = describe(name, targetClass);
    if (Proxy.isProxyClass(bean.getClass())) {
      throw new BeanInitializationException(
          what + ": its @HandleEvent methods " + methodNames(annotated) + " are not visible"
              + " through its JDK dynamic proxy; use class-based proxies (proxyTargetClass ="
              + " true) for this bean, or implement DomainEventHandler");
    }
    if (bean instanceof Ordered || OrderUtils.getOrder(targetClass) != null) {
      throw new BeanInitializationException(
          what + " has @HandleEvent methods " + methodNames(annotated) + " and a Spring order;"
              + " set the priority on each method with @HandleEvent(priority = ...) instead");
    }
    try {
      registrations.add(dispatcher.registerAll(bean));
    } catch (IllegalArgumentException invalid) {
      throw new BeanInitializationException(what + ": " + invalid.getMessage(), invalid);
    }
  }

  private void registerTyped(
      InProcessEventDispatcher dispatcher,
      String name,
      DomainEventHandler<?> handler,
      Class<?> targetClass) {
    Class<?> eventType = eventTypeOf(ResolvableType.forClass(targetClass));
    if (eventType == null) {
      // a lambda or a proxy: the bean definition may still say (a @Bean method's return type)
      eventType = eventTypeOf(beanFactory.getMergedBeanDefinition(name).getResolvableType());
    }
    if (eventType == null || !DomainEvent.class.isAssignableFrom(eventType)) {
      throw new BeanInitializationException(
          describe(name, targetClass) + ": cannot tell which event type it handles (method"
              + " handle): declare the bean with its type argument, as in DomainEventHandler"
              + "<InviteCreated>, or use a @HandleEvent method");
    }
    Integer order =
        handler instanceof Ordered ordered ? Integer.valueOf(ordered.getOrder())
            : OrderUtils.getOrder(targetClass);
    int priority = order == null ? 0 : priorityOf(order);
    registrations.add(register(dispatcher, eventType.asSubclass(DomainEvent.class), priority, handler));
  }

  private static @Nullable Class<?> eventTypeOf(ResolvableType type) {
    ResolvableType handlerType = type.as(DomainEventHandler.class);
    if (handlerType.resolve() == null || handlerType.hasUnresolvableGenerics()) {
      return null;
    }
    return handlerType.getGeneric(0).resolve();
  }

  /** Spring's order negated: lower orders run first, higher priorities run first. */
  static int priorityOf(int order) {
    return order == Integer.MIN_VALUE ? Integer.MAX_VALUE : -order;
  }

  @SuppressWarnings("unchecked") // the type argument was resolved from the handler's own type
  private static <E extends DomainEvent> Registration register(
      InProcessEventDispatcher dispatcher,
      Class<E> type,
      int priority,
      DomainEventHandler<?> handler) {
    return dispatcher.register(type, priority, (DomainEventHandler<? super E>) handler);
  }

  private void checkTransactionManager(List<String> phaseBound) {
    UnitOfWorkSupport support = beanFactory.getBeanProvider(UnitOfWorkSupport.class).getIfUnique();
    // by name: the class must not be loaded when spring-tx is absent
    if (phaseBound.isEmpty()
        || support == null
        || !support.getClass().getName().equals(SPRING_UNIT_OF_WORK_SUPPORT)) {
      return;
    }
    if (hasTransactionManager()) {
      return;
    }
    String message =
        "handlers bound to transaction phases " + phaseBound + " exist, but the application has"
            + " no transaction manager bean, so no Spring transaction will ever run them at a"
            + " commit; add one (spring-boot-starter-jdbc, -data-jpa, ...), or set"
            + " domain-events.no-unit-of-work-policy to RUN_NOW_WITH_WARNING or RUN_NOW if"
            + " dispatching outside transactions is intended";
    NoUnitOfWorkPolicy policy = properties.getNoUnitOfWorkPolicy();
    if (policy == NoUnitOfWorkPolicy.FAIL) {
      throw new IllegalStateException(message);
    }
    if (policy == NoUnitOfWorkPolicy.RUN_NOW_WITH_WARNING) {
      LOG.log(System.Logger.Level.WARNING, message);
    }
  }

  private boolean hasTransactionManager() {
    ClassLoader loader = beanFactory.getBeanClassLoader();
    if (!ClassUtils.isPresent(TRANSACTION_MANAGER, loader)) {
      return false;
    }
    Class<?> managerType = ClassUtils.resolveClassName(TRANSACTION_MANAGER, loader);
    return BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, managerType).length
        > 0;
  }

  private static List<String> methodNames(Map<Method, HandleEvent> annotated) {
    List<String> names = new ArrayList<>();
    annotated.keySet().forEach(method -> names.add(method.getName()));
    names.sort(null);
    return names;
  }

  private static String describe(String name, @Nullable Class<?> type) {
    return "handler bean '" + name + "'" + (type == null ? "" : " (" + type.getName() + ")");
  }

  @Override
  public void destroy() {
    for (Registration registration : registrations) {
      registration.close();
    }
    registrations.clear();
  }
}
