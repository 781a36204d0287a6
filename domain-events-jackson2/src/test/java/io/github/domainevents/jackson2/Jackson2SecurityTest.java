package io.github.domainevents.jackson2;

import io.github.domainevents.testkit.SecurityContract;
import io.github.domainevents.testkit.EventCodec;

/** The shared {@link SecurityContract}, over Jackson 2. */
class Jackson2SecurityTest extends SecurityContract {
  @Override
  protected EventCodec.Factory codecs() {
    return new Jackson2Codecs();
  }
}
