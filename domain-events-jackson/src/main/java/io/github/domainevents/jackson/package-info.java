/**
 * Seed-compatible JSON and CloudEvents JSON for domain events, over Jackson 3 ({@code
 * tools.jackson}).
 *
 * <p>Start with {@link io.github.domainevents.jackson.EventJson}; register {@link
 * io.github.domainevents.jackson.DomainEventModule} on your own {@code JsonMapper} to use the
 * same format through plain Jackson calls.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.domainevents.jackson;

import org.jspecify.annotations.NullMarked;
