package io.github.domainevents.jackson2;

import io.github.domainevents.testkit.CloudEventsContract;
import io.github.domainevents.testkit.EventCodec;

/** The shared {@link CloudEventsContract}, over Jackson 2. */
class Jackson2CloudEventsTest extends CloudEventsContract {
  @Override
  protected EventCodec.Factory codecs() {
    return new Jackson2Codecs();
  }
}
