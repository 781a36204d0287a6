package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import io.github.domainevents.outside.LogCapture;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.BadlyTyped;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteEvent;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registering and unregistering handlers: the two-argument form, inferred types, closing. */
class RegistrationTest {
  /** Captures the warnings and errors these tests cause on purpose. */
  @RegisterExtension final LogCapture logs = new LogCapture();

  private final InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
  private final Journal journal = new Journal();

  @Test
  void registeredHandler_receivesDispatchedEvent() {
    dispatcher.register(InviteCreated.class, journal.handler("h"));

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(journal.entries()).containsExactly("h:invite.created1");
  }

  @Test
  void close_unsubscribes() {
    Registration registration = dispatcher.register(InviteCreated.class, journal.handler("h"));
    dispatcher.dispatch(new InviteCreated(1));

    registration.close();
    dispatcher.dispatch(new InviteCreated(2));

    assertThat(journal.entries()).containsExactly("h:invite.created1");
    assertThat(dispatcher.handlersFor(InviteCreated.class)).isEmpty();
  }

  @Test
  void close_isIdempotent_andLeavesOtherRegistrationsOfTheSameHandlerAlone() {
    DomainEventHandler<InviteCreated> handler = journal.handler("h");
    Registration first = dispatcher.register(InviteCreated.class, handler);
    dispatcher.register(InviteCreated.class, handler);

    first.close();
    first.close();
    first.close();
    dispatcher.dispatch(new InviteCreated(1));

    assertThat(journal.entries()).containsExactly("h:invite.created1");
  }

  @Test
  void sameHandlerInstanceRegisteredTwice_givesTwoRegistrations_thatBothRun() {
    DomainEventHandler<InviteCreated> handler = journal.handler("h");
    Registration first = dispatcher.register(InviteCreated.class, handler);
    Registration second = dispatcher.register(InviteCreated.class, handler);

    dispatcher.dispatch(new InviteCreated(1));

    assertThat(first).isNotSameAs(second);
    assertThat(journal.entries()).containsExactly("h:invite.created1", "h:invite.created1");
    assertThat(dispatcher.handlersFor(InviteCreated.class)).hasSize(2);
  }

  /** A handler whose only strong reference is the dispatcher's; the test drops its own. */
  private static WeakReference<Object> registerCapturing(
      InProcessEventDispatcher dispatcher, List<Registration> keep) {
    Object captured = new Object();
    keep.add(dispatcher.register(InviteCreated.class, event -> captured.hashCode()));
    return new WeakReference<>(captured);
  }

  private static boolean collected(WeakReference<Object> reference) {
    for (int attempt = 0; attempt < 20 && reference.get() != null; attempt++) {
      System.gc();
      byte[] pressure = new byte[1 << 20]; // nudges collectors that ignore System.gc()
      assertThat(pressure).hasSize(1 << 20);
    }
    return reference.get() == null;
  }

  @Test
  void closedRegistration_stillReferenced_releasesTheHandlerAndWhatItCaptured() {
    List<Registration> keep = new ArrayList<>();
    WeakReference<Object> captured = registerCapturing(dispatcher, keep);
    dispatcher.dispatch(new InviteCreated(1)); // routes it, so the route cache holds it too

    keep.get(0).close();

    assertThat(collected(captured)).as("the handler's captured object was collected").isTrue();
    assertThat(keep.get(0).toString()).endsWith(", closed]");
  }

  @Test
  void clearedRegistration_stillReferenced_releasesTheHandler() {
    List<Registration> keep = new ArrayList<>();
    WeakReference<Object> captured = registerCapturing(dispatcher, keep);
    dispatcher.dispatch(new InviteCreated(1));

    dispatcher.clear();

    assertThat(collected(captured)).as("the handler's captured object was collected").isTrue();
  }

  @Test
  void openRegistration_keepsTheHandler() {
    List<Registration> keep = new ArrayList<>();
    WeakReference<Object> captured = registerCapturing(dispatcher, keep);

    assertThat(collected(captured)).isFalse();
    assertThat(keep).hasSize(1);
  }

  @Test
  void close_fromInsideTheHandler_unsubscribesFromTheNextDispatch() {
    AtomicReference<Registration> self = new AtomicReference<>();
    AtomicInteger calls = new AtomicInteger();
    self.set(dispatcher.register(InviteCreated.class, event -> {
      calls.incrementAndGet();
      self.get().close();
    }));
    dispatcher.register(InviteCreated.class, journal.handler("after"));

    dispatcher.dispatch(new InviteCreated(1));
    dispatcher.dispatch(new InviteCreated(2));

    assertThat(calls).hasValue(1);
    assertThat(journal.entries()).containsExactly("after:invite.created1", "after:invite.created2");
  }

  @Test
  void clear_removesAllHandlers_andTheirRegistrationsCountAsClosed() {
    Registration registration = dispatcher.register(InviteCreated.class, journal.handler("a"));
    dispatcher.register(DomainEvent.class, journal.handler("b"));

    dispatcher.clear();
    registration.close(); // harmless after clear
    dispatcher.dispatch(new InviteCreated(1));

    assertThat(journal.entries()).isEmpty();
    assertThat(registration.toString()).contains("closed");
  }

  @Test
  void registerNullType_isRejectedNamingTheArgument() {
    assertThatThrownBy(() -> dispatcher.register((Class<InviteCreated>) null, journal.handler("h")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("type");
  }

  @Test
  void registerNullHandler_isRejectedNamingTheArgument_andNothingIsRegistered() {
    assertThatThrownBy(() -> dispatcher.register(InviteCreated.class, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("handler");
    assertThatThrownBy(() -> dispatcher.register((DomainEventHandler<InviteCreated>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("handler");
    assertThat(dispatcher.handlersFor(InviteCreated.class)).isEmpty();
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void registerForANonEventType_isRejected() {
    Class raw = String.class;
    assertThatThrownBy(() -> dispatcher.register(raw, journal.handler("h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("not a DomainEvent");
  }

  @Test
  void registerForATypeWithWhiteSpaceInItsEventType_failsAtRegistration() {
    assertThatThrownBy(() -> dispatcher.register(BadlyTyped.class, journal.handler("h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invite revoked")
        .hasMessageContaining("white space");
    assertThat(dispatcher.handlersFor(InviteCreated.class)).isEmpty();
  }

  // --- register(handler): the event type read from the handler's class

  static final class SendWelcomeMail implements DomainEventHandler<InviteCreated> {
    final Journal journal;

    SendWelcomeMail(Journal journal) {
      this.journal = journal;
    }

    @Override
    public void handle(InviteCreated event) {
      journal.add("mail:" + event.inviteId());
    }
  }

  /** Binds the event type through a generic superclass. */
  abstract static class RecordingHandler<E extends DomainEvent> implements DomainEventHandler<E> {
    final Journal journal;

    RecordingHandler(Journal journal) {
      this.journal = journal;
    }

    @Override
    public void handle(E event) {
      journal.add(getClass().getSimpleName() + ":" + DispatcherFixtures.label(event));
    }
  }

  abstract static class MiddleHandler<T extends InviteEvent> extends RecordingHandler<T> {
    MiddleHandler(Journal journal) {
      super(journal);
    }
  }

  static final class WarmCache extends MiddleHandler<InviteCreated> {
    WarmCache(Journal journal) {
      super(journal);
    }
  }

  static final class LogPings extends RecordingHandler<Ping> {
    LogPings(Journal journal) {
      super(journal);
    }
  }

  /** Binds the event type through a sub-interface, which a lambda can implement. */
  interface InviteCreatedHandler extends DomainEventHandler<InviteCreated> {}

  /** Leaves the event type open: it cannot be read at run time. */
  static final class GenericHandler<E extends DomainEvent> implements DomainEventHandler<E> {
    @Override
    public void handle(E event) {}
  }

  @Test
  void registerHandler_readsTheEventTypeFromTheImplementedInterface() {
    dispatcher.register(new SendWelcomeMail(journal));

    dispatcher.dispatch(new InviteCreated(7));
    dispatcher.dispatch(new Ping(1));

    assertThat(journal.entries()).containsExactly("mail:7");
    assertThat(dispatcher.handlersFor(InviteCreated.class))
        .extracting(HandlerInfo::registeredType, HandlerInfo::description)
        .containsExactly(tuple(
            InviteCreated.class, "RegistrationTest.SendWelcomeMail"));
  }

  @Test
  void registerHandler_readsTheEventTypeThroughGenericSuperclasses() {
    dispatcher.register(new WarmCache(journal));
    dispatcher.register(new LogPings(journal));

    dispatcher.dispatch(new InviteCreated(1));
    dispatcher.dispatch(new Ping(2));

    assertThat(journal.entries()).containsExactly("WarmCache:invite.created1", "LogPings:Ping2");
    assertThat(dispatcher.handlersFor(InviteCreated.class))
        .singleElement()
        .extracting(HandlerInfo::registeredType)
        .isEqualTo(InviteCreated.class);
  }

  @Test
  void registerHandler_readsTheEventTypeOfALambdaForASubInterface() {
    InviteCreatedHandler handler = event -> journal.add("typed lambda:" + event.inviteId());
    dispatcher.register(handler);

    dispatcher.dispatch(new InviteCreated(3));

    assertThat(journal.entries()).containsExactly("typed lambda:3");
  }

  @Test
  void registerHandler_withALambda_failsTellingToUseTheTwoArgumentForm() {
    DomainEventHandler<InviteCreated> lambda = event -> {};

    assertThatThrownBy(() -> dispatcher.register(lambda))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lambda in RegistrationTest")
        .hasMessageContaining("register(EventClass.class, handler)")
        .hasMessageNotContaining("$$Lambda");
    assertThat(dispatcher.handlersFor(InviteCreated.class)).isEmpty();
  }

  @Test
  void registerHandler_withAMethodReference_fails() {
    DomainEventHandler<InviteCreated> reference = this::ignore;

    assertThatThrownBy(() -> dispatcher.register(reference))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("register(EventClass.class, handler)");
  }

  @Test
  void registerHandler_withAGenericHandlerClass_fails() {
    assertThatThrownBy(() -> dispatcher.register(new GenericHandler<InviteCreated>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RegistrationTest.GenericHandler")
        .hasMessageContaining("register(EventClass.class, handler)");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void registerHandler_withARawHandlerClass_fails() {
    DomainEventHandler raw = new DomainEventHandler() {
      @Override
      public void handle(DomainEvent event) {}
    };

    assertThatThrownBy(() -> dispatcher.register(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("register(EventClass.class, handler)");
  }

  private void ignore(InviteCreated event) {}
}
