package io.github.domainevents.jackson2;

import io.github.domainevents.testkit.SeedFormatContract;
import io.github.domainevents.testkit.EventCodec;

/** The shared {@link SeedFormatContract}, over Jackson 2. */
class Jackson2SeedFormatTest extends SeedFormatContract {
  @Override
  protected EventCodec.Factory codecs() {
    return new Jackson2Codecs();
  }
}
