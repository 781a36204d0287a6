package io.github.domainevents.jackson2;

import com.fasterxml.jackson.core.Version;
import io.github.domainevents.testkit.JacksonVersionsContract;
import io.github.domainevents.wire.EventTypeRegistry;

/** The shared {@link JacksonVersionsContract}, over this module's {@link JacksonVersions}. */
class JacksonVersionsTest extends JacksonVersionsContract {
  private static Version v(int[] version) {
    return new Version(version[0], version[1], version[2], null, "g", "a");
  }

  @Override
  protected int[] oldest() {
    Version oldest = JacksonVersions.OLDEST;
    return new int[] {oldest.getMajorVersion(), oldest.getMinorVersion(), oldest.getPatchLevel()};
  }

  @Override
  protected String[] runtimeVersions() {
    return new String[] {com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString(),
        com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()};
  }

  @Override
  protected void checkRuntime() {
    JacksonVersions.check();
  }

  @Override
  protected void check(int[] core, int[] databind) {
    JacksonVersions.check(v(core), v(databind));
  }

  @Override
  protected void createModule() {
    new DomainEventModule(EventTypeRegistry.of());
  }
}
