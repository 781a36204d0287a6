/**
 * The domain-events test kit.
 *
 * <h2>In one minute</h2>
 *
 * <ul>
 *   <li>{@link io.github.domainevents.test.DomainEventsExtension}: per JUnit test, a capture of
 *       the events the test causes, a fixed clock, a fixed id sequence, and failures for leaked
 *       scopes and unfinished asynchronous work.
 *   <li>{@link io.github.domainevents.test.EventCapture}: connects the dispatcher under test
 *       ({@code EventCapture.instrument(InProcessEventDispatcher.builder())}) and opens captures
 *       without the extension.
 *   <li>{@link io.github.domainevents.test.CapturedEvents}: the captured events; waits for
 *       asynchronous ones (never by sleeping).
 *   <li>{@link io.github.domainevents.test.EventAssertions}: AssertJ assertions on them, their
 *       causes, correlation and metadata; failures print the causal tree.
 *   <li>{@link io.github.domainevents.test.Scenario}: given / when / then for one handler or a
 *       whole dispatcher.
 *   <li>{@link io.github.domainevents.test.TestTimeouts}: one factor stretches every timeout on
 *       slow machines ({@code -Ddomainevents.test.timeFactor=3}).
 * </ul>
 *
 * <h2>Capture by causal scope, not by thread</h2>
 *
 * A capture follows the causal context of core: what the test thread dispatches, what handlers
 * dispatch in turn, asynchronous dispatches and wrapped executor tasks. Tests running in
 * parallel in one JVM, even sharing one dispatcher, each see only their own events.
 *
 * <p>Works on JUnit Jupiter 5 and 6, and in {@code @SpringBootTest} tests of applications using
 * {@code domain-events-spring-boot-starter}, which connects its dispatcher bean to the kit.
 */
@NullMarked
package io.github.domainevents.test;

import org.jspecify.annotations.NullMarked;
