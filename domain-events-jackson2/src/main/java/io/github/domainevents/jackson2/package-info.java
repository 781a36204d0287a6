/**
 * Seed-compatible JSON and CloudEvents JSON for domain events, over Jackson 2 ({@code
 * com.fasterxml.jackson}, as used by Spring Boot 3).
 *
 * <p>Start with {@link io.github.domainevents.jackson2.EventJson}; register {@link
 * io.github.domainevents.jackson2.DomainEventModule} on your own {@code ObjectMapper} to use the
 * same format through plain Jackson calls. The behaviour is that of the Jackson 3 module {@code
 * io.github.domainevents.jackson}, checked by the same test suite.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.domainevents.jackson2;

import org.jspecify.annotations.NullMarked;
