package io.github.domainevents.test;

import java.time.Duration;
import java.util.Locale;

/**
 * The one time factor that stretches every timeout and window of the kit, for slow CI machines.
 *
 * <p>Set the system property {@value #FACTOR_PROPERTY} to a positive number, for example {@code
 * -Ddomainevents.test.timeFactor=3} in Surefire's {@code argLine}: every wait of the kit (awaiting
 * an event, the window in which an event must not arrive, awaiting quiescence, the end-of-test
 * check of {@link DomainEventsExtension}) is multiplied by it. The property is read at each use,
 * so a test can change it. The kit never sleeps: waits end as soon as their condition holds.
 *
 * @since 0.1.0
 */
public final class TestTimeouts {
  /** The system property holding the factor; {@code 1} when absent. */
  public static final String FACTOR_PROPERTY = "domainevents.test.timeFactor";

  /** The timeout of the waits that take none: 5 seconds before scaling. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private TestTimeouts() {}

  /**
   * Returns the current time factor.
   *
   * @return the value of {@value #FACTOR_PROPERTY}, or {@code 1.0} when it is not set
   * @throws IllegalStateException if the property is set but is not a finite number greater than
   *     zero; the message names the property and its value
   */
  public static double factor() {
    String value = System.getProperty(FACTOR_PROPERTY);
    if (value == null || value.isBlank()) {
      return 1.0;
    }
    double factor;
    try {
      factor = Double.parseDouble(value.strip());
    } catch (NumberFormatException notANumber) {
      throw invalid(value);
    }
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw invalid(value);
    }
    return factor;
  }

  /**
   * Returns {@code timeout} multiplied by the {@linkplain #factor() time factor}.
   *
   * @param timeout the unscaled timeout, zero or positive
   * @return the scaled timeout, at least one nanosecond unless {@code timeout} is zero
   * @throws NullPointerException if {@code timeout} is null
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws IllegalStateException if the factor property is invalid
   */
  public static Duration scale(Duration timeout) {
    if (timeout == null) {
      throw new NullPointerException("timeout must not be null");
    }
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
    }
    double factor = factor();
    if (factor == 1.0 || timeout.isZero()) {
      return timeout;
    }
    double nanos = timeout.toNanos() * factor;
    return Duration.ofNanos(Math.max(1, (long) Math.min(nanos, Long.MAX_VALUE)));
  }

  /** Describes a scaled timeout for failure messages: {@code 5s} or {@code 15s (5s × 3.0)}. */
  static String describe(Duration unscaled, Duration scaled) {
    return unscaled.equals(scaled)
        ? human(scaled)
        : human(scaled) + " (" + human(unscaled) + " × " + String.format(Locale.ROOT, "%s", factor())
            + ")";
  }

  private static String human(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  private static IllegalStateException invalid(String value) {
    return new IllegalStateException(
        "system property " + FACTOR_PROPERTY + " must be a number greater than 0, was '" + value
            + "'");
  }
}
