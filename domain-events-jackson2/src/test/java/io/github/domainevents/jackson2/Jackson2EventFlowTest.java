package io.github.domainevents.jackson2;

import io.github.domainevents.testkit.EventCodec;
import io.github.domainevents.testkit.EventFlowContract;

/** The shared {@link EventFlowContract}, over Jackson 2. */
class Jackson2EventFlowTest extends EventFlowContract {
  @Override
  protected EventCodec.Factory codecs() {
    return new Jackson2Codecs();
  }
}
