package io.github.domainevents.test;

import io.github.domainevents.EventContext;
import io.github.domainevents.EventIdGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension that gives each test its own capture, clock and id sequence, and fails
 * the test if it leaves causal context or asynchronous work behind.
 *
 * <pre>{@code
 * @ExtendWith(DomainEventsExtension.class)
 * class InviteTest {
 *   @Test
 *   void sendsTheWelcomeMail(CapturedEvents events) {
 *     dispatcher.dispatch(new InviteCreated(...));
 *     assertThat(events).event(WelcomeMailSent.class).isCausedBy(InviteCreated.class);
 *   }
 * }
 * }</pre>
 *
 * <p><b>Per test</b>, from before the first {@code @BeforeEach} method to after the last {@code
 * @AfterEach} method, on the test's thread and wherever its causal context goes (nested dispatch,
 * {@code dispatchAsync}, executors wrapped with {@code EventContext.wrap}):
 *
 * <ul>
 *   <li>events are {@linkplain CapturedEvents captured}; inject {@link CapturedEvents} as a
 *       parameter of the test or of a {@code @BeforeEach} method;
 *   <li>new events take their time from a {@link TestClock} standing at {@link
 *       TestClock#DEFAULT_START} (inject it to move it) and their ids from {@link
 *       EventIdGenerator#sequential(UUID)} starting at {@link #FIRST_ID}.
 * </ul>
 *
 * <p>Tests running in parallel each have their own; nothing is process-wide.
 *
 * <p><b>At the end of each test</b> the extension fails the test if: a correlation scope opened
 * in the test is still open; another scope of core ({@code EventDefaults}) opened in the test is
 * still open; or asynchronous dispatches of the test have not finished within {@link
 * #END_OF_TEST_WAIT} (scaled by {@link TestTimeouts#factor()}). A test that starts asynchronous
 * work should wait for it ({@link CapturedEvents#awaitQuiescence()}). A leaked scope cannot be
 * closed by the extension (only the code that opened it can), so it is reported, not repaired.
 *
 * <p><b>With Spring Boot.</b> Add the extension to a {@code @SpringBootTest} class: when the
 * application uses {@code domain-events-spring-boot-starter}, its dispatcher bean reports to the
 * kit, so each test captures what it caused, also in after-commit handlers of the transactions it
 * commits and on the application's task executor, and also when test classes share a cached
 * application context or run in parallel. The extension needs nothing from the application
 * context: captures are keyed by the test's causal scope, not by a bean.
 *
 * <p><b>Limits.</b> The test must run on the thread that ran the extension's {@code beforeEach};
 * {@code @Timeout(threadMode = SEPARATE_THREAD)} moves it elsewhere and is not supported.
 * Parameters cannot be injected into constructors, which run before the capture opens.
 *
 * @since 0.1.0
 */
public final class DomainEventsExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  /** The id of the first event each test creates: {@code 00000000-0000-0000-0000-000000000001}. */
  public static final UUID FIRST_ID = new UUID(0, 1);

  /** How long the end-of-test check waits for asynchronous dispatches, before scaling. */
  public static final Duration END_OF_TEST_WAIT = Duration.ofSeconds(2);

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DomainEventsExtension.class);
  private static final String KEY = "state";

  /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
  public DomainEventsExtension() {}

  /** What one test holds while it runs. */
  private record State(CapturedEvents events, TestClock clock, Optional<UUID> outerCorrelation) {}

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<UUID> outerCorrelation = EventContext.correlationId();
    TestClock clock = TestClock.at(TestClock.DEFAULT_START);
    CapturedEvents events =
        CapturedEvents.open(
            "test '" + context.getDisplayName() + "'", clock, EventIdGenerator.sequential(FIRST_ID));
    context.getStore(NAMESPACE).put(KEY, new State(events, clock, outerCorrelation));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    State state = context.getStore(NAMESPACE).remove(KEY, State.class);
    if (state == null) {
      return;
    }
    List<String> problems = new ArrayList<>();
    Optional<UUID> correlation = EventContext.correlationId();
    if (!correlation.equals(state.outerCorrelation())) {
      problems.add("a correlation scope opened in the test is still open (correlation id "
          + correlation.map(UUID::toString).orElse("none") + "); close it, ideally with"
          + " try-with-resources");
    }
    CapturedEvents events = state.events();
    try {
      events.awaitQuiescence(END_OF_TEST_WAIT);
    } catch (AssertionError busy) {
      problems.add("the test ended with unfinished asynchronous work: "
          + events.busyDescription() + " " + TestTimeouts.describe(
              END_OF_TEST_WAIT, TestTimeouts.scale(END_OF_TEST_WAIT))
          + " after it; wait for it with CapturedEvents.awaitQuiescence()");
    }
    try {
      events.close();
    } catch (IllegalStateException leaked) {
      if (problems.isEmpty() || correlation.equals(state.outerCorrelation())) {
        problems.add("a scope opened in the test is still open: " + leaked.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "DomainEventsExtension found problems at the end of " + events.name() + ":\n- "
              + String.join("\n- ", problems) + "\nCaptured events, as causal trees:\n"
              + events.renderTree());
    }
  }

  /**
   * Supports parameters of type {@link CapturedEvents} and {@link TestClock}.
   *
   * @return true for those two types
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == CapturedEvents.class || type == TestClock.class;
  }

  /**
   * Resolves the test's {@link CapturedEvents} or {@link TestClock}.
   *
   * @throws ParameterResolutionException if asked before the test's capture opened (a
   *     constructor or {@code @BeforeAll} parameter)
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    State state = context.getStore(NAMESPACE).get(KEY, State.class);
    if (state == null) {
      throw new ParameterResolutionException(
          "DomainEventsExtension injects " + parameter.getParameter().getType().getSimpleName()
              + " into test methods and @BeforeEach/@AfterEach methods only; "
              + parameter.getDeclaringExecutable() + " runs before the test's capture opens");
    }
    return parameter.getParameter().getType() == TestClock.class ? state.clock() : state.events();
  }
}
