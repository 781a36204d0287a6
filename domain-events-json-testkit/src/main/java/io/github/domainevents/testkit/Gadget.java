package io.github.domainevents.testkit;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;

/**
 * A real event class that is never registered: payloads naming it must be rejected without the
 * class being initialized. Its static initializer raises {@link GadgetProbe#INITIALIZED}.
 */
@EventType(Gadget.NAME)
public record Gadget(EventHeader header, String command) implements DomainEvent {
  /** The fully qualified name, a constant so that tests using it never touch the class. */
  public static final String NAME = "io.github.domainevents.testkit.Gadget";

  static {
    GadgetProbe.INITIALIZED.set(true);
  }
}
