package io.github.domainevents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * A Jackson module's run-time version check: the Jackson on the class path is accepted,
 * misaligned or too old versions fail naming them and the BOM to import, and the oldest-Jackson
 * build run really uses the oldest Jackson. Versions are passed as {@code major, minor, patch}
 * so that one contract serves Jackson 2 and 3.
 */
public abstract class JacksonVersionsContract {
  /** The oldest version the module accepts: {@code {major, minor, patch}}. */
  protected abstract int[] oldest();

  /** The versions of jackson-core and jackson-databind on the class path, as text. */
  protected abstract String[] runtimeVersions();

  /** Runs the module's check against the versions found at run time. */
  protected abstract void checkRuntime();

  /** Runs the module's check against these versions of jackson-core and jackson-databind. */
  protected abstract void check(int[] core, int[] databind);

  /** Creates the module (which runs the check). */
  protected abstract void createModule();

  @Test
  void theOldestJacksonRun_reallyUsesTheOldestJackson() {
    String expected = System.getProperty("expected.jackson.version");
    assumeTrue(expected != null, "only in the oldest-jackson run");
    assertThat(runtimeVersions()).containsOnly(expected);
  }

  @Test
  void theJacksonOnTheTestClasspath_isAccepted() {
    assertThatCode(this::checkRuntime).doesNotThrowAnyException();
  }

  @Test
  void aCoreOlderThanDatabind_failsNamingBothVersionsAndTheBom() {
    int major = oldest()[0];
    int minor = oldest()[1];
    assertThatThrownBy(checking(new int[] {major, minor, 0}, new int[] {major, minor + 3, 1}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("found jackson-core " + major + "." + minor + ".0")
        .hasMessageContaining("jackson-databind " + major + "." + (minor + 3) + ".1")
        .hasMessageContaining("jackson-bom:" + major + "." + (minor + 3) + ".1");
  }

  @Test
  void versionsOlderThanTheOldestSupported_fail() {
    int[] oldest = oldest();
    int[] older = oldest[1] > 0
        ? new int[] {oldest[0], oldest[1] - 1, 9}
        : new int[] {oldest[0] - 1, 99, 0};
    assertThatThrownBy(checking(older, older))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("or newer");
  }

  @Test
  void creatingTheModule_runsTheCheck() {
    assertThatCode(this::createModule).doesNotThrowAnyException();
  }

  private ThrowingCallable checking(int[] core, int[] databind) {
    return () -> check(core, databind);
  }
}
