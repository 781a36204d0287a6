/**
 * A transactional outbox over plain JDBC: events chosen for export are written to an outbox
 * table in the same transaction as the state change that raised them; a relay publishes the
 * committed rows to an {@link io.github.domainevents.outbox.OutboxSink} at least once, in order
 * per aggregate id.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.domainevents.outbox;

import org.jspecify.annotations.NullMarked;
