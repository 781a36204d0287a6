package io.github.domainevents.jackson;

import io.github.domainevents.testkit.SecurityContract;
import io.github.domainevents.testkit.EventCodec;

/** The shared {@link SecurityContract}, over Jackson 3. */
class Jackson3SecurityTest extends SecurityContract {
  @Override
  protected EventCodec.Factory codecs() {
    return new Jackson3Codecs();
  }
}
