package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.EventDispatcher;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.spring.boot.DomainEventsEndpoint.DomainEventsDescriptor;
import io.github.domainevents.spring.boot.DomainEventsEndpoint.EventPlan;
import io.github.domainevents.spring.boot.DomainEventsEndpoint.EventTree;
import io.github.domainevents.springtest.endpoint.EndpointApp;
import io.github.domainevents.springtest.endpoint.EndpointApp.InviteCreated;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The actuator endpoint's conditions and content, from Boot's auto-configuration. */
@Timeout(60)
class DomainEventsEndpointTest {
  private static final String EXPOSED = "management.endpoints.web.exposure.include=domainevents";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withPropertyValues("domain-events.no-unit-of-work-policy=run-now")
          .withConfiguration(
              AutoConfigurations.of(
                  org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration.class,
                  DomainEventsAutoConfiguration.class,
                  DomainEventsObservabilityAutoConfiguration.class,
                  DomainEventsEndpointAutoConfiguration.class))
          .withUserConfiguration(EndpointApp.class);

  @Test
  void listsEachEventClassWithItsExactHandlerPlanAndTheConfiguration() {
    runner
        .withPropertyValues(EXPOSED)
        .run(
            context -> {
              DomainEventsDescriptor descriptor = context.getBean(DomainEventsEndpoint.class).describe();

              assertThat(descriptor.eventTypes())
                  .extracting(EventPlan::eventType)
                  .containsExactly("MailSent", "endpoint.invite.created");
              EventPlan invite = descriptor.eventTypes().get(1);
              assertThat(invite.eventClass()).isEqualTo(InviteCreated.class.getName());
              assertThat(invite.handlers())
                  .extracting(h -> h.handler() + " " + h.priority() + " " + h.phase())
                  .containsExactly(
                      "EndpointApp.Audit 5 immediate",
                      "EndpointApp.Mail.announce(InviteCreated) 0 immediate",
                      "EndpointApp.Mail.send(InviteCreated) 0 after_commit");
              assertThat(descriptor.eventTypes().get(0).handlers()).isEmpty();
              assertThat(descriptor.configuration())
                  .containsEntry("error-policy", "FAIL_FAST")
                  .containsEntry("no-unit-of-work-policy", "RUN_NOW")
                  .containsEntry("trace.enabled", false)
                  .containsEntry(
                      "dispatcher", context.getBean(InProcessEventDispatcher.class).toString());
              assertThat(descriptor.trace()).isNull();
            });
  }

  @Test
  void withTheTraceOnShowsTheRecentEventTrees() {
    runner
        .withPropertyValues(
            EXPOSED, "domain-events.trace.enabled=true")
        .run(
            context -> {
              Logger quiet = Logger.getLogger(InProcessEventDispatcher.class.getName());
              quiet.setLevel(java.util.logging.Level.SEVERE); // the MailSent dead-event warning
              try {
                InviteCreated invite = new InviteCreated("ada@example.com");
                context.getBean(EventDispatcher.class).dispatch(invite);

                DomainEventsDescriptor descriptor =
                    context.getBean(DomainEventsEndpoint.class).describe();
                assertThat(descriptor.trace()).isNotNull();
                assertThat(descriptor.trace().recordedEvents()).isEqualTo(2);
                EventTree root = descriptor.trace().recentTrees().get(0);
                assertThat(root.eventId()).isEqualTo(invite.eventId().toString());
                assertThat(root.handlerRuns()).hasSize(3);
                assertThat(root.caused())
                    .singleElement()
                    .satisfies(mail -> assertThat(mail.eventType()).isEqualTo("MailSent"));
              } finally {
                quiet.setLevel(null);
              }
            });
  }

  @Test
  void isNotDefinedUnlessExposed() {
    runner.run(
        context ->
            assertThat(context).hasNotFailed().doesNotHaveBean(DomainEventsEndpoint.class));
  }

  @Test
  void withoutTheActuatorTheStarterStartsWithoutTheEndpoint() {
    new ApplicationContextRunner()
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
        .withConfiguration(
            AutoConfigurations.of(
                DomainEventsAutoConfiguration.class,
                DomainEventsObservabilityAutoConfiguration.class,
                DomainEventsEndpointAutoConfiguration.class))
        .withUserConfiguration(EndpointApp.class)
        .withPropertyValues(EXPOSED, "domain-events.no-unit-of-work-policy=run-now")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(InProcessEventDispatcher.class);
              assertThat(context.getBeanNamesForType(DomainEventsEndpoint.class)).isEmpty();
            });
  }

  @Test
  void anApplicationsOwnDispatcherIsDescribedToo() {
    InProcessEventDispatcher own = InProcessEventDispatcher.builder().maxDepth(3).build();
    runner
        .withPropertyValues(EXPOSED)
        .withBean("ownDispatcher", InProcessEventDispatcher.class, () -> own)
        .run(
            context ->
                assertThat(context.getBean(DomainEventsEndpoint.class).describe().configuration())
                    .containsEntry("dispatcher", own.toString()));
  }
}
