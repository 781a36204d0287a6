package io.github.domainevents.spring.boot;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.InProcessEventDispatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * Dispatches the domain events published through Spring's {@code ApplicationEventPublisher} to the
 * library's handlers, synchronously on the publishing thread, so they get the library's causation
 * and phases. One bridge per context hierarchy: a child context sees its parent's bridge and
 * defines none, since Spring also hands a child's events to its parent's listeners.
 *
 * <p>A generic listener, since {@code ApplicationListener<PayloadApplicationEvent<DomainEvent>>}
 * would not match a {@code PayloadApplicationEvent<InviteCreated>}: Spring compares the type
 * arguments invariantly.
 */
final class SpringEventBridge implements GenericApplicationListener {
  private final ObjectProvider<InProcessEventDispatcher> dispatcher;

  SpringEventBridge(ObjectProvider<InProcessEventDispatcher> dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public boolean supportsEventType(ResolvableType eventType) {
    if (!PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass())) {
      return false;
    }
    Class<?> payload = eventType.as(PayloadApplicationEvent.class).getGeneric(0).toClass();
    // Object: the payload type is not known from the event type; onApplicationEvent checks
    return payload == Object.class || DomainEvent.class.isAssignableFrom(payload);
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof PayloadApplicationEvent<?> payloadEvent
        && payloadEvent.getPayload() instanceof DomainEvent domainEvent) {
      dispatcher.getObject().dispatch(domainEvent);
    }
  }

  @Override
  public boolean supportsAsyncExecution() {
    return false;
  }
}
