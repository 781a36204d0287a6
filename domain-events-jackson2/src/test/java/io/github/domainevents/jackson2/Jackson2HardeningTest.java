package io.github.domainevents.jackson2;

import io.github.domainevents.testkit.EventCodec;
import io.github.domainevents.testkit.HardeningContract;

/** The shared {@link HardeningContract}, over Jackson 2. */
class Jackson2HardeningTest extends HardeningContract {
  @Override
  protected EventCodec.Factory codecs() {
    return new Jackson2Codecs();
  }
}
