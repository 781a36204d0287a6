/**
 * The wire format shared by every serialization module: the seed-compatible flat JSON shape
 * and its CloudEvents 1.0 mapping, independent of any JSON library.
 *
 * <p>This package is for integration authors (the Jackson modules use it); applications
 * normally use {@code io.github.domainevents.jackson.EventJson} or its Jackson 2 twin instead.
 * A JSON codec implements the SPI {@link io.github.domainevents.wire.JsonInput} (its parser as a
 * pull parser) and {@link io.github.domainevents.wire.JsonOutput} (its generator or token
 * buffer), and lets the protocol's operations walk them: {@link
 * io.github.domainevents.wire.EventObject#read}, {@link
 * io.github.domainevents.wire.CloudEventObject#read} and {@link
 * io.github.domainevents.wire.CloudEventsFormat#writeEvent}. Its own exceptions are worded by
 * {@link io.github.domainevents.wire.CodecFailures}.
 *
 * <h2>The shape</h2>
 *
 * <pre>{@code
 * {"event_id":"0194...","event_type":"invite.created","occurred_at":"2025-01-15T10:30:00.123456Z",
 *  "correlation_id":null,"causation_id":null,"metadata":{},"invite_id":42}
 * }</pre>
 *
 * <p>One flat object: the header keys of {@link io.github.domainevents.wire.WireFormat}, always
 * these snake_case names, then the event's own fields. Types are resolved from {@code
 * event_type} through an {@link io.github.domainevents.wire.EventTypeRegistry}, never from a class
 * name in the payload.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.domainevents.wire;

import org.jspecify.annotations.NullMarked;
