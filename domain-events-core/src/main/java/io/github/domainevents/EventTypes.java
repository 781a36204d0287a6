package io.github.domainevents;

import io.github.domainevents.internal.Characters;

/**
 * Resolves and caches the {@linkplain DomainEvent#eventType() event type} of each event class,
 * so that reading it costs no reflection after the first use.
 */
final class EventTypes {
  private static final ClassValue<String> NAMES =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          return resolve(type);
        }
      };

  private EventTypes() {}

  /**
   * Returns the event type of {@code type}: its {@link EventType} value, else its simple name.
   *
   * @throws IllegalArgumentException if the {@link EventType} value is blank or has white space;
   *     the failure is not cached, so every use reports it again
   */
  static String nameOf(Class<?> type) {
    return NAMES.get(type);
  }

  private static String resolve(Class<?> type) {
    EventType annotation = type.getAnnotation(EventType.class);
    if (annotation == null) {
      String simpleName = type.getSimpleName();
      return simpleName.isEmpty() ? type.getName() : simpleName;
    }
    String value = annotation.value();
    if (value.isBlank()) {
      throw new IllegalArgumentException("@EventType on " + type.getName() + " must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Characters.isWhiteSpace(value.charAt(i))) {
        throw new IllegalArgumentException(
            "@EventType(\"" + value + "\") on " + type.getName() + " must not contain white space");
      }
    }
    return value;
  }
}
