/**
 * Support for aggregates that raise domain events: {@link
 * io.github.domainevents.aggregate.AggregateRoot} to extend, {@link
 * io.github.domainevents.aggregate.EventRecorder} to hold.
 *
 * <p>The pattern: an aggregate's methods record the events they raise; the application service
 * saves the aggregate, then pulls the events (exactly once) and dispatches them. Recording does
 * not dispatch, so no handler runs before the change it reacts to is saved.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.domainevents.aggregate;

import org.jspecify.annotations.NullMarked;
