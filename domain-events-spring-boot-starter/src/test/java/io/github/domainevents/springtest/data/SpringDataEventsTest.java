package io.github.domainevents.springtest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.springtest.data.DataApp.Handlers;
import io.github.domainevents.springtest.data.DataApp.Journal;
import io.github.domainevents.springtest.data.DataApp.MemberJoined;
import io.github.domainevents.springtest.data.DataApp.Registration;
import io.github.domainevents.springtest.data.DataApp.TeamFounded;
import io.github.domainevents.springtest.data.DataApp.Teams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spring Data's aggregate events ({@code AbstractAggregateRoot} and {@code @DomainEvents}),
 * published by a real Spring Data JDBC repository's {@code save} on H2, reach the library's
 * handlers exactly once, follow the transaction, and get the library's causation.
 */
@SpringBootTest(
    classes = DataApp.class,
    properties = {
      "spring.datasource.generate-unique-name=true",
      "spring.main.web-application-type=none",
      "spring.main.banner-mode=off",
      "logging.level.root=warn"
    })
@Timeout(60)
class SpringDataEventsTest {
  @Autowired JdbcTemplate jdbc;
  @Autowired Registration registration;
  @Autowired Teams teams;
  @Autowired Handlers handlers;
  @Autowired Journal journal;
  @Autowired InProcessEventDispatcher dispatcher;

  @BeforeEach
  void cleanTables() {
    jdbc.execute("create table if not exists team (id bigint auto_increment primary key,"
        + " name varchar(100))");
    jdbc.execute("create table if not exists member (id bigint auto_increment primary key,"
        + " email varchar(100))");
    jdbc.update("delete from team");
    jdbc.update("delete from member");
    journal.clear();
    handlers.received.clear();
  }

  @Test
  void anAbstractAggregateRootEventIsDeliveredOnceOnSaveAndItsPhasesFollowTheCommit() {
    registration.found("core");

    assertThat(handlers.received).singleElement().isInstanceOf(TeamFounded.class);
    assertThat(journal.entries()).containsExactly("founded core rows=1", "committed core");
    assertThat(teams.count()).isOne();
  }

  @Test
  void aRolledBackSaveRunsNoAfterCommitHandler() {
    assertThatThrownBy(() -> registration.foundAndFail("gone"))
        .hasMessageContaining("expected by the test");

    assertThat(journal.entries()).containsExactly("founded gone rows=1");
    assertThat(teams.count()).isZero();
  }

  @Test
  void aDomainEventsMethodsEventsAreDeliveredOnceOnSave() {
    registration.join("ada@example.com");

    assertThat(handlers.received).singleElement().isInstanceOf(MemberJoined.class);
    assertThat(journal.entries()).containsExactly("joined ada@example.com");
  }

  @Test
  void anAggregateSavedInsideAHandlerRecordsEventsCausedByTheHandledEvent() {
    FirstMember firstMember = new FirstMember(registration);
    try (var subscription = dispatcher.registerAll(firstMember)) {
      registration.found("docs");
    }

    TeamFounded founded = (TeamFounded) handlers.received.get(0);
    assertThat(handlers.received).hasSize(2);
    MemberJoined joined = (MemberJoined) handlers.received.get(1);
    assertThat(joined.causationId()).contains(founded.eventId());
    assertThat(joined.correlationId()).contains(founded.correlationId().orElse(founded.eventId()));
    assertThat(firstMember.joined).containsExactly(joined);
  }

  /** Saves the first member of each founded team, and records the member events it sees. */
  public static final class FirstMember {
    private final Registration registration;
    final List<DomainEvent> joined = Collections.synchronizedList(new ArrayList<>());

    FirstMember(Registration registration) {
      this.registration = registration;
    }

    @HandleEvent
    public void on(TeamFounded event) {
      registration.join("owner@" + event.name());
    }

    @HandleEvent
    public void on(MemberJoined event) {
      joined.add(event);
    }
  }
}
