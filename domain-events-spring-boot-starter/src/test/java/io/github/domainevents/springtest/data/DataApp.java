package io.github.domainevents.springtest.data;

import io.github.domainevents.DomainEvent;
import io.github.domainevents.EventHeader;
import io.github.domainevents.EventType;
import io.github.domainevents.HandleEvent;
import io.github.domainevents.TransactionPhase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.repository.CrudRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Spring Data JDBC application whose aggregates record domain events: one through {@link
 * AbstractAggregateRoot}, one through its own {@link DomainEvents} method; its repositories are
 * nested interfaces, hence {@code considerNestedRepositories}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableJdbcRepositories(considerNestedRepositories = true)
public class DataApp {

  @Bean
  Journal journal() {
    return new Journal();
  }

  @Bean
  Handlers handlers(Journal journal, Teams teams) {
    return new Handlers(journal, teams);
  }

  @Bean
  Registration registration(Teams teams, Members members) {
    return new Registration(teams, members);
  }

  /** A team was founded. */
  @EventType("data.team.founded")
  public record TeamFounded(EventHeader header, String name) implements DomainEvent {
    TeamFounded(String name) {
      this(EventHeader.create(), name);
    }
  }

  /** A member joined a team. */
  @EventType("data.member.joined")
  public record MemberJoined(EventHeader header, String email) implements DomainEvent {
    MemberJoined(String email) {
      this(EventHeader.create(), email);
    }
  }

  /** The aggregate that records its events through {@link AbstractAggregateRoot}. */
  public static class Team extends AbstractAggregateRoot<Team> {
    @Id @Nullable Long id;
    String name;

    Team(@Nullable Long id, String name) {
      this.id = id;
      this.name = name;
    }

    static Team found(String name) {
      Team team = new Team(null, name);
      team.registerEvent(new TeamFounded(name));
      return team;
    }
  }

  /** The aggregate that exposes its events through its own {@code @DomainEvents} method. */
  public static class Member {
    @Id @Nullable Long id;
    String email;
    @org.springframework.data.annotation.Transient
    private final List<DomainEvent> recorded = new ArrayList<>();

    Member(@Nullable Long id, String email) {
      this.id = id;
      this.email = email;
    }

    static Member join(String email) {
      Member member = new Member(null, email);
      member.recorded.add(new MemberJoined(email));
      return member;
    }

    @DomainEvents
    List<DomainEvent> events() {
      return List.copyOf(recorded);
    }

    @AfterDomainEventPublication
    void clearEvents() {
      recorded.clear();
    }
  }

  /** Teams, a Spring Data JDBC repository. */
  public interface Teams extends CrudRepository<Team, Long> {}

  /** Members, a Spring Data JDBC repository. */
  public interface Members extends CrudRepository<Member, Long> {}

  /** Saves aggregates in transactions. */
  @Service
  public static class Registration {
    private final Teams teams;
    private final Members members;

    Registration(Teams teams, Members members) {
      this.teams = teams;
      this.members = members;
    }

    @Transactional
    public Team found(String name) {
      return teams.save(Team.found(name));
    }

    @Transactional
    public void foundAndFail(String name) {
      teams.save(Team.found(name));
      throw new IllegalStateException("rolled back (expected by the test)");
    }

    @Transactional
    public void join(String email) {
      members.save(Member.join(email));
    }
  }

  /**
   * The library's handlers: each founded team gets its first member, saved by a handler, so its
   * event is caused by the team's.
   */
  public static class Handlers {
    private final Journal journal;
    private final Teams teams;
    final List<DomainEvent> received = Collections.synchronizedList(new ArrayList<>());

    Handlers(Journal journal, Teams teams) {
      this.journal = journal;
      this.teams = teams;
    }

    @HandleEvent
    public void teamFounded(TeamFounded event) {
      received.add(event);
      journal.add("founded " + event.name() + " rows=" + teams.count());
    }

    @HandleEvent(phase = TransactionPhase.AFTER_COMMIT)
    public void teamCommitted(TeamFounded event) {
      journal.add("committed " + event.name());
    }

    @HandleEvent
    public void memberJoined(MemberJoined event) {
      received.add(event);
      journal.add("joined " + event.email());
    }
  }

  /** What the handlers saw, in order; safe for concurrent use. */
  public static final class Journal {
    private final List<String> entries = Collections.synchronizedList(new ArrayList<>());

    void add(String entry) {
      entries.add(entry);
    }

    /**
     * Returns the entries so far.
     *
     * @return a copy
     */
    public List<String> entries() {
      synchronized (entries) {
        return List.copyOf(entries);
      }
    }

    void clear() {
      entries.clear();
    }
  }
}
