package io.github.domainevents.jackson;

import io.github.domainevents.testkit.CloudEventsContract;
import io.github.domainevents.testkit.EventCodec;

/** The shared {@link CloudEventsContract}, over Jackson 3. */
class Jackson3CloudEventsTest extends CloudEventsContract {
  @Override
  protected EventCodec.Factory codecs() {
    return new Jackson3Codecs();
  }
}
