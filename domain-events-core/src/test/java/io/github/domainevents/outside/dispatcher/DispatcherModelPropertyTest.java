package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * A stateful property: random sequences of register, close, clear and dispatch on one thread,
 * checked against a trivial model (a list of open handlers, filtered by type and sorted by
 * priority then registration). After every dispatch, the (handler, event) pairs delivered equal
 * the model's.
 */
class DispatcherModelPropertyTest {

  /** One handler as the model sees it. */
  static final class ModelHandler {
    final int id;
    final Class<? extends DomainEvent> type;
    final int priority;
    final Registration registration;
    boolean open = true;

    ModelHandler(int id, Class<? extends DomainEvent> type, int priority, Registration registration) {
      this.id = id;
      this.type = type;
      this.priority = priority;
      this.registration = registration;
    }

    @Override
    public String toString() {
      return "#" + id + "(" + type.getSimpleName() + ", " + priority + (open ? ")" : ", closed)");
    }
  }

  /** The dispatcher under test, the model, and what the last dispatch delivered. */
  static final class World {
    final InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().deadEventHandler(event -> {}).build();
    final List<ModelHandler> handlers = new ArrayList<>(); // in registration order
    final List<String> delivered = new ArrayList<>();

    void register(Class<? extends DomainEvent> type, int priority) {
      int id = handlers.size();
      Registration registration = dispatcher.register(type, priority,
          event -> delivered.add(id + "<-" + event.eventId()));
      handlers.add(new ModelHandler(id, type, priority, registration));
    }

    void dispatch(DomainEvent event) {
      delivered.clear();
      dispatcher.dispatch(event);
      List<String> expected = handlers.stream()
          .filter(handler -> handler.open && handler.type.isInstance(event))
          .sorted(Comparator.comparingInt((ModelHandler handler) -> -handler.priority)
              .thenComparingInt(handler -> handler.id))
          .map(handler -> handler.id + "<-" + event.eventId())
          .toList();
      assertThat(delivered).as("delivered for %s with %s", event, handlers).isEqualTo(expected);
    }

    @Override
    public String toString() {
      return handlers.toString();
    }
  }

  @Property(tries = 200)
  void randomRegisterCloseDispatchSequences_deliverExactlyWhatTheModelPredicts(
      @ForAll("worlds") ActionChain<World> chain) {
    chain
        .withInvariant("handlersFor agrees with the model", world -> {
          for (Class<? extends DomainEvent> eventClass : SeedDispatcherPropertyTest.EVENT_CLASSES) {
            long open = world.handlers.stream()
                .filter(handler -> handler.open && handler.type.isAssignableFrom(eventClass))
                .count();
            assertThat(world.dispatcher.handlersFor(eventClass)).hasSize((int) open);
          }
        })
        .run();
  }

  @Provide
  Arbitrary<ActionChain<World>> worlds() {
    return ActionChain.<World>startWith(World::new)
        .withAction(4, new RegisterAction())
        .withAction(2, new CloseAction())
        .withAction(4, new DispatchAction())
        .withAction(1, new ClearAction())
        .withMaxTransformations(40);
  }

  static final class RegisterAction implements Action.Independent<World> {
    @Override
    public Arbitrary<Transformer<World>> transformer() {
      return Combinators.combine(
              Arbitraries.of(SeedDispatcherPropertyTest.HANDLER_TYPES),
              Arbitraries.integers().between(-1, 1))
          .as((type, priority) -> Transformer.mutate(
              "register " + type.getSimpleName() + " priority " + priority,
              world -> world.register(type, priority)));
    }
  }

  static final class CloseAction implements Action.Dependent<World> {
    @Override
    public boolean precondition(World world) {
      return !world.handlers.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<World>> transformer(World world) {
      return Arbitraries.integers().between(0, world.handlers.size() - 1)
          .map(index -> Transformer.mutate("close #" + index, current -> {
            ModelHandler handler = current.handlers.get(index);
            handler.registration.close(); // closing a closed registration must change nothing
            handler.open = false;
          }));
    }
  }

  static final class DispatchAction implements Action.Independent<World> {
    @Override
    public Arbitrary<Transformer<World>> transformer() {
      return Arbitraries.integers().between(0, 2)
          .map(kind -> Transformer.mutate("dispatch kind " + kind,
              world -> world.dispatch(SeedDispatcherPropertyTest.event(kind, world.handlers.size()))));
    }
  }

  static final class ClearAction implements Action.Independent<World> {
    @Override
    public Arbitrary<Transformer<World>> transformer() {
      return Arbitraries.just(Transformer.mutate("clear", world -> {
        world.dispatcher.clear();
        world.handlers.forEach(handler -> handler.open = false);
      }));
    }
  }
}
