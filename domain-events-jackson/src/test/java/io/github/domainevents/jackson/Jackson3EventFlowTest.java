package io.github.domainevents.jackson;

import io.github.domainevents.testkit.EventCodec;
import io.github.domainevents.testkit.EventFlowContract;

/** The shared {@link EventFlowContract}, over Jackson 3. */
class Jackson3EventFlowTest extends EventFlowContract {
  @Override
  protected EventCodec.Factory codecs() {
    return new Jackson3Codecs();
  }
}
