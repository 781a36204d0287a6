package io.github.domainevents.outside.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.Registration;
import io.github.domainevents.outside.LogCapture;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.BadlyTyped;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteAccepted;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteCreated;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.InviteEvent;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Journal;
import io.github.domainevents.outside.dispatcher.DispatcherFixtures.Ping;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code registerAll}: handler methods marked with {@link HandleEvent}. */
class AnnotatedHandlersTest {
  /** Captures the warnings and errors these tests cause on purpose. */
  @RegisterExtension final LogCapture logs = new LogCapture();

  private final InProcessEventDispatcher dispatcher = new InProcessEventDispatcher();
  private final Journal journal = new Journal();

  public static final class InviteHandlers {
    private final Journal journal;

    InviteHandlers(Journal journal) {
      this.journal = journal;
    }

    @HandleEvent
    public void sendWelcomeMail(InviteCreated event) {
      journal.add("mail:" + event.inviteId());
    }

    @HandleEvent(priority = 10)
    public void warmCache(InviteCreated event) {
      journal.add("cache:" + event.inviteId());
    }

    @HandleEvent
    public String logActivity(InviteEvent event) { // return value is ignored
      journal.add("log:" + DispatcherFixtures.label(event));
      return "ignored";
    }

    public void notAHandler(InviteCreated event) {
      journal.add("not a handler");
    }
  }

  @Test
  void registerAll_registersEveryAnnotatedMethod_withPriorityFirst() {
    dispatcher.registerAll(new InviteHandlers(journal));

    dispatcher.dispatch(new InviteCreated(1));
    dispatcher.dispatch(new InviteAccepted(2));

    assertThat(journal.entries())
        .containsExactly("cache:1", "log:invite.created1", "mail:1", "log:invite.accepted2");
  }

  @Test
  void registerAll_describesMethodsReadably_inRunOrder() {
    dispatcher.registerAll(new InviteHandlers(journal));

    assertThat(dispatcher.handlersFor(InviteCreated.class))
        .extracting(HandlerInfo::description, HandlerInfo::registeredType, HandlerInfo::priority)
        .containsExactly(
            tuple("AnnotatedHandlersTest.InviteHandlers.warmCache(InviteCreated)",
                InviteCreated.class, 10),
            tuple("AnnotatedHandlersTest.InviteHandlers.logActivity(InviteEvent)",
                InviteEvent.class, 0),
            tuple("AnnotatedHandlersTest.InviteHandlers.sendWelcomeMail(InviteCreated)",
                InviteCreated.class, 0));
  }

  @Test
  void closingTheRegistration_unsubscribesEveryMethod() {
    Registration registration = dispatcher.registerAll(new InviteHandlers(journal));

    registration.close();
    registration.close();
    dispatcher.dispatch(new InviteCreated(1));

    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void twoInstancesOfOneListenerClass_eachRunOnItself() {
    Journal other = new Journal();
    dispatcher.registerAll(new InviteHandlers(journal));
    Registration second = dispatcher.registerAll(new InviteHandlers(other));

    dispatcher.dispatch(new InviteCreated(1));
    second.close();
    dispatcher.dispatch(new InviteCreated(2));

    assertThat(journal.entries()).containsExactly(
        "cache:1", "log:invite.created1", "mail:1", "cache:2", "log:invite.created2", "mail:2");
    assertThat(other.entries()).containsExactly("cache:1", "log:invite.created1", "mail:1");
  }

  @Test
  void invalidListenerClass_failsEveryTime_withTheSameMessage() {
    String first = catchThrowable(() -> dispatcher.registerAll(new NotPublic())).getMessage();

    assertThatThrownBy(() -> dispatcher.registerAll(new NotPublic()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(first);
  }

  /** A public handler method in a class that is not public. */
  private static final class PrivateListener {
    final Journal journal;

    PrivateListener(Journal journal) {
      this.journal = journal;
    }

    @HandleEvent
    public void on(Ping ping) {
      journal.add("private listener:" + ping.n());
    }
  }

  @Test
  void registerAll_worksForAListenerClassThatIsNotPublic() {
    dispatcher.registerAll(new PrivateListener(journal));

    dispatcher.dispatch(new Ping(4));

    assertThat(journal.entries()).containsExactly("private listener:4");
  }

  public static final class CheckedThrower {
    @HandleEvent
    public void on(Ping ping) throws IOException {
      throw new IOException("disk full");
    }
  }

  @Test
  void annotatedMethodsFailure_propagatesAsFromAnyHandler_notAsAReflectionWrapper() {
    dispatcher.registerAll(new CheckedThrower());

    assertThatThrownBy(() -> dispatcher.dispatch(new Ping(1)))
        .isExactlyInstanceOf(EventDispatchException.class)
        .hasMessageContaining("CheckedThrower.on(Ping)")
        .cause()
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
  }

  public static final class UncheckedThrower {
    @HandleEvent
    public void on(Ping ping) {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void annotatedMethodsUncheckedFailure_propagatesUnchanged() {
    dispatcher.registerAll(new UncheckedThrower());

    assertThatThrownBy(() -> dispatcher.dispatch(new Ping(1)))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
  }

  // --- invalid listeners fail at registration, naming the method, and register nothing

  public static final class NotPublic {
    @HandleEvent
    void hidden(InviteCreated event) {}
  }

  public static final class Static {
    @HandleEvent
    public static void shared(InviteCreated event) {}
  }

  public static final class TwoParameters {
    @HandleEvent
    public void both(InviteCreated created, InviteAccepted accepted) {}
  }

  public static final class NoParameter {
    @HandleEvent
    public void nothing() {}
  }

  public static final class NotAnEvent {
    @HandleEvent
    public void text(String text) {}
  }

  /** One valid method next to an invalid one: the valid one must not stay registered. */
  public static final class HalfValid {
    @HandleEvent
    public void aValid(InviteCreated event) {}

    @HandleEvent
    void bHidden(InviteCreated event) {}
  }

  @Test
  void nonPublicMethod_failsNamingIt() {
    assertThatThrownBy(() -> dispatcher.registerAll(new NotPublic()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NotPublic.hidden(InviteCreated)")
        .hasMessageContaining("public");
  }

  @Test
  void staticMethod_failsNamingIt() {
    assertThatThrownBy(() -> dispatcher.registerAll(new Static()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Static.shared(InviteCreated)")
        .hasMessageContaining("static");
  }

  @Test
  void methodWithTwoParameters_failsNamingIt() {
    assertThatThrownBy(() -> dispatcher.registerAll(new TwoParameters()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TwoParameters.both(InviteCreated, InviteAccepted)")
        .hasMessageContaining("exactly one parameter");
  }

  @Test
  void methodWithNoParameter_failsNamingIt() {
    assertThatThrownBy(() -> dispatcher.registerAll(new NoParameter()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NoParameter.nothing()");
  }

  @Test
  void methodTakingANonEvent_failsNamingIt() {
    assertThatThrownBy(() -> dispatcher.registerAll(new NotAnEvent()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NotAnEvent.text(String)")
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void listenerWithoutAnnotatedMethods_fails() {
    assertThatThrownBy(() -> dispatcher.registerAll(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object")
        .hasMessageContaining("@HandleEvent");
  }

  @Test
  void nullListener_isRejected() {
    assertThatThrownBy(() -> dispatcher.registerAll(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("listener");
  }

  @Test
  void invalidMethod_registersNothing_evenItsValidSiblings() {
    assertThatThrownBy(() -> dispatcher.registerAll(new HalfValid()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HalfValid.bHidden(InviteCreated)");

    assertThat(dispatcher.handlersFor(InviteCreated.class)).isEmpty();
  }

  /** Valid methods; the second takes an event type whose @EventType is invalid. */
  public static final class ListensToABadlyTypedEvent {
    @HandleEvent
    public void aValid(InviteCreated event) {}

    @HandleEvent
    public void bBadlyTyped(BadlyTyped event) {}
  }

  @Test
  void invalidEventTypeOfAMethod_failsAtRegistration_andRegistersNothing() {
    assertThatThrownBy(() -> dispatcher.registerAll(new ListensToABadlyTypedEvent()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ListensToABadlyTypedEvent.bBadlyTyped(BadlyTyped)")
        .hasMessageContaining("invite revoked");

    assertThat(dispatcher.handlersFor(InviteCreated.class)).isEmpty();
  }

  // --- inheritance: each handler method registered exactly once

  public static class BaseListener {
    final Journal journal;

    BaseListener(Journal journal) {
      this.journal = journal;
    }

    @HandleEvent
    public void on(InviteCreated event) {
      journal.add("base:" + event.inviteId());
    }

    @HandleEvent
    public void inherited(Ping ping) {
      journal.add("inherited:" + ping.n());
    }
  }

  public static final class OverridingListener extends BaseListener {
    OverridingListener(Journal journal) {
      super(journal);
    }

    @Override
    @HandleEvent
    public void on(InviteCreated event) {
      journal.add("override:" + event.inviteId());
    }
  }

  @Test
  void overriddenHandlerMethod_isRegisteredOnce_andInheritedOnesToo() {
    dispatcher.registerAll(new OverridingListener(journal));

    dispatcher.dispatch(new InviteCreated(1));
    dispatcher.dispatch(new Ping(2));

    assertThat(journal.entries()).containsExactly("override:1", "inherited:2");
  }

  /** A generic listener: its method erases to {@code on(DomainEvent)}. */
  public abstract static class GenericListener<E extends DomainEvent> {
    @HandleEvent
    public void on(E event) {
      throw new AssertionError("overridden");
    }
  }

  /** Overrides the generic method for one type: javac adds a bridge {@code on(DomainEvent)}. */
  public static final class CreatedListener extends GenericListener<InviteCreated> {
    final Journal journal;

    CreatedListener(Journal journal) {
      this.journal = journal;
    }

    @Override
    @HandleEvent
    public void on(InviteCreated event) {
      journal.add("created:" + event.inviteId());
    }
  }

  @Test
  void genericMethodOverriddenForOneType_isInvokedOncePerEvent_throughNoBridge() {
    dispatcher.registerAll(new CreatedListener(journal));

    dispatcher.dispatch(new InviteCreated(1));
    dispatcher.dispatch(new Ping(2)); // must not reach on(InviteCreated) through the bridge

    assertThat(journal.entries()).containsExactly("created:1");
    assertThat(dispatcher.handlersFor(InviteCreated.class))
        .extracting(HandlerInfo::description)
        .containsExactly("AnnotatedHandlersTest.CreatedListener.on(InviteCreated)");
  }

  /** Overrides the generic handler method without the annotation. */
  public static final class UnannotatedOverride extends GenericListener<InviteCreated> {
    @Override
    public void on(InviteCreated event) {}
  }

  @Test
  void genericMethodOverriddenWithoutTheAnnotation_failsNamingTheMethod() {
    assertThatThrownBy(() -> dispatcher.registerAll(new UnannotatedOverride()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GenericListener.on(DomainEvent)")
        .hasMessageContaining("AnnotatedHandlersTest.UnannotatedOverride");
    assertThat(dispatcher.handlersFor(InviteCreated.class)).isEmpty();
  }
}
