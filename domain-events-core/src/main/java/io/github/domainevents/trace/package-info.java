/**
 * See what ran: {@link io.github.domainevents.trace.EventTrace} records the tree of events and
 * handler runs that dispatches produce, answers questions about it, and renders it as text or
 * as a Mermaid diagram.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.domainevents.trace;

import org.jspecify.annotations.NullMarked;
