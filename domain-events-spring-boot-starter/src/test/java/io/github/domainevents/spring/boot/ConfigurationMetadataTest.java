package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The metadata Boot's configuration processor generated from {@link DomainEventsProperties}: what
 * IDEs complete. Its defaults must be the real ones, those of the bound properties object.
 */
class ConfigurationMetadataTest {
  private static final Pattern PROPERTY =
      Pattern.compile(
          "\\{\\s*\"name\": \"(domain-events\\.[a-z-]+)\"[^}]*?\"description\": \"[^\"]+\"[^}]*?"
              + "\"defaultValue\": \"?([^\"\\n]+)\"?\\s*}");

  private static Map<String, String> defaults() throws IOException {
    String json;
    try (InputStream in =
        ConfigurationMetadataTest.class
            .getClassLoader()
            .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata on the class path").isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> defaults = new LinkedHashMap<>();
    Matcher matcher = PROPERTY.matcher(json);
    while (matcher.find()) {
      defaults.put(matcher.group(1), matcher.group(2));
    }
    return defaults;
  }

  @Test
  void everyPropertyIsDescribedWithTheDefaultTheDispatcherReallyUses() throws IOException {
    DomainEventsProperties real = new DomainEventsProperties();
    assertThat(defaults())
        .containsOnly(
            Map.entry("domain-events.error-policy", kebab(real.getErrorPolicy())),
            Map.entry("domain-events.max-depth", String.valueOf(real.getMaxDepth())),
            Map.entry(
                "domain-events.no-unit-of-work-policy", kebab(real.getNoUnitOfWorkPolicy())),
            Map.entry(
                "domain-events.close-timeout", real.getCloseTimeout().toSeconds() + "s"),
            Map.entry("domain-events.async-executor", kebab(real.getAsyncExecutor())),
            Map.entry("domain-events.spring-events", String.valueOf(real.isSpringEvents())));
  }

  private static String kebab(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
