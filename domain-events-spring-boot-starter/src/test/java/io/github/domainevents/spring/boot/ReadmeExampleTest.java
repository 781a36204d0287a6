package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.spring.boot.ReadmeExample.AuditTrail;
import io.github.domainevents.spring.boot.ReadmeExample.InviteCreated;
import io.github.domainevents.spring.boot.ReadmeExample.InviteService;
import io.github.domainevents.spring.boot.ReadmeExample.Outbox;
import io.github.domainevents.spring.boot.ReadmeExample.WelcomeMail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The README's Spring Boot section shows {@link ReadmeExample} verbatim, and it works. */
@Timeout(60)
class ReadmeExampleTest {
  private static final String START = "// tag::spring[]";
  private static final String END = "// end::spring[]";

  @Test
  void readmeShowsExactlyTheExampleSource() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/io/github/domainevents/spring/boot/ReadmeExample.java"));
    String region = source.substring(source.indexOf(START) + START.length(), source.indexOf(END));
    assertThat(Files.readString(Path.of("../README.md"))).contains(region.stripIndent().strip());
  }

  @Test
  void readmeShowsExactlyTheOutboxExampleSource() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/io/github/domainevents/spring/boot/ReadmeOutboxExample.java"));
    String start = "// tag::outbox[]";
    String region =
        source.substring(source.indexOf(start) + start.length(), source.indexOf("// end::outbox[]"));
    assertThat(Files.readString(Path.of("../README.md"))).contains(region.stripIndent().strip());
  }

  @Test
  void theOutboxExampleWritesTheInviteInItsTransaction() {
    new ApplicationContextRunner()
        .withPropertyValues("spring.datasource.generate-unique-name=true")
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class,
                JdbcTemplateAutoConfiguration.class,
                TransactionAutoConfiguration.class,
                DomainEventsAutoConfiguration.class,
                DomainEventsJacksonAutoConfiguration.class,
                DomainEventsOutboxAutoConfiguration.class))
        .withBean(
            io.github.domainevents.wire.EventTypeRegistry.class,
            () -> io.github.domainevents.wire.EventTypeRegistry.of(InviteCreated.class))
        .withUserConfiguration(ReadmeOutboxExample.InviteExports.class)
        .run(
            context -> {
              InProcessEventDispatcher dispatcher = context.getBean(InProcessEventDispatcher.class);
              context.getBean(org.springframework.transaction.support.TransactionTemplate.class)
                  .executeWithoutResult(
                      status -> dispatcher.dispatch(new InviteCreated("ada@example.com")));
              assertThat(
                      context.getBean(JdbcTemplate.class)
                          .queryForList(
                              "SELECT aggregateid FROM domain_events_outbox WHERE type = ?",
                              String.class,
                              "invite.created"))
                  .containsExactly("ada@example.com");
            });
  }

  @Test
  void theWelcomeMailFollowsTheCommitAndTheAuditTrailRunsFirst() {
    new ApplicationContextRunner()
        .withPropertyValues("spring.datasource.generate-unique-name=true")
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class,
                JdbcTemplateAutoConfiguration.class,
                TransactionAutoConfiguration.class,
                DomainEventsAutoConfiguration.class))
        .withBean(Outbox.class)
        .withBean(InviteService.class)
        .withBean(WelcomeMail.class)
        .withBean(AuditTrail.class)
        .run(
            context -> {
              context.getBean(JdbcTemplate.class)
                  .execute("create table invite (email varchar(100) primary key)");
              InviteService service = context.getBean(InviteService.class);
              Outbox outbox = context.getBean(Outbox.class);

              service.invite("ada@example.com");
              assertThat(outbox.sent).containsExactly("ada@example.com: Welcome!");

              // a duplicate key fails the second invite before its event: nothing more
              assertThatThrownBy(() -> service.invite("ada@example.com"))
                  .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
              assertThat(outbox.sent).hasSize(1);
              assertThat(context.getBean(AuditTrail.class).lines)
                  .containsExactly("invited ada@example.com");

              assertThat(
                      context.getBean(InProcessEventDispatcher.class)
                          .handlersFor(InviteCreated.class))
                  .extracting(HandlerInfo::priority)
                  .containsExactly(10, 0);
            });
  }
}
