package io.github.domainevents.spring.boot;

import io.github.domainevents.TransactionPhase;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;
import java.util.Locale;

/**
 * Every name and key the starter reports to Micrometer, in one place: the handler observation
 * ({@link #HANDLE}, a timer and, with Micrometer Tracing, a span per handler invocation) and the
 * {@link Counters counters} of dispatched, failed and dead events.
 *
 * <table>
 *   <caption>Names and keys</caption>
 *   <tr><th>name</th><th>type</th><th>tags / key values</th></tr>
 *   <tr><td>{@code domain.events.handle}</td><td>timer (observation); span {@code handle
 *       <event type>}</td><td>{@code event.type}, {@code handler}, {@code phase}, {@code outcome};
 *       Micrometer adds {@code error}; spans also {@code event.id}, {@code correlation.id},
 *       {@code causation.id}</td></tr>
 *   <tr><td>{@code domain.events.dispatched}</td><td>counter</td><td>{@code event.type}, {@code
 *       phase}</td></tr>
 *   <tr><td>{@code domain.events.failed}</td><td>counter</td><td>{@code event.type}, {@code
 *       handler}, {@code phase}, {@code exception}</td></tr>
 *   <tr><td>{@code domain.events.dead}</td><td>counter</td><td>{@code event.type}</td></tr>
 * </table>
 *
 * <p>Values: {@code event.type} is {@link io.github.domainevents.DomainEvent#eventType()}; {@code
 * handler} is {@link io.github.domainevents.HandlerInfo#description()}; {@code phase} is the
 * handler's {@link TransactionPhase} in lower case ({@code immediate}, {@code before_commit},
 * {@code after_commit}, {@code after_rollback}, {@code after_completion}); {@code outcome} is
 * {@code success} or {@code failure}; {@code exception} is the simple class name of what the
 * handler threw. All are bounded by the application's code, not by its data.
 *
 * @since 0.1.0
 */
public enum DomainEventsObservation implements ObservationDocumentation {
  /** One handler invocation: a timer, and a span when Micrometer Tracing is present. */
  HANDLE {
    @Override
    public String getName() {
      return "domain.events.handle";
    }

    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>>
        getDefaultConvention() {
      return DefaultDomainEventsObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return LowCardinalityKeys.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return HighCardinalityKeys.values();
    }
  };

  /** Returns the lower-case value of {@code phase}, as the {@code phase} key reports it. */
  static String phaseValue(TransactionPhase phase) {
    return phase.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The low-cardinality keys of {@link #HANDLE}: tags of the timer and of the span.
   *
   * @since 0.1.0
   */
  public enum LowCardinalityKeys implements KeyName {
    /** The event's type name. */
    EVENT_TYPE("event.type"),
    /** The handler's description. */
    HANDLER("handler"),
    /** The handler's transaction phase, lower case. */
    PHASE("phase"),
    /** {@code success} or {@code failure}. */
    OUTCOME("outcome");

    private final String key;

    LowCardinalityKeys(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /**
   * The high-cardinality keys of {@link #HANDLE}: on the span only.
   *
   * @since 0.1.0
   */
  public enum HighCardinalityKeys implements KeyName {
    /** The event's id. */
    EVENT_ID("event.id"),
    /** The event's correlation id, or {@code none}. */
    CORRELATION_ID("correlation.id"),
    /** The event's causation id, or {@code none}. */
    CAUSATION_ID("causation.id");

    private final String key;

    HighCardinalityKeys(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /**
   * The counters, with their tags (see the class documentation).
   *
   * @since 0.1.0
   */
  public enum Counters {
    /**
     * Events delivered to their handlers, once per event and phase: counted when the first
     * handler of the event's immediate handlers (or of one phase's handlers, when that phase
     * comes) starts. Tags {@code event.type}, {@code phase}.
     */
    DISPATCHED("domain.events.dispatched"),
    /**
     * Handler invocations that threw, whatever the error policy then does. Tags {@code
     * event.type}, {@code handler}, {@code phase}, {@code exception}.
     */
    FAILED("domain.events.failed"),
    /** Events dispatched with no handler. Tag {@code event.type}. */
    DEAD("domain.events.dead");

    private final String meterName;

    Counters(String meterName) {
      this.meterName = meterName;
    }

    /**
     * Returns the meter's name.
     *
     * @return the name, as in {@code domain.events.dispatched}
     */
    public String meterName() {
      return meterName;
    }
  }
}
