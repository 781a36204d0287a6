package io.github.domainevents.jackson;

import tools.jackson.core.Version;

/**
 * Checks, when the module is created, that the Jackson found at run time is one this module
 * works with: a clear message instead of a {@code NoSuchMethodError} deep in a read.
 */
final class JacksonVersions {
  /** The oldest Jackson 3 release this module is built and tested against. */
  static final Version OLDEST = new Version(3, 1, 0, null, "tools.jackson.core", "jackson-core");

  private JacksonVersions() {}

  static void check() {
    check(tools.jackson.core.json.PackageVersion.VERSION,
        tools.jackson.databind.cfg.PackageVersion.VERSION);
  }

  static void check(Version core, Version databind) {
    boolean tooOld = olderThan(core, OLDEST) || olderThan(databind, OLDEST);
    boolean misaligned = core.getMajorVersion() != databind.getMajorVersion()
        || core.getMinorVersion() < databind.getMinorVersion();
    if (tooOld || misaligned) {
      throw new IllegalStateException(
          "domain-events-jackson needs jackson-core and jackson-databind " + text(OLDEST)
              + " or newer, of the same release (jackson-core not older than jackson-databind);"
              + " found jackson-core " + text(core) + " and jackson-databind " + text(databind)
              + ". Align them, for example by importing tools.jackson:jackson-bom:"
              + text(olderThan(databind, OLDEST) ? OLDEST : databind)
              + " in <dependencyManagement> (Maven) or as a platform (Gradle)");
    }
  }

  private static boolean olderThan(Version found, Version needed) {
    return found.getMajorVersion() != needed.getMajorVersion() || number(found) < number(needed);
  }

  private static long number(Version version) {
    return version.getMajorVersion() * 1_000_000L + version.getMinorVersion() * 1_000L
        + version.getPatchLevel();
  }

  private static String text(Version version) {
    return version.getMajorVersion() + "." + version.getMinorVersion() + "."
        + version.getPatchLevel();
  }
}
