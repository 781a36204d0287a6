package io.github.domainevents.wire;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.internal.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One event object in the flat wire shape, as a JSON module reads it: the protocol's rules for
 * reading, in one place for every JSON library.
 *
 * <p>A codec implements {@link JsonInput} (its parser) and {@link JsonOutput} (its buffer);
 * {@link #read} walks the object in one pass: header members are checked and converted as they
 * come, the event's own fields are copied into the codec's buffer. Then {@link
 * #resolve(EventTypeRegistry, Class)} picks the class (for an abstract target), {@link
 * #header(EventTypeRegistry, Class)} builds the header, and {@link #checkFields} checks the own
 * fields against the class's properties, strictly, whatever the JSON library's settings.
 * {@link #startDocument} and {@link #endDocument} check the document around the object.
 *
 * <p>Not safe for concurrent use; one instance reads one object.
 *
 * @since 0.1.0
 */
public final class EventObject {
  private final ReadOptions options;
  private final Map<String, ValueReader> header = new HashMap<>(8);
  private final Map<String, JsonKind> fields = new LinkedHashMap<>();
  private final Set<String> beyondDouble = new HashSet<>();
  private @Nullable EventHeader embedded;
  private final Walk.Scalars ownFieldScalars = this::checkScalar;
  private String field = "";

  private EventObject(ReadOptions options) {
    this.options = options;
  }

  /**
   * Starts reading an event object.
   *
   * @param kind the kind of the value where an event object is expected
   * @param options the limits
   * @return a new reader of the object's members
   * @throws EventFormatException if {@code kind} is not {@link JsonKind#OBJECT}
   * @throws NullPointerException if an argument is null
   */
  static EventObject start(JsonKind kind, ReadOptions options) {
    Checks.requireNonNull(kind, "kind");
    Checks.requireNonNull(options, "options");
    requireObject(kind, "an event");
    return new EventObject(options);
  }

  /**
   * Reads the event object at the input's current token (or at its first token, if it has not
   * started) in one pass: header members are checked and converted by the protocol, and the
   * event's own fields are copied unconverted into {@code fields}, as an object that is left
   * open (the caller adds the header and ends it, see {@link #checkFields}). Strings are decoded
   * (so the codec's string limit applies) and decimals beyond the range of a double noted. The
   * input is left on the object's last token.
   *
   * @param input the codec's parser, on the object or before it
   * @param options the limits
   * @param fields the codec's buffer for the own fields
   * @return the object read, for {@link #resolve}, {@link #header} and {@link #checkFields}
   * @throws EventFormatException if the value is not an object, a key appears twice or is a
   *     type id, or a header value breaks a limit; the message names the key
   * @throws NullPointerException if an argument is null
   */
  public static EventObject read(JsonInput input, ReadOptions options, JsonOutput fields) {
    Checks.requireNonNull(input, "input");
    Checks.requireNonNull(fields, "fields");
    JsonInput.Token token = input.current() == null ? input.next() : input.current();
    EventObject event = start(Walk.kind(token), options);
    fields.startObject();
    for (token = input.next(); token == JsonInput.Token.NAME; token = input.next()) {
      String key = input.name();
      JsonInput.Token value = input.next();
      if (value == JsonInput.Token.OTHER && key.equals(WireFormat.EVENT_ID)
          && input.embedded() instanceof EventHeader header) {
        event.embeddedHeader(header);
        continue;
      }
      JsonSink sink = event.member(key, Walk.kind(value));
      if (sink != null) {
        Walk.push(input, sink);
      } else {
        fields.name(key);
        event.field = key;
        Walk.copy(input, fields, event.ownFieldScalars);
      }
    }
    return event;
  }

  /** Checks the scalars of the own field being copied: strings decoded, decimals noted. */
  private void checkScalar(JsonInput.Token token, JsonInput input) {
    if (token == JsonInput.Token.DECIMAL) {
      decimalInField(field, input.text());
    } else {
      input.text();
    }
  }

  /**
   * Starts reading a document that must hold one event object: advances the input to its first
   * token and checks that it starts an object. After the codec has read the object, {@link
   * #endDocument} checks that nothing follows.
   *
   * @param input the codec's parser over the whole document, not yet started
   * @throws EventFormatException if the document is empty or its value is not an object
   * @throws NullPointerException if {@code input} is null
   */
  public static void startDocument(JsonInput input) {
    Checks.requireNonNull(input, "input");
    requireObject(Walk.kind(Walk.first(input)));
  }

  /**
   * Checks that the document ends after the value the input was left on.
   *
   * @param input the codec's parser, on the value's last token
   * @throws EventFormatException if more content follows
   * @throws NullPointerException if {@code input} is null
   */
  public static void endDocument(JsonInput input) {
    Checks.requireNonNull(input, "input");
    Walk.end(input, null, "trailing content after the JSON value");
  }

  /**
   * Checks that a document to be read as an event is a JSON object.
   *
   * @param kind the kind of the document's value
   * @throws EventFormatException if it is not an object
   */
  static void requireObject(JsonKind kind) {
    requireObject(kind, "an event");
  }

  static void requireObject(JsonKind kind, String what) {
    if (kind != JsonKind.OBJECT) {
      throw new EventFormatException(
          null, what + " must be a JSON object, was " + kind.describe());
    }
  }

  /**
   * Accepts the next member of the object.
   *
   * @param key the member name
   * @param kind the kind of its value
   * @return a sink for the value of a header member, or null for an event field (the caller
   *     keeps its value)
   * @throws EventFormatException naming the key if it appeared before (duplicate keys are
   *     rejected) or is a type id such as {@code @class}
   */
  @Nullable JsonSink member(String key, JsonKind kind) {
    if (WireFormat.isTypeIdKey(key)) {
      throw new EventFormatException(
          key, "'" + WireFormat.abbreviate(key) + "' is not accepted: types are chosen by"
              + " event_type through the registry, never by class names in the payload");
    }
    if (header.containsKey(key) || fields.containsKey(key)) {
      throw new EventFormatException(
          key, "'" + WireFormat.abbreviate(key) + "' appears twice; duplicate keys are rejected");
    }
    if (WireFormat.isHeaderKey(key)) {
      ValueReader reader = ValueReader.of(key, options);
      header.put(key, reader);
      return reader;
    }
    fields.put(key, kind);
    return null;
  }

  /**
   * Notes a number with a fraction or exponent, as written, anywhere inside the value of the
   * event field {@code key}. A number beyond the range of a double is remembered, and {@link
   * #checkFields} rejects it unless the field is read exactly ({@code BigDecimal}, {@code
   * BigInteger}).
   *
   * @param key the event field
   * @param text the number's text
   */
  void decimalInField(String key, String text) {
    if (!beyondDouble.contains(key) && Double.isInfinite(Double.parseDouble(text))) {
      beyondDouble.add(key);
    }
  }

  /**
   * Accepts a header already built (when a module re-reads an event it unwrapped from a
   * CloudEvent, with the header as an embedded value that no JSON text can produce).
   *
   * @param built the header
   */
  void embeddedHeader(EventHeader built) {
    this.embedded = Checks.requireNonNull(built, "built");
  }

  /**
   * Returns the registered class named by {@code event_type}, for reading into an abstract
   * {@code target} ({@code DomainEvent}, {@code BaseDomainEvent}).
   *
   * @param <E> the target type
   * @param registry the registered classes
   * @param target the type asked for
   * @return the registered class, a subtype of {@code target}
   * @throws UnknownEventTypeException if no class is registered under the name
   * @throws EventFormatException naming {@code event_type} if it is missing, null, not a
   *     string, blank, or names a class that is not a {@code target}
   */
  public <E extends DomainEvent> Class<? extends E> resolve(
      EventTypeRegistry registry, Class<E> target) {
    String name = WireFormat.readEventType(headerValues());
    Class<? extends DomainEvent> type = registry.classOf(name);
    if (!target.isAssignableFrom(type)) {
      throw new EventFormatException(
          WireFormat.EVENT_TYPE, "event_type '" + name + "' is " + type.getName() + ", not a "
              + target.getSimpleName());
    }
    return type.asSubclass(target);
  }

  /**
   * Builds the header for reading {@code eventClass}. The class must be registered; a present
   * {@code event_type} must be its registered name (a null or blank one is an error).
   *
   * @param registry the registered classes
   * @param eventClass the concrete class being read
   * @return the header
   * @throws EventFormatException naming the field if the class is not registered, {@code
   *     event_type} is null, blank or names another type, or a header field is missing or
   *     invalid
   */
  public EventHeader header(EventTypeRegistry registry, Class<?> eventClass) {
    Optional<String> registered = registry.nameOf(eventClass);
    if (registered.isEmpty()) {
      throw new EventFormatException(
          WireFormat.EVENT_TYPE, eventClass.getName() + " is not registered in the"
              + " EventTypeRegistry; register it to read it");
    }
    Map<String, @Nullable Object> values = headerValues();
    if (values.containsKey(WireFormat.EVENT_TYPE)) {
      String type = WireFormat.readEventType(values);
      if (!type.equals(registered.get())) {
        throw new EventFormatException(
            WireFormat.EVENT_TYPE, "event_type '" + WireFormat.abbreviate(type)
                + "' does not match " + eventClass.getName() + ", registered as '"
                + registered.get() + "'");
      }
    }
    EventHeader built = embedded;
    return built != null ? built : WireFormat.readHeader(values, options);
  }

  private Map<String, @Nullable Object> headerValues() {
    Map<String, @Nullable Object> values = new HashMap<>(8);
    header.forEach((key, reader) -> values.put(key, reader.result()));
    return values;
  }

  /**
   * Checks the event's own fields against the properties of the class being read: every field
   * must be a property, every required property must be present, and a field read into a
   * number, boolean, string or enum property must have that JSON type (no fraction read into an
   * integer, no string into a number, no number into a boolean, enum or string).
   *
   * @param eventClass the class being read
   * @param headerProperty the name of its {@code EventHeader} property, or null if it has none
   * @param properties the class's properties, by name, with their Java types; null when the
   *     JSON module cannot tell them (a custom deserializer), and then only the header property
   *     is checked
   * @param required the names of the properties that must be present
   * @throws EventFormatException naming the field that breaks a rule, or if the class has no
   *     {@code EventHeader} property
   */
  public void checkFields(
      Class<?> eventClass,
      @Nullable String headerProperty,
      @Nullable Map<String, Class<?>> properties,
      Collection<String> required) {
    if (headerProperty == null) {
      throw new EventFormatException(
          null, eventClass.getName() + " has no constructor parameter of type EventHeader;"
              + " records need an 'EventHeader header' component, classes a @JsonCreator"
              + " constructor taking the header");
    }
    if (fields.containsKey(headerProperty)) {
      throw new EventFormatException(
          headerProperty, "'" + headerProperty + "' is not an event field: header fields are the"
              + " top-level keys " + WireFormat.HEADER_KEYS);
    }
    if (properties == null) {
      return;
    }
    for (Map.Entry<String, JsonKind> field : fields.entrySet()) {
      String key = field.getKey();
      Class<?> type = properties.get(key);
      if (type == null) {
        throw new EventFormatException(
            key, "'" + WireFormat.abbreviate(key) + "' is not a field of " + eventClass.getName()
                + "; unknown fields are rejected (fields: " + properties.keySet() + ")");
      }
      checkKind(key, field.getValue(), type);
      if (beyondDouble.contains(key) && type != BigDecimal.class && type != BigInteger.class) {
        throw new EventFormatException(
            key, key + " holds a number beyond the range of a double; it would become Infinity");
      }
    }
    for (String name : required) {
      if (!name.equals(headerProperty) && !fields.containsKey(name)) {
        throw new EventFormatException(
            name, name + " is missing; it is required by " + eventClass.getName());
      }
    }
  }


  private static final Set<Class<?>> INTEGERS =
      Set.of(int.class, long.class, short.class, byte.class, Integer.class, Long.class,
          Short.class, Byte.class, BigInteger.class);
  private static final Set<Class<?>> NUMBERS =
      Set.of(double.class, float.class, Double.class, Float.class, BigDecimal.class,
          Number.class);
  private static final Set<Class<?>> STRINGS = Set.of(String.class, char.class, Character.class);

  static void checkKind(String key, JsonKind kind, Class<?> type) {
    if (kind == JsonKind.NULL) {
      if (type.isPrimitive()) {
        throw new EventFormatException(key, key + " is null; it must be a " + type.getName());
      }
      return;
    }
    String expected;
    if (INTEGERS.contains(type)) {
      if (kind == JsonKind.INTEGER) {
        return;
      }
      expected = "an integer";
    } else if (NUMBERS.contains(type)) {
      if (kind == JsonKind.INTEGER || kind == JsonKind.DECIMAL) {
        return;
      }
      expected = "a number";
    } else if (type == boolean.class || type == Boolean.class) {
      if (kind == JsonKind.BOOLEAN) {
        return;
      }
      expected = "a boolean";
    } else if (STRINGS.contains(type) || type.isEnum()) {
      if (kind == JsonKind.STRING) {
        return;
      }
      expected = "a string";
    } else {
      return;
    }
    throw new EventFormatException(
        key, key + " must be " + expected + ", was " + kind.describe());
  }
}
