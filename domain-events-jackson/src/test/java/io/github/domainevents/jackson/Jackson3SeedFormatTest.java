package io.github.domainevents.jackson;

import io.github.domainevents.testkit.SeedFormatContract;
import io.github.domainevents.testkit.EventCodec;

/** The shared {@link SeedFormatContract}, over Jackson 3. */
class Jackson3SeedFormatTest extends SeedFormatContract {
  @Override
  protected EventCodec.Factory codecs() {
    return new Jackson3Codecs();
  }
}
