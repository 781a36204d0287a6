package io.github.domainevents.jackson;

import io.github.domainevents.testkit.EventCodec;
import io.github.domainevents.testkit.HardeningContract;

/** The shared {@link HardeningContract}, over Jackson 3. */
class Jackson3HardeningTest extends HardeningContract {
  @Override
  protected EventCodec.Factory codecs() {
    return new Jackson3Codecs();
  }
}
