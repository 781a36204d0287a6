/**
 * Puts the handled event's identity into the SLF4J MDC while a handler runs, so that every log
 * line a handler writes says which event, and which causal chain, it belongs to.
 *
 * <pre>{@code
 * InProcessEventDispatcher dispatcher = InProcessEventDispatcher.builder()
 *     .interceptor(EventMdc.interceptor())
 *     .build();
 * }</pre>
 *
 * <p>With a Logback pattern such as {@code %d %-5level [%X{event_type} %X{event_id}
 * corr=%X{correlation_id}] %logger - %msg%n}, a handler's lines read {@code [invite.created
 * 01J... corr=01J...]}. See {@link io.github.domainevents.slf4j.EventMdc} for the keys and the
 * exact restore rules, and {@link io.github.domainevents.slf4j.EventMdc#propagatingExecutor} to
 * carry the rest of the dispatching thread's MDC to asynchronous handlers.
 *
 * <p>The module depends on {@code slf4j-api} only; any SLF4J 2 backend with MDC support
 * (Logback, Log4j 2's SLF4J binding, ...) shows the values. With no backend, or one without MDC
 * (such as {@code slf4j-nop}), the interceptor does nothing visible and costs little.
 */
@NullMarked
package io.github.domainevents.slf4j;

import org.jspecify.annotations.NullMarked;
