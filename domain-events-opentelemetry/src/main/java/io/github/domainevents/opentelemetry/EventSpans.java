package io.github.domainevents.opentelemetry;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.HandlerInfo;
import io.opentelemetry.api.common.AttributeKey;

/**
 * The names this module gives to what it records: the instrumentation scope, the span name, the
 * span attribute keys and the event metadata keys. One place, so that dashboards and queries
 * have one list to read.
 *
 * <h2>Spans</h2>
 *
 * One span per handler invocation, of kind {@code INTERNAL}, named by {@link #spanName}: the
 * event type, a space, and the handler description, for example {@code invite.created
 * SendWelcomeMail}. Both parts are fixed per registration, so span names stay low-cardinality;
 * the event id is an attribute, never part of the name.
 *
 * <table>
 *   <caption>Span attributes</caption>
 *   <tr><th>key</th><th>value</th><th>when</th></tr>
 *   <tr><td>{@code domain_event.id}</td><td>the event id, canonical UUID text</td>
 *       <td>always</td></tr>
 *   <tr><td>{@code domain_event.type}</td><td>{@link DomainEvent#eventType()}</td>
 *       <td>always</td></tr>
 *   <tr><td>{@code domain_event.correlation_id}</td><td>the correlation id</td>
 *       <td>if the event has one</td></tr>
 *   <tr><td>{@code domain_event.causation_id}</td><td>the causation id</td>
 *       <td>if the event has one</td></tr>
 *   <tr><td>{@code domain_event.handler}</td><td>{@link HandlerInfo#description()}</td>
 *       <td>always</td></tr>
 *   <tr><td>{@code error.type}</td><td>the fully qualified class name of what the handler
 *       threw</td><td>on failure (with status {@code ERROR} and an exception event)</td></tr>
 * </table>
 *
 * <h2>Event metadata</h2>
 *
 * The trace context current when an event was created is stored in its metadata under {@link
 * #TRACEPARENT} and {@link #TRACESTATE}, in the W3C Trace Context text format, so it survives the
 * JSON and CloudEvents mappings unchanged.
 *
 * @since 0.1.0
 */
public final class EventSpans {

  /** The instrumentation scope name of the tracer: {@value}. */
  public static final String INSTRUMENTATION_SCOPE = "io.github.domainevents";

  /** Span attribute: the handled event's id. */
  public static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("domain_event.id");

  /** Span attribute: the handled event's type. */
  public static final AttributeKey<String> EVENT_TYPE =
      AttributeKey.stringKey("domain_event.type");

  /** Span attribute: the handled event's correlation id, set only if it has one. */
  public static final AttributeKey<String> CORRELATION_ID =
      AttributeKey.stringKey("domain_event.correlation_id");

  /** Span attribute: the handled event's causation id, set only if it has one. */
  public static final AttributeKey<String> CAUSATION_ID =
      AttributeKey.stringKey("domain_event.causation_id");

  /** Span attribute: the description of the handler the span covers. */
  public static final AttributeKey<String> HANDLER = AttributeKey.stringKey("domain_event.handler");

  /**
   * Span attribute on failure: the class name of the exception (OpenTelemetry's semantic
   * convention {@code error.type}).
   */
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** Event metadata key of the W3C {@code traceparent} of the span that created the event. */
  public static final String TRACEPARENT = "traceparent";

  /** Event metadata key of the W3C {@code tracestate}, present only when not empty. */
  public static final String TRACESTATE = "tracestate";

  private EventSpans() {}

  /**
   * Returns the name of the span for one handler invocation: {@code <event type> <handler
   * description>}.
   *
   * @param event the handled event
   * @param handler the handler
   * @return the span name, for example {@code invite.created SendWelcomeMail}
   * @throws NullPointerException if an argument is null
   */
  public static String spanName(DomainEvent event, HandlerInfo handler) {
    return event.eventType() + " " + handler.description();
  }
}
