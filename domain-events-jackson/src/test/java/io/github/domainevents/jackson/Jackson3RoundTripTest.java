package io.github.domainevents.jackson;

import io.github.domainevents.testkit.EventCodec;
import io.github.domainevents.testkit.RoundTripProperties;

/** The shared {@link RoundTripProperties}, over Jackson 3. */
class Jackson3RoundTripTest extends RoundTripProperties {
  @Override
  protected EventCodec.Factory codecs() {
    return new Jackson3Codecs();
  }
}
