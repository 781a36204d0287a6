package io.github.domainevents;

import io.github.domainevents.internal.Checks;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the {@link HandleEvent} methods of a listener object and turns each into a handler
 * backed by a {@link MethodHandle}; no reflection happens per event. The methods of a listener
 * class are read, checked and resolved once per class and cached: registering another instance
 * of the class only binds the method handles to it.
 */
final class ListenerMethods {
  private static final MethodType HANDLER_SHAPE =
      MethodType.methodType(void.class, DomainEvent.class);

  /**
   * The resolved handler methods of each listener class. A class whose methods are invalid has no
   * value: the failure is thrown again, with the same message, every time.
   */
  private static final ClassValue<List<Resolved>> RESOLVED =
      new ClassValue<>() {
        @Override
        protected List<Resolved> computeValue(Class<?> listenerClass) {
          return resolve(listenerClass);
        }
      };

  private ListenerMethods() {}

  /** One annotated method, ready to register. */
  static final class Found {
    final Class<? extends DomainEvent> eventType;
    final int priority;
    final TransactionPhase phase;
    final String description;
    final DomainEventHandler<DomainEvent> handler;

    Found(
        Class<? extends DomainEvent> eventType,
        int priority,
        TransactionPhase phase,
        String description,
        DomainEventHandler<DomainEvent> handler) {
      this.eventType = eventType;
      this.priority = priority;
      this.phase = phase;
      this.description = description;
      this.handler = handler;
    }
  }

  /**
   * One checked handler method of a listener class. Its method handle takes the listener and a
   * {@link DomainEvent} and returns nothing, so that binding it to a listener gives {@link
   * #HANDLER_SHAPE} with no further adaptation.
   */
  private static final class Resolved {
    final Class<? extends DomainEvent> eventType;
    final int priority;
    final TransactionPhase phase;
    final String description;
    final MethodHandle unbound;

    Resolved(
        Class<? extends DomainEvent> eventType,
        int priority,
        TransactionPhase phase,
        String description,
        MethodHandle unbound) {
      this.eventType = eventType;
      this.priority = priority;
      this.phase = phase;
      this.description = description;
      this.unbound = unbound;
    }

    Found bindTo(Object listener) {
      MethodHandle target = unbound.bindTo(listener); // of HANDLER_SHAPE already
      return new Found(
          eventType, priority, phase, description, new MethodHandleHandler(target, description));
    }
  }

  /**
   * Returns the listener's handler methods, sorted by name then parameter type. The methods of
   * its class are read once per class (see {@link #RESOLVED}); this call binds them to {@code
   * listener}, in time linear in their number.
   *
   * @throws IllegalArgumentException naming the method, if an annotated method is not public,
   *     is static, does not take exactly one {@link DomainEvent} parameter, cannot be accessed,
   *     or is overridden through a generic bridge by a method without the annotation; or if the
   *     listener has no annotated method at all
   */
  static List<Found> scan(Object listener) {
    List<Resolved> methods = RESOLVED.get(listener.getClass());
    List<Found> found = new ArrayList<>(methods.size());
    for (Resolved method : methods) {
      found.add(method.bindTo(listener));
    }
    return found;
  }

  private static List<Resolved> resolve(Class<?> listenerClass) {
    Map<String, Method> bySignature = new LinkedHashMap<>();
    // Bridges of more derived classes: a superclass method with the same signature is overridden
    // through the bridge (a generic on(E) overridden by on(InviteCreated)); invoking it would call
    // the override a second time, or fail with a ClassCastException for other events.
    Map<String, Method> bridges = new HashMap<>();
    for (Class<?> type = listenerClass; type != null && type != Object.class;
        type = type.getSuperclass()) {
      List<Method> declaredBridges = new ArrayList<>();
      for (Method method : type.getDeclaredMethods()) {
        if (method.isBridge()) {
          declaredBridges.add(method);
        } else if (method.isAnnotationPresent(HandleEvent.class) && !method.isSynthetic()) {
          String signature = signature(method);
          Method bridge = bridges.get(signature);
          if (bridge == null) {
            // the most derived declaration wins, so an overridden handler is registered once
            bySignature.putIfAbsent(signature, method);
          } else {
            Checks.requireArgument(
                hasAnnotatedOverride(bridge, bySignature.values()),
                "@HandleEvent method " + describe(method) + " is overridden in "
                    + HandlerDescriptions.withoutPackage(bridge.getDeclaringClass().getName())
                    + " by a method without @HandleEvent; annotate the override");
          }
        }
      }
      for (Method bridge : declaredBridges) {
        bridges.putIfAbsent(signature(bridge), bridge);
      }
    }
    Checks.requireArgument(
        !bySignature.isEmpty(),
        listenerClass.getName() + " has no method annotated with @HandleEvent");
    List<Method> methods = new ArrayList<>(bySignature.values());
    methods.sort(
        Comparator.comparing(Method::getName)
            .thenComparing(m -> Arrays.toString(m.getParameterTypes())));
    List<Resolved> resolved = new ArrayList<>(methods.size());
    for (Method method : methods) {
      resolved.add(toHandler(method));
    }
    return List.copyOf(resolved);
  }

  private static String signature(Method method) {
    return method.getName() + Arrays.toString(method.getParameterTypes());
  }

  /** Tells whether a registered method is the one-parameter override that {@code bridge} calls. */
  private static boolean hasAnnotatedOverride(Method bridge, Collection<Method> registered) {
    for (Method method : registered) {
      if (method.getName().equals(bridge.getName())
          && method.getParameterCount() == 1
          && bridge.getParameterCount() == 1
          && bridge.getDeclaringClass().isAssignableFrom(method.getDeclaringClass())
          && bridge.getParameterTypes()[0].isAssignableFrom(method.getParameterTypes()[0])) {
        return true;
      }
    }
    return false;
  }

  private static Resolved toHandler(Method method) {
    String name = describe(method);
    int modifiers = method.getModifiers();
    Checks.requireArgument(
        Modifier.isPublic(modifiers), "@HandleEvent method " + name + " must be public");
    Checks.requireArgument(
        !Modifier.isStatic(modifiers), "@HandleEvent method " + name + " must not be static");
    Checks.requireArgument(
        method.getParameterCount() == 1,
        "@HandleEvent method " + name + " must take exactly one parameter, the event; it takes "
            + method.getParameterCount());
    Class<?> parameter = method.getParameterTypes()[0];
    Checks.requireArgument(
        DomainEvent.class.isAssignableFrom(parameter),
        "@HandleEvent method " + name + " must take a DomainEvent subtype, not "
            + parameter.getName());
    MethodHandle unbound =
        unreflect(method, name)
            .asType(HANDLER_SHAPE.insertParameterTypes(0, method.getDeclaringClass()));
    HandleEvent annotation = method.getAnnotation(HandleEvent.class);
    return new Resolved(
        parameter.asSubclass(DomainEvent.class), annotation.priority(), annotation.phase(), name,
        unbound);
  }

  private static MethodHandle unreflect(Method method, String name) {
    try {
      return MethodHandles.publicLookup().unreflect(method);
    } catch (IllegalAccessException notPublic) {
      // A public method of a non-public class: reach it through a lookup in its own class.
      Class<?> owner = method.getDeclaringClass();
      try {
        ListenerMethods.class.getModule().addReads(owner.getModule());
        return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).unreflect(method);
      } catch (IllegalAccessException | RuntimeException denied) {
        IllegalArgumentException failure =
            new IllegalArgumentException(
                "@HandleEvent method " + name + " is not accessible: make " + owner.getName()
                    + " public, or open its package to module io.github.domainevents",
                denied);
        failure.addSuppressed(notPublic);
        throw failure;
      }
    }
  }

  /** {@code InviteHandlers.warmCache(InviteCreated)}. */
  static String describe(Method method) {
    StringBuilder text =
        new StringBuilder(HandlerDescriptions.withoutPackage(method.getDeclaringClass().getName()))
            .append('.')
            .append(method.getName())
            .append('(');
    Class<?>[] parameters = method.getParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      text.append(i == 0 ? "" : ", ").append(parameters[i].getSimpleName());
    }
    return text.append(')').toString();
  }

  /** Invokes a bound method handle of shape {@code (DomainEvent)void}. */
  private static final class MethodHandleHandler implements DomainEventHandler<DomainEvent> {
    private final MethodHandle target;
    private final String description;

    MethodHandleHandler(MethodHandle target, String description) {
      this.target = target;
      this.description = description;
    }

    @Override
    public void handle(DomainEvent event) throws Exception {
      try {
        target.invokeExact(event);
      } catch (Exception | Error failure) {
        throw failure;
      } catch (Throwable other) {
        throw new UndeclaredThrowableException(other, description + " threw " + other);
      }
    }

    @Override
    public String toString() {
      return description;
    }
  }
}
