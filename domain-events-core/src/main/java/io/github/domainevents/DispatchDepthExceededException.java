package io.github.domainevents;

import io.github.domainevents.internal.SafeText;
import java.util.List;

/**
 * Nested dispatch went deeper than the dispatcher's limit: usually a cycle, where handling A
 * dispatches B and handling B dispatches A again. Thrown instead of a {@link
 * StackOverflowError}, from the {@code dispatch} call that would have gone too deep; the
 * message and {@link #chain()} name the event types that led there.
 *
 * @since 0.1.0
 */
public final class DispatchDepthExceededException extends EventDispatchException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> chain;
  private final int limit;

  DispatchDepthExceededException(DomainEvent event, List<String> chain, int limit) {
    super(
        "nested dispatch deeper than the limit of " + limit + " (a cycle?): "
            + SafeText.escape(String.join(" -> ", chain)),
        event,
        null,
        null);
    this.chain = List.copyOf(chain);
    this.limit = limit;
  }

  /**
   * Returns the event types of the chain, outermost first, ending with the event that was not
   * dispatched.
   *
   * @return the chain
   */
  public List<String> chain() {
    return chain;
  }

  /**
   * Returns the configured depth limit.
   *
   * @return the limit
   */
  public int limit() {
    return limit;
  }
}
