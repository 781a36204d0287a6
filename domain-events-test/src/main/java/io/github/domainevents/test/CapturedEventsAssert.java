package io.github.domainevents.test;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ assertions on {@link CapturedEvents}; start with {@link
 * EventAssertions#assertThat(CapturedEvents)}.
 *
 * <p>Each assertion looks at the events captured when it runs. A failure says what was expected
 * and what was found, and shows every captured event as a causal tree with the handlers that ran,
 * so the reader sees what did happen. Type arguments may be classes or interfaces; subtypes count.
 *
 * @since 0.1.0
 */
public final class CapturedEventsAssert extends AbstractAssert<CapturedEventsAssert, CapturedEvents> {

  CapturedEventsAssert(CapturedEvents actual) {
    super(actual, CapturedEventsAssert.class);
  }

  /**
   * Verifies that an event of {@code type} was captured.
   *
   * @param type the class or interface
   * @return this
   * @throws AssertionError if none was
   */
  public CapturedEventsAssert contains(Class<?> type) {
    return contains(type, event -> true);
  }

  /**
   * Verifies that an event of {@code type} matching {@code condition} was captured.
   *
   * @param type the class or interface
   * @param condition what the event must satisfy
   * @param <E> the type
   * @return this
   * @throws AssertionError if none was; the message lists the events of {@code type} that did not
   *     match
   */
  public <E> CapturedEventsAssert contains(Class<E> type, Predicate<? super E> condition) {
    requireArguments(type, condition);
    List<E> ofType = events().ofType(type);
    if (ofType.stream().noneMatch(condition)) {
      fail("an event of type " + type.getSimpleName() + " matching the condition",
          ofType.isEmpty()
              ? "no event of that type was captured"
              : "none of the " + ofType.size() + " event(s) of that type matched:\n  "
                  + join(ofType));
    }
    return this;
  }

  /**
   * Verifies that an event equal to {@code expected} apart from its header was captured: same
   * class, and equal fields (compared recursively) except those of type {@link EventHeader}. Use
   * it to compare payloads without caring about ids and times.
   *
   * @param expected an event with the wanted payload
   * @return this
   * @throws AssertionError if no such event was captured; the message lists the events of the
   *     same class
   * @throws NullPointerException if {@code expected} is null
   */
  public CapturedEventsAssert containsEventLike(DomainEvent expected) {
    Objects.requireNonNull(expected, "expected must not be null");
    List<DomainEvent> sameClass = new ArrayList<>();
    for (DomainEvent event : events().all()) {
      if (event.getClass() == expected.getClass()) {
        sameClass.add(event);
        if (samePayload(event, expected)) {
          return this;
        }
      }
    }
    fail("an event equal, apart from its header, to\n  " + expected,
        sameClass.isEmpty()
            ? "no event of class " + expected.getClass().getSimpleName() + " was captured"
            : "the " + sameClass.size() + " event(s) of that class differ:\n  " + join(sameClass));
    return this;
  }

  /**
   * Verifies that exactly {@code count} events of {@code type} were captured.
   *
   * @param count the expected number, zero or more
   * @param type the class or interface
   * @return this
   * @throws AssertionError if another number was
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public CapturedEventsAssert hasExactly(int count, Class<?> type) {
    return hasExactly(count, type, event -> true);
  }

  /**
   * Verifies that exactly {@code count} events of {@code type} matching {@code condition} were
   * captured.
   *
   * @param count the expected number, zero or more
   * @param type the class or interface
   * @param condition what the counted events satisfy
   * @param <E> the type
   * @return this
   * @throws AssertionError if another number was; the message lists those found
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public <E> CapturedEventsAssert hasExactly(
      int count, Class<E> type, Predicate<? super E> condition) {
    requireArguments(type, condition);
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    List<E> matching = events().ofType(type).stream().filter(condition).collect(Collectors.toList());
    if (matching.size() != count) {
      fail("exactly " + count + " event(s) of type " + type.getSimpleName()
              + " matching the condition",
          matching.size() + " were captured" + (matching.isEmpty() ? "" : ":\n  " + join(matching)));
    }
    return this;
  }

  /**
   * Verifies that no event of {@code type} was captured.
   *
   * @param type the class or interface
   * @return this
   * @throws AssertionError if one was; the message shows it
   */
  public CapturedEventsAssert doesNotContain(Class<?> type) {
    return doesNotContain(type, event -> true);
  }

  /**
   * Verifies that no event of {@code type} matching {@code condition} was captured.
   *
   * @param type the class or interface
   * @param condition what makes an event unwanted
   * @param <E> the type
   * @return this
   * @throws AssertionError if one was; the message shows those found
   */
  public <E> CapturedEventsAssert doesNotContain(Class<E> type, Predicate<? super E> condition) {
    requireArguments(type, condition);
    List<E> matching = events().ofType(type).stream().filter(condition).collect(Collectors.toList());
    if (!matching.isEmpty()) {
      fail("no event of type " + type.getSimpleName() + " matching the condition",
          matching.size() + " were captured:\n  " + join(matching));
    }
    return this;
  }

  /**
   * Verifies how many events were captured in all.
   *
   * @param expected the expected number
   * @return this
   * @throws AssertionError if another number was
   */
  public CapturedEventsAssert hasSize(int expected) {
    isNotNull();
    int size = actual.size();
    if (size != expected) {
      fail(expected + " captured event(s)", size + " were captured");
    }
    return this;
  }

  /**
   * Verifies that nothing was captured.
   *
   * @return this
   * @throws AssertionError if something was
   */
  public CapturedEventsAssert isEmpty() {
    return hasSize(0);
  }

  /**
   * Verifies that events of these types were captured in this order, possibly with other events
   * between them (a subsequence of the capture order, the order in which events were first
   * seen).
   *
   * @param types the classes or interfaces, in the expected order
   * @return this
   * @throws AssertionError if they were not; the message shows the captured order
   * @throws IllegalArgumentException if no type is given
   */
  public CapturedEventsAssert containsInOrder(Class<?>... types) {
    isNotNull();
    if (types.length == 0) {
      throw new IllegalArgumentException("containsInOrder needs at least one type");
    }
    List<DomainEvent> all = events().all();
    int next = 0;
    for (DomainEvent event : all) {
      if (next < types.length && types[next].isInstance(event)) {
        next++;
      }
    }
    if (next < types.length) {
      fail("events in the order "
              + Arrays.stream(types).map(Class::getSimpleName).collect(Collectors.joining(" → ")),
          "no " + types[next].getSimpleName() + " came after the earlier ones; captured order: "
              + all.stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.joining(" → ")));
    }
    return this;
  }

  /**
   * Verifies that every captured event belongs to one correlation (an event without a
   * correlation id counts as correlated with its own id, as a root is).
   *
   * @return this
   * @throws AssertionError if there are several correlations; the message lists them
   */
  public CapturedEventsAssert allShareOneCorrelation() {
    isNotNull();
    Set<UUID> correlations = new LinkedHashSet<>();
    for (DomainEvent event : events().all()) {
      correlations.add(CapturedEventAssert.correlationOf(event));
    }
    if (correlations.size() > 1) {
      fail("every captured event to share one correlation id",
          "they have " + correlations.size() + ": " + correlations);
    }
    return this;
  }

  /**
   * Verifies the shape of the causal trees: which event types caused which. Write one event type
   * per line (its {@code eventType()} name, or its class's simple name), each event indented
   * deeper than its cause; two spaces per level reads best. The order of siblings does not
   * matter, so asynchronous events may arrive in any order.
   *
   * <pre>{@code
   * assertThat(events).hasCausalTree("""
   *     invite.created
   *       email.sent
   *         audit.logged
   *       cache.warmed
   *     """);
   * }</pre>
   *
   * @param shape the expected trees
   * @return this
   * @throws AssertionError if the captured trees have another shape; the message shows both
   * @throws IllegalArgumentException if {@code shape} names no event or is badly indented
   * @throws NullPointerException if {@code shape} is null
   */
  public CapturedEventsAssert hasCausalTree(String shape) {
    Objects.requireNonNull(shape, "shape must not be null");
    isNotNull();
    List<DomainEvent> all = events().all();
    Map<String, String> simpleNames = new HashMap<>();
    for (DomainEvent event : all) {
      simpleNames.put(event.getClass().getSimpleName(), event.eventType());
    }
    String expected = CausalShape.parse(shape, simpleNames);
    String found = CausalShape.of(all);
    if (!expected.equals(found)) {
      fail("causal trees of this shape (siblings in any order):\n" + indent(expected),
          "they have this shape:\n" + indent(found));
    }
    return this;
  }

  /**
   * Selects the one captured event of {@code type} for assertions on it.
   *
   * @param type the class or interface
   * @param <E> the type
   * @return assertions on that event
   * @throws AssertionError if none or several were captured; the message lists them
   */
  public <E> CapturedEventAssert<E> event(Class<E> type) {
    return event(type, event -> true);
  }

  /**
   * Selects the one captured event of {@code type} matching {@code condition} for assertions on
   * it.
   *
   * @param type the class or interface
   * @param condition what the event satisfies
   * @param <E> the type
   * @return assertions on that event
   * @throws AssertionError if none or several match; the message lists them
   */
  public <E> CapturedEventAssert<E> event(Class<E> type, Predicate<? super E> condition) {
    requireArguments(type, condition);
    List<E> matching = events().ofType(type).stream().filter(condition).collect(Collectors.toList());
    if (matching.size() != 1) {
      fail("exactly one event of type " + type.getSimpleName() + " matching the condition",
          matching.size() + " were captured" + (matching.isEmpty() ? "" : ":\n  " + join(matching)));
    }
    return new CapturedEventAssert<>(matching.get(0), actual);
  }

  private CapturedEvents events() {
    isNotNull();
    return actual;
  }

  private void requireArguments(Class<?> type, Predicate<?> condition) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(condition, "condition must not be null");
    isNotNull();
  }

  private void fail(String expectation, String found) {
    failWithMessage("%s", Failures.message(expectation, found, actual));
  }

  private static boolean samePayload(DomainEvent event, DomainEvent expected) {
    try {
      Assertions.assertThat(event)
          .usingRecursiveComparison()
          .ignoringFieldsOfTypes(EventHeader.class)
          .isEqualTo(expected);
      return true;
    } catch (AssertionError differs) {
      return false;
    }
  }

  private static String join(List<?> events) {
    return events.stream().map(String::valueOf).collect(Collectors.joining("\n  "));
  }

  private static String indent(String text) {
    return text.lines().map(line -> "    " + line).collect(Collectors.joining("\n"));
  }
}
