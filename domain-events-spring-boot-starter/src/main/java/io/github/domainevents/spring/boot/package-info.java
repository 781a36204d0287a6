/**
 * Spring Boot auto-configuration for domain events: an {@link
 * io.github.domainevents.InProcessEventDispatcher} bean configured from the {@code domain-events.*}
 * properties, handler beans discovered and registered at startup, phase-bound handlers bound to
 * Spring's transactions, and domain events published through Spring's {@code
 * ApplicationEventPublisher} delivered to the library's handlers; with {@code
 * domain-events-jackson} present, the JSON module on Boot's {@code JsonMapper}; with {@code
 * domain-events-test} present (in the application's tests), the dispatcher connected to the test
 * kit, so that {@code @SpringBootTest} tests capture their events with no wiring.
 *
 * <p>The only public types are {@link DomainEventsProperties} and {@link
 * DomainEventDispatcherCustomizer}; the configuration classes are package-private.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.domainevents.spring.boot;

import org.jspecify.annotations.NullMarked;
