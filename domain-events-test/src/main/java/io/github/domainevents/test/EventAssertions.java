package io.github.domainevents.test;

/**
 * Entry point of the kit's AssertJ assertions; import it statically beside AssertJ's own {@code
 * assertThat}, the two overloads do not clash.
 *
 * <pre>{@code
 * assertThat(events)
 *     .contains(WelcomeMailSent.class, mail -> mail.email().equals("ada@example.com"))
 *     .hasExactly(1, InviteCreated.class)
 *     .doesNotContain(InviteRevoked.class);
 * assertThat(events).event(WelcomeMailSent.class).isCausedBy(InviteCreated.class);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class EventAssertions {
  private EventAssertions() {}

  /**
   * Starts assertions on captured events. Each assertion looks at the events captured when it
   * runs; to wait for asynchronous ones first, use {@link CapturedEvents#awaitEvent} or {@link
   * CapturedEvents#awaitQuiescence}.
   *
   * @param actual the captured events
   * @return the assertions
   */
  public static CapturedEventsAssert assertThat(CapturedEvents actual) {
    return new CapturedEventsAssert(actual);
  }
}
