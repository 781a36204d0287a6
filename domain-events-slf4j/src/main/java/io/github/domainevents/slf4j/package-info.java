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
 * <p>The module depends on {@code slf4j-api} and, at run time, on SLF4J's JDK platform-logging
 * bridge ({@code org.slf4j:slf4j-jdk-platform-logging}, same version as {@code slf4j-api}). Any
 * SLF4J 2 backend with MDC support (Logback, Log4j 2's SLF4J binding, ...) shows the values. With
 * no backend, or one without MDC (such as {@code slf4j-nop}), the interceptor does nothing
 * visible and costs little.
 *
 * <h2>The library's own log lines</h2>
 *
 * The core logs through {@link System.Logger} (dead events, failures under {@code
 * REPORT_AND_CONTINUE}, asynchronous dispatches that outlive {@code close}), which by default
 * lands in {@code java.util.logging}, in another format and place than the application's log.
 * Having this module on the class path (or module path) installs the bridge as the JDK's {@code
 * System.LoggerFinder}, so those lines go to SLF4J under the same logger names ({@code
 * io.github.domainevents.InProcessEventDispatcher}), with levels mapped ({@code WARNING} to
 * {@code WARN}, {@code ERROR} to {@code ERROR}) and exceptions attached. Nothing needs to be
 * configured. The bridge applies to the whole JVM: every {@code System.Logger} (the JDK's own
 * included) then logs through SLF4J. To keep {@code java.util.logging} instead, exclude {@code
 * slf4j-jdk-platform-logging} from the dependency.
 */
@NullMarked
package io.github.domainevents.slf4j;

import org.jspecify.annotations.NullMarked;
