package io.github.domainevents.internal;

import io.github.domainevents.EventType;

/**
 * Not part of the API: this package is not exported. Resolves and caches the {@linkplain io.github.domainevents.DomainEvent#eventType() event type} of each event class,
 * so that reading it costs no reflection after the first use.
 */
public final class EventTypes {
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
   * @param type an event class
   * @return its type name
   * @throws IllegalArgumentException if the {@link EventType} value is blank or has white space;
   *     the failure is not cached, so every use reports it again
   */
  public static String of(Class<?> type) {
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
      if (isWhiteSpace(value.charAt(i))) {
        throw new IllegalArgumentException(
            "@EventType(\"" + value + "\") on " + type.getName() + " must not contain white space");
      }
    }
    return value;
  }

  /**
   * Tells whether {@code c} is white space in Unicode's sense. {@link Character#isWhitespace}
   * alone misses the no-break spaces (U+00A0, U+2007, U+202F) and U+0085, which look like or
   * act as spaces and slip in through copy and paste.
   *
   * @param c a character
   * @return true if it is white space
   */
  public static boolean isWhiteSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
