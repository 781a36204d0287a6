package io.github.domainevents.jackson2;

import io.github.domainevents.testkit.EventCodec;
import io.github.domainevents.testkit.RoundTripProperties;

/** The shared {@link RoundTripProperties}, over Jackson 2. */
class Jackson2RoundTripTest extends RoundTripProperties {
  @Override
  protected EventCodec.Factory codecs() {
    return new Jackson2Codecs();
  }
}
