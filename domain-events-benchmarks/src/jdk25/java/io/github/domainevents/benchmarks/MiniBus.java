package io.github.domainevents.benchmarks;

import io.github.domainevents.DomainEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The dispatching shared by the minimal buses: handlers per exact event class, cached in a
 * {@link ClassValue} (as {@link ReferenceDispatcher} does), and a loop that calls each handler
 * inside the same per-handler {@code try}/{@code catch} as {@code InProcessEventDispatcher}.
 * Subclasses differ only in how they carry the ambient cause around that loop.
 */
abstract class MiniBus implements ContextBus {
  /** The nesting limit of {@code InProcessEventDispatcher}'s default. */
  static final int MAX_DEPTH = 64;

  private static final LevelHandler[] NONE = new LevelHandler[0];

  private final List<Class<?>> types = new ArrayList<>();
  private final List<LevelHandler> handlers = new ArrayList<>();
  private final ClassValue<LevelHandler[]> routes =
      new ClassValue<>() {
        @Override
        protected LevelHandler[] computeValue(Class<?> eventClass) {
          List<LevelHandler> matching = new ArrayList<>();
          for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == eventClass) {
              matching.add(handlers.get(i));
            }
          }
          return matching.isEmpty() ? NONE : matching.toArray(NONE);
        }
      };

  @Override
  public final void register(Class<? extends DomainEvent> type, LevelHandler handler) {
    types.add(type);
    handlers.add(handler);
  }

  @Override
  public final void dispatch(DomainEvent event) {
    LevelHandler[] route = routes.get(event.getClass());
    if (route.length == 0) {
      throw new IllegalStateException("no handler for " + event.getClass().getName());
    }
    dispatchTo(event, route);
  }

  /** Runs {@code route} for {@code event} with {@code event} as the ambient cause. */
  abstract void dispatchTo(DomainEvent event, LevelHandler[] route);

  /** The loop, with {@code InProcessEventDispatcher}'s per-handler catch (never taken here). */
  static void runLoop(DomainEvent event, LevelHandler[] route) {
    for (LevelHandler handler : route) {
      try {
        handler.handle(event);
      } catch (Throwable failure) {
        throw failed(failure);
      }
    }
  }

  static RuntimeException failed(Throwable failure) {
    if (failure instanceof RuntimeException unchecked) {
      return unchecked;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(failure);
  }

  static IllegalStateException tooDeep(DomainEvent event) {
    return new IllegalStateException(
        "dispatch of " + event.getClass().getSimpleName() + " nested deeper than " + MAX_DEPTH);
  }
}
