package io.github.domainevents.spring.boot;

import io.github.domainevents.InProcessEventDispatcher;

/**
 * Customizes the auto-configured {@link InProcessEventDispatcher} beyond what the {@code
 * domain-events.*} properties express: interceptors, an error handler, a dead-event handler. Every
 * bean of this type is applied, in {@code @Order} order, to the builder after the properties, so a
 * customizer may override them.
 *
 * <pre>{@code
 * @Bean
 * DomainEventDispatcherCustomizer auditTrail(AuditLog log) {
 *   return builder -> builder.deadEventHandler(log::recordUnhandled);
 * }
 * }</pre>
 *
 * <p>Not used when the application defines its own {@link InProcessEventDispatcher} bean.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface DomainEventDispatcherCustomizer {

  /**
   * Customizes the builder of the dispatcher bean, once, while the bean is created.
   *
   * @param builder the builder, with the properties already applied
   * @throws RuntimeException if the customization fails; the application context then fails to
   *     start
   */
  void customize(InProcessEventDispatcher.Builder builder);
}
