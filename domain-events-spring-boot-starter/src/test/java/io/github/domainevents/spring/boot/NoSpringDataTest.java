package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DomainEventHandler;
import io.github.domainevents.spring.boot.Fixtures.InviteCreated;
import io.github.domainevents.spring.boot.Fixtures.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Spring Data support needs nothing from Spring Data: without it on the class path the
 * starter starts, and domain events published through Spring still reach the library's handlers.
 */
@Timeout(60)
class NoSpringDataTest {

  /** Journals invites. */
  static final class Invites implements DomainEventHandler<InviteCreated> {
    private final Journal journal;

    Invites(Journal journal) {
      this.journal = journal;
    }

    @Override
    public void handle(InviteCreated event) {
      journal.add("invite " + event.inviteId());
    }
  }

  @Test
  void withoutSpringDataPublishedDomainEventsStillReachTheHandlersOnce() {
    new ApplicationContextRunner()
        .withClassLoader(new FilteredClassLoader("org.springframework.data"))
        .withConfiguration(
            AutoConfigurations.of(
                DomainEventsAutoConfiguration.class,
                DomainEventsObservabilityAutoConfiguration.class,
                DomainEventsEndpointAutoConfiguration.class))
        .withBean(Journal.class)
        .withBean(Invites.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              context.publishEvent(new InviteCreated(1));
              assertThat(context.getBean(Journal.class).entries()).containsExactly("invite 1");
            });
  }
}
