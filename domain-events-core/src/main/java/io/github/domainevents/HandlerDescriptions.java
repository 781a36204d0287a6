package io.github.domainevents;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Readable handler names, and the event type a handler class declares in its generics. */
final class HandlerDescriptions {
  private static final String LAMBDA_MARKER = "$$Lambda";

  private HandlerDescriptions() {}

  /**
   * Describes a handler object: {@code SendWelcomeMail}, {@code Outer.Inner}, {@code lambda in
   * InviteDemo}, {@code anonymous InviteDemo$1}.
   */
  static String describe(Object handler) {
    Class<?> type = handler.getClass();
    String name = type.getName();
    int lambda = name.indexOf(LAMBDA_MARKER);
    if (lambda >= 0) {
      return "lambda in " + withoutPackage(name.substring(0, lambda));
    }
    if (type.isAnonymousClass()) {
      return "anonymous " + withoutPackage(name);
    }
    return withoutPackage(name);
  }

  /** {@code a.b.Outer$Inner} becomes {@code Outer.Inner}. */
  static String withoutPackage(String binaryName) {
    String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
    return simple.replace('$', '.');
  }

  /**
   * Returns the {@code E} that {@code handlerClass} binds in {@code DomainEventHandler<E>}, or
   * null when erased or unbound (lambdas, raw types, generic handler classes).
   */
  static @Nullable Class<? extends DomainEvent> declaredEventType(Class<?> handlerClass) {
    Class<?> found = find(handlerClass, Map.of());
    return found != null && DomainEvent.class.isAssignableFrom(found)
        ? found.asSubclass(DomainEvent.class)
        : null;
  }

  private static @Nullable Class<?> find(Type type, Map<TypeVariable<?>, Type> bindings) {
    Class<?> raw;
    Map<TypeVariable<?>, Type> local;
    if (type instanceof ParameterizedType parameterized) {
      raw = (Class<?>) parameterized.getRawType();
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] arguments = parameterized.getActualTypeArguments();
      local = new HashMap<>();
      for (int i = 0; i < variables.length; i++) {
        Type argument = arguments[i];
        Type bound = argument instanceof TypeVariable<?> variable ? bindings.get(variable) : null;
        local.put(variables[i], bound != null ? bound : argument);
      }
      if (raw == DomainEventHandler.class) {
        return toClass(local.get(variables[0]));
      }
    } else if (type instanceof Class<?> plain) {
      if (plain == DomainEventHandler.class) {
        return null; // implemented raw
      }
      raw = plain;
      local = Map.of();
    } else {
      return null;
    }
    for (Type superInterface : raw.getGenericInterfaces()) {
      Class<?> found = find(superInterface, local);
      if (found != null) {
        return found;
      }
    }
    Type superclass = raw.getGenericSuperclass();
    return superclass != null ? find(superclass, local) : null;
  }

  private static @Nullable Class<?> toClass(@Nullable Type type) {
    if (type instanceof Class<?> plain) {
      return plain;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return null;
  }
}
