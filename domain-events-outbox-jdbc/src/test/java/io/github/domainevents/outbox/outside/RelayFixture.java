package io.github.domainevents.outbox.outside;

import io.github.domainevents.outbox.Outbox;
import io.github.domainevents.outbox.OutboxRelay;
import io.github.domainevents.outbox.OutboxSink;
import io.github.domainevents.outbox.outside.Events.InviteAccepted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** A database with the schema, a clock, and helpers to write events and build relays. */
final class RelayFixture {
  final DataSource dataSource;
  final Transactions transactions;
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final Outbox outbox;

  RelayFixture(Database database) throws Exception {
    this.dataSource = database.fresh();
    this.transactions = new Transactions(dataSource);
    this.outbox = Outbox.builder(transactions, Events.JSON::toJson)
        .export(InviteAccepted.class, "invite", InviteAccepted::inviteId)
        .export(Events.InviteCreated.class, "invite", Events.InviteCreated::inviteId)
        .clock(clock)
        .build();
  }

  /** Writes {@code count} events of aggregate {@code id} in one transaction; returns their ids. */
  List<UUID> write(String aggregateId, int count) throws Exception {
    List<UUID> ids = new ArrayList<>();
    transactions.run(connection -> {
      for (int i = 0; i < count; i++) {
        InviteAccepted event = new InviteAccepted(aggregateId, i);
        outbox.write(event);
        ids.add(event.eventId());
      }
    });
    return ids;
  }

  OutboxRelay.Builder relay(String name, OutboxSink sink) {
    return OutboxRelay.builder(dataSource, sink)
        .name(name)
        .clock(clock)
        .leaseDuration(Duration.ofMinutes(1))
        .retries(3, Duration.ofSeconds(10), Duration.ofSeconds(40));
  }

  long rows() throws Exception {
    return Transactions.count(dataSource, "SELECT COUNT(*) FROM domain_events_outbox");
  }

  long rows(String status) throws Exception {
    return Transactions.count(dataSource,
        "SELECT COUNT(*) FROM domain_events_outbox WHERE status = '" + status + "'");
  }

  /** Runs rounds until one claims nothing; at most {@code maxRounds}. */
  static int drain(OutboxRelay relay, int maxRounds) throws Exception {
    int claimed = 0;
    for (int round = 0; round < maxRounds; round++) {
      int count = relay.relayOnce();
      if (count == 0) {
        return claimed;
      }
      claimed += count;
    }
    throw new AssertionError("the relay still had rows after " + maxRounds + " rounds");
  }
}
