package io.github.domainevents.jackson2;

import io.github.domainevents.testkit.UsesOnlyCoreApiContract;

/** The shared {@link UsesOnlyCoreApiContract}: this module uses only what the core exports. */
class UsesOnlyCoreApiTest extends UsesOnlyCoreApiContract {
  UsesOnlyCoreApiTest() {
    super("io.github.domainevents.jackson2");
  }
}
