package io.github.domainevents.wire;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventType;
import io.github.domainevents.internal.Checks;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An explicit mapping from {@linkplain EventType event type names} to event classes, used to
 * turn {@code "event_type": "invite.created"} on the wire back into {@code InviteCreated}.
 *
 * <p>Only classes registered here can ever be produced when reading events: a name is looked up
 * in this map and nowhere else. Nothing is resolved from a class name found in a payload, no
 * class is loaded by name, and an unknown name fails with {@link UnknownEventTypeException}.
 *
 * <pre>{@code
 * EventTypeRegistry registry =
 *     EventTypeRegistry.builder().register(InviteCreated.class, InviteAccepted.class).build();
 * registry.classOf("invite.created"); // InviteCreated.class
 * }</pre>
 *
 * <p>A registry is immutable and safe for concurrent use; its builder is not.
 *
 * @since 0.1.0
 */
public final class EventTypeRegistry {
  private final Map<String, Class<? extends DomainEvent>> classesByName;
  private final Map<Class<? extends DomainEvent>, String> namesByClass;

  private EventTypeRegistry(Map<String, Class<? extends DomainEvent>> classesByName) {
    this.classesByName = Collections.unmodifiableMap(new LinkedHashMap<>(classesByName));
    Map<Class<? extends DomainEvent>, String> names = new LinkedHashMap<>();
    classesByName.forEach((name, type) -> names.put(type, name));
    this.namesByClass = Collections.unmodifiableMap(names);
  }

  /**
   * Returns a registry of the given classes.
   *
   * @param types the event classes; each is registered under its {@link EventType} value (or
   *     simple name)
   * @return the registry
   * @throws NullPointerException if {@code types} or one of them is null
   * @throws IllegalArgumentException if two different classes have the same type name (the
   *     message names both), or a class's {@link EventType} value is blank or has white space
   */
  @SafeVarargs
  public static EventTypeRegistry of(Class<? extends DomainEvent>... types) {
    return builder().register(types).build();
  }

  /**
   * Returns an empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the class registered under {@code name}.
   *
   * @param name the event type name, as found in {@code event_type}
   * @return the registered class
   * @throws NullPointerException if {@code name} is null
   * @throws UnknownEventTypeException if no class is registered under {@code name}
   */
  public Class<? extends DomainEvent> classOf(String name) {
    Objects.requireNonNull(name, "name must not be null");
    Class<? extends DomainEvent> type = classesByName.get(name);
    if (type == null) {
      throw new UnknownEventTypeException(name);
    }
    return type;
  }

  /**
   * Returns the class registered under {@code name}, if any.
   *
   * @param name the event type name
   * @return the registered class, or empty
   * @throws NullPointerException if {@code name} is null
   */
  public Optional<Class<? extends DomainEvent>> find(String name) {
    Objects.requireNonNull(name, "name must not be null");
    return Optional.ofNullable(classesByName.get(name));
  }

  /**
   * Returns the type name {@code type} is registered under.
   *
   * @param type an event class
   * @return its type name, or empty if the class is not registered
   * @throws NullPointerException if {@code type} is null
   */
  public Optional<String> nameOf(Class<?> type) {
    Objects.requireNonNull(type, "type must not be null");
    return Optional.ofNullable(namesByClass.get(type));
  }

  /**
   * Returns the registered type names, in registration order.
   *
   * @return an unmodifiable set
   */
  public Set<String> names() {
    return classesByName.keySet();
  }

  /** Returns the registered names and classes, for diagnostics. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("EventTypeRegistry{");
    String separator = "";
    for (Map.Entry<String, Class<? extends DomainEvent>> entry : classesByName.entrySet()) {
      text.append(separator).append(entry.getKey()).append('=').append(entry.getValue().getName());
      separator = ", ";
    }
    return text.append('}').toString();
  }

  /**
   * Collects event classes for an {@link EventTypeRegistry}. Every registration is checked at
   * once. Not safe for concurrent use.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, Class<? extends DomainEvent>> classesByName = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers {@code type} under its {@link EventType} value, or its simple name if it has
     * none. Registering the same class twice is harmless.
     *
     * @param type the event class
     * @return this builder
     * @throws NullPointerException if {@code type} is null
     * @throws IllegalArgumentException if another class is already registered under the same
     *     name (the message names both classes), {@code type} is an interface or abstract class,
     *     or its {@link EventType} value is blank or has white space
     */
    public Builder register(Class<? extends DomainEvent> type) {
      Checks.requireNonNull(type, "type");
      Checks.requireArgument(
          !type.isInterface() && !Modifier.isAbstract(type.getModifiers()),
          "cannot register " + type.getName() + ": an event type must be a concrete class");
      String name = DomainEvent.eventTypeOf(type);
      Class<? extends DomainEvent> previous = classesByName.putIfAbsent(name, type);
      if (previous != null && previous != type) {
        throw new IllegalArgumentException(
            "event type '" + name + "' is registered twice: by " + previous.getName() + " and by "
                + type.getName());
      }
      return this;
    }

    /**
     * Registers each of {@code types}, as {@link #register(Class)} does.
     *
     * @param types the event classes
     * @return this builder
     * @throws NullPointerException if {@code types} or one of them is null
     * @throws IllegalArgumentException as {@link #register(Class)}
     */
    @SafeVarargs
    public final Builder register(Class<? extends DomainEvent>... types) {
      Objects.requireNonNull(types, "types must not be null");
      for (Class<? extends DomainEvent> type : types) {
        register(type);
      }
      return this;
    }

    /**
     * Registers each of {@code types}, as {@link #register(Class)} does: for a list built
     * elsewhere (a module's list of its events, a scan done by the application).
     *
     * @param types the event classes
     * @return this builder
     * @throws NullPointerException if {@code types} or one of them is null
     * @throws IllegalArgumentException as {@link #register(Class)}
     */
    public Builder registerAll(Iterable<? extends Class<? extends DomainEvent>> types) {
      Objects.requireNonNull(types, "types must not be null");
      for (Class<? extends DomainEvent> type : types) {
        register(type);
      }
      return this;
    }

    /**
     * Returns the registry.
     *
     * @return a new immutable registry holding the classes registered so far
     */
    public EventTypeRegistry build() {
      return new EventTypeRegistry(classesByName);
    }
  }
}
