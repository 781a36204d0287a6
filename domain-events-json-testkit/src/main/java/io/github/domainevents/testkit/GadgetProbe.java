package io.github.domainevents.testkit;

import java.util.concurrent.atomic.AtomicBoolean;

/** Records whether {@link Gadget} was ever initialized; reading it does not initialize Gadget. */
public final class GadgetProbe {
  /** True once {@link Gadget}'s static initializer has run. */
  public static final AtomicBoolean INITIALIZED = new AtomicBoolean();

  private GadgetProbe() {}
}
