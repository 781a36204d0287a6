package io.github.domainevents.spring.boot;

import io.github.domainevents.spring.boot.ReadmeExample.InviteCreated;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The README's outbox example for Spring Boot, verbatim between the tags; {@link
 * ReadmeExampleTest} runs it.
 */
final class ReadmeOutboxExample {
  private ReadmeOutboxExample() {}

  // tag::outbox[]
  @Configuration(proxyBeanMethods = false)
  static class InviteExports {
    @Bean
    OutboxExports inviteExports() {
      // each InviteCreated dispatched in a transaction gets its outbox row in that transaction;
      // the aggregate id keeps one invitee's events in order (and is the Kafka record key)
      return exports -> exports.export(InviteCreated.class, "invite", InviteCreated::email);
    }
  }
  // end::outbox[]
}
