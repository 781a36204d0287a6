package io.github.domainevents.springtest.readme;

import static io.github.domainevents.test.EventAssertions.assertThat;

import io.github.domainevents.springtest.readme.ReadmeTestingApp.CacheWarmed;
import io.github.domainevents.springtest.readme.ReadmeTestingApp.InviteCreated;
import io.github.domainevents.springtest.readme.ReadmeTestingApp.InviteService;
import io.github.domainevents.springtest.readme.ReadmeTestingApp.WelcomeMailSent;
import io.github.domainevents.test.CapturedEvents;
import io.github.domainevents.test.DomainEventsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's "Testing with Spring Boot" example, verbatim between the tags. */
// tag::spring-testing[]
@SpringBootTest
@ExtendWith(DomainEventsExtension.class)
class InviteServiceTest {
  @Autowired InviteService invites;

  @Test
  void theWelcomeMailFollowsTheCommit(CapturedEvents events) {
    invites.invite("ada@example.com"); // @Transactional: committed when it returns

    assertThat(events)
        .event(WelcomeMailSent.class) // dispatched by an AFTER_COMMIT handler
        .isCausedBy(InviteCreated.class);
    events.awaitEvent(CacheWarmed.class); // dispatchAsync: on Boot's applicationTaskExecutor
    events.awaitQuiescence();
  }
}
// end::spring-testing[]
