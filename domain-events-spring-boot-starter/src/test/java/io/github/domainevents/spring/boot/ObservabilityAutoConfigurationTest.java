package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.EventDispatcher;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.spring.boot.Fixtures.InviteCreated;
import io.github.domainevents.spring.boot.Fixtures.LogCapture;
import io.github.domainevents.spring.boot.Fixtures.MailSent;
import io.github.domainevents.trace.EventTrace;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** Micrometer observations, counters and the event trace, through Boot's own auto-configuration. */
@Timeout(60)
class ObservabilityAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ObservationAutoConfiguration.class,
                  MetricsAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  DomainEventsAutoConfiguration.class,
                  DomainEventsObservabilityAutoConfiguration.class))
          .withPropertyValues("domain-events.observations.enabled=true")
          .withBean(WelcomeMail.class)
          .withBean(AuditTrail.class);

  /** Handles invites; fails for invite 13. */
  static final class WelcomeMail implements DomainEventHandler<InviteCreated> {
    @Override
    public void handle(InviteCreated event) {
      if (event.inviteId() == 13) {
        throw new IllegalStateException("mail server down (expected by the test)");
      }
    }
  }

  /** Handles invites. */
  static final class AuditTrail implements DomainEventHandler<InviteCreated> {
    @Override
    public void handle(InviteCreated event) {}
  }

  private static String handler(ApplicationContext context, Class<?> type) {
    return context.getBean(InProcessEventDispatcher.class).handlersFor(InviteCreated.class).stream()
        .map(HandlerInfo::description)
        .filter(description -> description.contains(type.getSimpleName()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void eachHandlerInvocationIsTimedWithTheDocumentedNameAndTags() {
    runner.run(
        context -> {
          EventDispatcher dispatcher = context.getBean(EventDispatcher.class);
          dispatcher.dispatch(new InviteCreated(1));
          dispatcher.dispatch(new InviteCreated(2));

          MeterRegistry meters = context.getBean(MeterRegistry.class);
          Timer timer =
              meters
                  .get("domain.events.handle")
                  .tag("event.type", "fixture.invite.created")
                  .tag("handler", handler(context, WelcomeMail.class))
                  .tag("phase", "immediate")
                  .tag("outcome", "success")
                  .tag("error", "none")
                  .timer();
          assertThat(timer.count()).isEqualTo(2);
          assertThat(meters.get("domain.events.handle").timers()).hasSize(2);
        });
  }

  @Test
  void aFailingHandlerIsTimedAsAFailureAndCounted() {
    runner.run(
        context -> {
          EventDispatcher dispatcher = context.getBean(EventDispatcher.class);
          assertThatThrownBy(() -> dispatcher.dispatch(new InviteCreated(13)))
              .hasMessageContaining("expected by the test");

          MeterRegistry meters = context.getBean(MeterRegistry.class);
          String welcomeMail = handler(context, WelcomeMail.class);
          assertThat(
                  meters
                      .get("domain.events.handle")
                      .tag("handler", welcomeMail)
                      .tag("outcome", "failure")
                      .tag("error", "IllegalStateException")
                      .timer()
                      .count())
              .isOne();
          assertThat(
                  meters
                      .get("domain.events.failed")
                      .tags(
                          "event.type", "fixture.invite.created",
                          "handler", welcomeMail,
                          "phase", "immediate",
                          "exception", "IllegalStateException")
                      .counter()
                      .count())
              .isEqualTo(1.0);
        });
  }

  @Test
  void dispatchedCountsEachEventOnceWhateverItsHandlerCountAndNesting() {
    runner
        .withBean(
            Forwarder.class,
            () -> new Forwarder())
        .run(
            context -> {
              InProcessEventDispatcher dispatcher = context.getBean(InProcessEventDispatcher.class);
              context.getBean(Forwarder.class).dispatcher = dispatcher;
              InviteCreated same = new InviteCreated(3);
              dispatcher.dispatch(same);
              dispatcher.dispatch(same); // the same instance again: a second dispatch
              dispatcher.dispatch(new InviteCreated(4));

              MeterRegistry meters = context.getBean(MeterRegistry.class);
              // 3 invites, 3 handlers each; each handler of the Forwarder dispatches a MailSent
              assertThat(
                      meters.get("domain.events.dispatched")
                          .tags("event.type", "fixture.invite.created", "phase", "immediate")
                          .counter()
                          .count())
                  .isEqualTo(3.0);
              assertThat(
                      meters.get("domain.events.dispatched")
                          .tags("event.type", "fixture.mail.sent", "phase", "immediate")
                          .counter()
                          .count())
                  .isEqualTo(3.0);
            });
  }

  /** Forwards each invite as a mail event, handled by its own second method. */
  static final class Forwarder implements DomainEventHandler<InviteCreated> {
    volatile @org.jspecify.annotations.Nullable InProcessEventDispatcher dispatcher;

    @Override
    public void handle(InviteCreated event) {
      InProcessEventDispatcher target = dispatcher;
      if (target != null) {
        try (var mail = target.register(MailSent.class, sent -> {})) {
          target.dispatch(new MailSent(event.inviteId()));
        }
      }
    }
  }

  @Test
  void deadEventsAreCountedAndStillLoggedAsWarnings() {
    runner.run(
        context -> {
          try (LogCapture log = new LogCapture(InProcessEventDispatcher.class)) {
            MailSent dead = new MailSent(5);
            context.getBean(EventDispatcher.class).dispatch(dead);

            assertThat(
                    context.getBean(MeterRegistry.class)
                        .get("domain.events.dead")
                        .tag("event.type", "fixture.mail.sent")
                        .counter()
                        .count())
                .isEqualTo(1.0);
            assertThat(log.messages(Level.WARNING))
                .containsExactly(
                    "no handler registered for fixture.mail.sent " + dead.eventId() + " ("
                        + MailSent.class.getName() + ")");
          }
        });
  }

  @Test
  void withMicrometerTracingEachHandlerIsASpanAndNestedDispatchesAreChildren() {
    SimpleTracer tracer = new SimpleTracer();
    runner
        .withBean(
            "tracingHandlerCustomizer",
            org.springframework.boot.micrometer.observation.autoconfigure.ObservationRegistryCustomizer.class,
            () ->
                registry ->
                    registry
                        .observationConfig()
                        .observationHandler(new DefaultTracingObservationHandler(tracer)))
        .withBean(Forwarder.class, Forwarder::new)
        .run(
            context -> {
              InProcessEventDispatcher dispatcher = context.getBean(InProcessEventDispatcher.class);
              context.getBean(Forwarder.class).dispatcher = dispatcher;
              InviteCreated invite = new InviteCreated(6);
              dispatcher.dispatch(invite);

              List<SimpleSpan> spans = List.copyOf(tracer.getSpans());
              List<SimpleSpan> inviteSpans =
                  spans.stream().filter(s -> s.getName().equals("handle fixture.invite.created")).toList();
              assertThat(inviteSpans).hasSize(3);
              SimpleSpan forwarder =
                  inviteSpans.stream()
                      .filter(s -> s.getTags().get("handler").contains("Forwarder"))
                      .findFirst()
                      .orElseThrow();
              assertThat(forwarder.getTags())
                  .containsEntry("event.type", "fixture.invite.created")
                  .containsEntry("phase", "immediate")
                  .containsEntry("outcome", "success")
                  .containsEntry("event.id", invite.eventId().toString())
                  .containsEntry("causation.id", "none");
              SimpleSpan mail =
                  spans.stream()
                      .filter(s -> s.getName().equals("handle fixture.mail.sent"))
                      .findFirst()
                      .orElseThrow();
              assertThat(mail.getParentId()).isEqualTo(forwarder.getSpanId());
              assertThat(mail.getTags()).containsEntry("causation.id", invite.eventId().toString());
            });
  }

  @Test
  void aConventionBeanReplacesTheDefaultNamesAndKeys() {
    runner
        .withBean(
            DomainEventsObservationConvention.class,
            () ->
                new DefaultDomainEventsObservationConvention() {
                  @Override
                  public String getName() {
                    return "invites.handled";
                  }

                  @Override
                  public KeyValues getLowCardinalityKeyValues(HandlerObservationContext context) {
                    return KeyValues.of("event", context.getEvent().eventType());
                  }
                })
        .run(
            context -> {
              context.getBean(EventDispatcher.class).dispatch(new InviteCreated(7));
              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(meters.find("domain.events.handle").timers()).isEmpty();
              assertThat(
                      meters.get("invites.handled").tag("event", "fixture.invite.created")
                          .timer().count())
                  .isEqualTo(2);
            });
  }

  @Test
  void observationsAreOffByDefaultAndTheCountersOn() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                ObservationAutoConfiguration.class,
                MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class,
                DomainEventsAutoConfiguration.class,
                DomainEventsObservabilityAutoConfiguration.class))
        .withBean(AuditTrail.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(ObservationRegistry.class);
              assertThat(context.getBean(DomainEventsProperties.class).getObservations().isEnabled())
                  .isFalse();
              context.getBean(EventDispatcher.class).dispatch(new InviteCreated(15));
              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(meters.find("domain.events.handle").timers()).isEmpty();
              assertThat(meters.get("domain.events.dispatched").counter().count()).isEqualTo(1.0);
            });
  }

  @Test
  void observationsAndCountersCanBeTurnedOffSeparately() {
    runner
        .withPropertyValues("domain-events.observations.enabled=false")
        .run(
            context -> {
              context.getBean(EventDispatcher.class).dispatch(new InviteCreated(8));
              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(meters.find("domain.events.handle").timers()).isEmpty();
              assertThat(meters.get("domain.events.dispatched").counter().count()).isEqualTo(1.0);
            });
    runner
        .withPropertyValues("domain-events.metrics.enabled=false")
        .run(
            context -> {
              context.getBean(EventDispatcher.class).dispatch(new InviteCreated(9));
              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(meters.get("domain.events.handle").timers()).hasSize(2);
              assertThat(meters.find("domain.events.dispatched").counters()).isEmpty();
              assertThat(context).doesNotHaveBean(EventCounters.class);
            });
  }

  @Test
  void withoutMicrometerTheDispatcherWorksUnobserved() {
    new ApplicationContextRunner()
        .withClassLoader(new FilteredClassLoader("io.micrometer"))
        .withConfiguration(
            AutoConfigurations.of(
                DomainEventsAutoConfiguration.class,
                DomainEventsObservabilityAutoConfiguration.class))
        .withBean(AuditTrail.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(EventCounters.class);
              assertThat(context.getBeansOfType(DomainEventDispatcherCustomizer.class))
                  .containsOnlyKeys("domainEventTraceCustomizer", "domainEventDeadEventObservers");
              context.getBean(EventDispatcher.class).dispatch(new InviteCreated(10));
            });
  }

  @Test
  void withMicrometerButNoRegistryBeansNothingIsObserved() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                DomainEventsAutoConfiguration.class,
                DomainEventsObservabilityAutoConfiguration.class))
        .withBean(AuditTrail.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(EventCounters.class);
              assertThat(context).doesNotHaveBean(ObservationRegistry.class);
              assertThat(context.getBeansOfType(DomainEventDispatcherCustomizer.class))
                  .containsOnlyKeys("domainEventTraceCustomizer", "domainEventDeadEventObservers");
            });
  }

  @Test
  void theTraceIsOffByDefaultAndRecordsEventTreesWhenEnabled() {
    runner.run(context -> assertThat(context).doesNotHaveBean(EventTrace.class));
    runner
        .withPropertyValues("domain-events.trace.enabled=true", "domain-events.trace.capacity=2")
        .run(
            context -> {
              try (LogCapture log = new LogCapture(InProcessEventDispatcher.class)) {
                EventDispatcher dispatcher = context.getBean(EventDispatcher.class);
                dispatcher.dispatch(new InviteCreated(11));
                MailSent dead = new MailSent(11);
                dispatcher.dispatch(dead);
                dispatcher.dispatch(new InviteCreated(12));

                EventTrace trace = context.getBean(EventTrace.class);
                assertThat(trace.size()).isEqualTo(2); // the capacity: the oldest was evicted
                assertThat(trace.find(dead.eventId())).isPresent();
                assertThat(trace.events().get(1).handlerRuns()).hasSize(2);
                assertThat(log.messages(Level.WARNING)).hasSize(1);
              }
            });
  }

  @Test
  void aTraceCapacityBelowOneFailsStartupNamingTheProperty() {
    try (LogCapture contextLog = new LogCapture(Fixtures.CONTEXT_LOGGER)) {
      runner
          .withPropertyValues("domain-events.trace.enabled=true", "domain-events.trace.capacity=0")
          .run(
              context ->
                  assertThat(context)
                      .getFailure()
                      .rootCause()
                      .hasMessage("domain-events.trace.capacity must be at least 1, was 0"));
      assertThat(contextLog.messages(Level.WARNING)).hasSize(1);
    }
  }

  @Test
  void anApplicationsOwnTraceBeanIsAddedToTheDispatcher() {
    EventTrace own = EventTrace.withCapacity(10);
    runner
        .withBean(EventTrace.class, () -> own)
        .run(
            context -> {
              context.getBean(EventDispatcher.class).dispatch(new InviteCreated(14));
              assertThat(own.size()).isOne();
            });
  }
}
