package io.github.domainevents.testkit;

import io.github.domainevents.DomainEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles, at test time, a class-style event with a three-argument {@code @JsonCreator}
 * without {@code -parameters} (the build compiles every other class with it), as a user's
 * build might.
 */
final class WithoutParameterNames {
  private static final String SOURCE = """
      package probe;

      import com.fasterxml.jackson.annotation.JsonCreator;
      import io.github.domainevents.BaseDomainEvent;
      import io.github.domainevents.EventHeader;
      import io.github.domainevents.EventType;

      @EventType("unnamed.created")
      public final class UnnamedCreated extends BaseDomainEvent {
        private final long inviteId;
        private final String email;

        @JsonCreator
        public UnnamedCreated(EventHeader header, long inviteId, String email) {
          super(header);
          this.inviteId = inviteId;
          this.email = email;
        }

        public long getInviteId() {
          return inviteId;
        }

        public String getEmail() {
          return email;
        }
      }
      """;

  private WithoutParameterNames() {}

  static Class<? extends DomainEvent> compile() throws Exception {
    Path dir = Files.createTempDirectory("unnamed");
    Path source = dir.resolve("probe/UnnamedCreated.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, SOURCE);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-proc:none", "-classpath",
        System.getProperty("java.class.path"), "-d", dir.toString(), source.toString());
    if (status != 0) {
      throw new IllegalStateException("javac failed with status " + status);
    }
    URLClassLoader loader = new URLClassLoader(
        new URL[] {dir.toUri().toURL()}, WithoutParameterNames.class.getClassLoader());
    try {
      return loader.loadClass("probe.UnnamedCreated").asSubclass(DomainEvent.class);
    } catch (ClassNotFoundException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
