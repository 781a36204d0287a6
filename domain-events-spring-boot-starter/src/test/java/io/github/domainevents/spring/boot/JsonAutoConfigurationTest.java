package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.jackson.DomainEventModule;
import io.github.domainevents.springtest.duplicates.DuplicatesApp;
import io.github.domainevents.springtest.json.JsonApp;
import io.github.domainevents.springtest.json.JsonApp.MemberJoined;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

@Timeout(60)
class JsonAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  JacksonAutoConfiguration.class,
                  DomainEventsAutoConfiguration.class,
                  DomainEventsJacksonAutoConfiguration.class));

  private Fixtures.LogCapture contextLog;

  @BeforeEach
  void captureContextFailures() {
    contextLog = new Fixtures.LogCapture(Fixtures.CONTEXT_LOGGER);
  }

  @AfterEach
  void releaseContextLog() {
    contextLog.close();
  }

  @Test
  void bootsJsonMapperReadsAndWritesTheApplicationsEventsByTypeName() {
    runner
        .withUserConfiguration(JsonApp.class)
        .run(
            context -> {
              assertThat(context.getBean(EventTypeRegistry.class).names())
                  .containsExactly("member.joined");
              JsonMapper mapper = context.getBean(JsonMapper.class);
              MemberJoined event = new MemberJoined("ada");
              String json = mapper.writeValueAsString(event);
              assertThat(json).contains("\"event_type\":\"member.joined\"", "\"name\":\"ada\"");
              assertThat(mapper.readValue(json, DomainEvent.class)).isEqualTo(event);
            });
  }

  @Test
  void twoEventClassesWithOneNameFailStartupNamingBoth() {
    runner
        .withUserConfiguration(DuplicatesApp.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("event type 'member.joined' is registered twice")
                    .hasStackTraceContaining(DuplicatesApp.Joined.class.getName())
                    .hasStackTraceContaining(DuplicatesApp.AlsoJoined.class.getName()));
  }

  @Test
  void withoutTheJacksonModuleNothingJsonIsDefined() {
    runner
        .withUserConfiguration(JsonApp.class)
        .withClassLoader(new FilteredClassLoader(DomainEventModule.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(JsonMapper.class);
              assertThat(context)
                  .doesNotHaveBean(EventTypeRegistry.class)
                  .doesNotHaveBean(DomainEventModule.class);
            });
  }

  @Test
  void anApplicationsOwnRegistryWins() {
    EventTypeRegistry own = EventTypeRegistry.of(MemberJoined.class);
    runner
        .withUserConfiguration(DuplicatesApp.class)
        .withBean(EventTypeRegistry.class, () -> own)
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .getBean(EventTypeRegistry.class)
                    .isSameAs(own));
  }
}
