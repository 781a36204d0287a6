package io.github.domainevents.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import tools.jackson.core.Version;
import org.junit.jupiter.api.Test;

class JacksonVersionsTest {
  private static Version v(int major, int minor, int patch) {
    return new Version(major, minor, patch, null, "g", "a");
  }

  @Test
  void theOldestJacksonRun_reallyUsesTheOldestJackson() {
    String expected = System.getProperty("expected.jackson.version");
    assumeTrue(expected != null, "only in the oldest-jackson run");
    assertThat(tools.jackson.core.json.PackageVersion.VERSION.toString()).isEqualTo(expected);
    assertThat(tools.jackson.databind.cfg.PackageVersion.VERSION.toString())
        .isEqualTo(expected);
  }

  @Test
  void theJacksonOnTheTestClasspath_isAccepted() {
    assertThatCode(JacksonVersions::check).doesNotThrowAnyException();
  }

  @Test
  void aCoreOlderThanDatabind_failsNamingBothVersionsAndTheBom() {
    Version oldest = JacksonVersions.OLDEST;
    int major = oldest.getMajorVersion();
    assertThatThrownBy(() -> JacksonVersions.check(v(major, oldest.getMinorVersion(), 0),
            v(major, oldest.getMinorVersion() + 3, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("found jackson-core " + major + "." + oldest.getMinorVersion() + ".0")
        .hasMessageContaining("jackson-databind " + major + "." + (oldest.getMinorVersion() + 3) + ".1")
        .hasMessageContaining("jackson-bom:" + major + "." + (oldest.getMinorVersion() + 3) + ".1");
  }

  @Test
  void versionsOlderThanTheOldestSupported_fail() {
    Version oldest = JacksonVersions.OLDEST;
    Version older = oldest.getMinorVersion() > 0
        ? v(oldest.getMajorVersion(), oldest.getMinorVersion() - 1, 9)
        : v(oldest.getMajorVersion() - 1, 99, 0);
    assertThatThrownBy(() -> JacksonVersions.check(older, older))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("or newer");
  }

  @Test
  void creatingTheModule_runsTheCheck() {
    assertThatCode(() -> new DomainEventModule(
            io.github.domainevents.wire.EventTypeRegistry.of()))
        .doesNotThrowAnyException();
  }
}
