package io.github.domainevents.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.domainevents.EventContext;
import io.github.domainevents.UnitOfWork;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's demo tells the invite story, with the trace of what ran, and ends normally. */
class InviteDemoTest {
  private static final String REQUEST = "0b5e7a1c-2d3f-4e5a-8b6c-7d8e9f0a1b2c";

  private static String output;
  private static List<String> lines;

  @BeforeAll
  static void runTheDemo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      assertThatCode(() -> InviteDemo.run(out)).doesNotThrowAnyException();
    }
    output = bytes.toString(StandardCharsets.UTF_8);
    lines = output.lines().toList();
  }

  @Test
  void listsTheHandlersInTheOrderTheyRun() {
    assertThat(lines).containsSubsequence(
        "Handlers for invite.created, in the order they run:",
        "  InviteHandlers.Activity.record(DomainEvent) (DomainEvent, priority 10)",
        "  InviteHandlers.SendWelcomeMail (InviteCreated, priority 0)",
        "  InviteHandlers.WarmInviteCache (InviteCreated, priority 0)");
  }

  @Test
  void reportsTheFailingHandlerWhileTheOthersStillRan() {
    assertThat(lines).containsSubsequence(
        "One handler failed; the others still ran (run-all policy):",
        "  InviteHandlers.Activity.record(DomainEvent): SUCCEEDED",
        "  InviteHandlers.SendWelcomeMail: SUCCEEDED",
        "  InviteHandlers.WarmInviteCache: FAILED (cache down)");
    assertThat(output).contains("Mail outbox:   [to grace@example.com: you are invited, use tok_");
  }

  @Test
  void theInviteJoinsTheRequestsCorrelation() {
    assertThat(lines).contains("  correlation " + REQUEST);
  }

  @Test
  void traceTree_isWhatTheReadmeShows_upToIdsAndDurations() throws java.io.IOException {
    List<String> readme = java.nio.file.Files.readAllLines(java.nio.file.Path.of("../README.md"));
    int intro = readme.indexOf(
        readme.stream().filter(line -> line.endsWith("the demo prints:")).findFirst().orElseThrow());
    int open = intro + 1;
    while (!readme.get(open).startsWith("```")) {
      open++;
    }
    int close = open + 1;
    while (!readme.get(close).equals("```")) {
      close++;
    }
    List<String> shown = readme.subList(open + 1, close);
    List<String> printed = section("What ran (EventTrace):");

    assertThat(printed.stream().map(InviteDemoTest::withoutIdsAndDurations).toList())
        .isEqualTo(shown.stream().map(InviteDemoTest::withoutIdsAndDurations).toList());
  }

  private static String withoutIdsAndDurations(String line) {
    return line.replaceAll("…[0-9a-f]{8}", "…ID").replaceAll("[0-9.]+ (µs|ms)", "T");
  }

  @Test
  void printsTheTraceTreeWithTheMailEventUnderSendWelcomeMail() {
    List<String> tree = section("What ran (EventTrace):");
    String shortId = "…[0-9a-f]{8}";
    String took = "(?:[0-9]+ µs|[0-9]+\\.[0-9] ms)";

    assertThat(tree).hasSize(7);
    assertThat(tree.get(0)).matches("invite\\.created " + shortId + "  \\(correlation " + REQUEST + "\\)");
    assertThat(tree.get(1)).matches("├─ InviteHandlers\\.Activity\\.record\\(DomainEvent\\) ✓ " + took);
    assertThat(tree.get(2)).matches("├─ InviteHandlers\\.SendWelcomeMail ✓ " + took);
    assertThat(tree.get(3)).matches("│  └─ email\\.sent " + shortId);
    assertThat(tree.get(4)).matches("│     ├─ InviteHandlers\\.Activity\\.record\\(DomainEvent\\) ✓ " + took);
    assertThat(tree.get(5)).matches("│     └─ InviteHandlers\\.Activity\\.audit\\(WelcomeMailSent\\) ✓ " + took);
    assertThat(tree.get(6)).matches(
        "└─ InviteHandlers\\.WarmInviteCache ✗ " + took + " IllegalStateException: cache down");
  }

  @Test
  void theTreeShowsTheSameEventsTheActivityLogSaw() {
    Matcher created = Pattern.compile("(?m)^  invite\\.created ([0-9a-f-]{36})$").matcher(output);
    Matcher sent = Pattern.compile("(?m)^  email\\.sent ([0-9a-f-]{36})$").matcher(output);
    assertThat(created.find()).isTrue();
    assertThat(sent.find()).isTrue();

    assertThat(output)
        .contains("invite.created …" + created.group(1).substring(28) + "  (correlation ")
        .contains("└─ email.sent …" + sent.group(1).substring(28) + "\n");
  }

  @Test
  void listsTheUnitOfWorkHandlersWithTheirPhases() {
    assertThat(section("Units of work: the welcome mail waits for the commit.")).containsExactly(
        "  InviteHandlers.Activity.record(DomainEvent) (DomainEvent, priority 10)",
        "  InviteHandlers.SendWelcomeMail (InviteCreated, priority 0, after commit)",
        "  InviteHandlers.AbandonedInvites.record(InviteCreated) (InviteCreated, priority 0,"
            + " after rollback)");
  }

  @Test
  void theMailGoesOutAfterTheCommit_andNotForTheInviteThatRolledBack() {
    assertThat(lines).containsSubsequence(
        "Invite 43 is saved in a unit of work that commits:",
        "  dispatched; mails sent before the commit: 0",
        "  committed;  mails sent after the commit:  1",
        "Invite 44 is saved in a unit of work that rolls back:",
        "  dispatched; the database refuses the invite; rolling back",
        "  mails sent: 1; abandoned invites: [44]");
  }

  @Test
  void theUnitOfWorkTraceShowsPhases_andTheMailCausedByTheCommittedInvite() {
    List<String> tree = section("What ran in the units of work (EventTrace):");
    String shortId = "…[0-9a-f]{8}";
    String took = "(?:[0-9]+ µs|[0-9]+\\.[0-9] ms)";

    assertThat(tree).hasSize(9);
    assertThat(tree.get(0)).matches("invite\\.created " + shortId + "  \\(correlation .*\\)");
    assertThat(tree.get(1)).matches("├─ InviteHandlers\\.Activity\\.record\\(DomainEvent\\) ✓ " + took);
    assertThat(tree.get(2)).matches(
        "└─ InviteHandlers\\.SendWelcomeMail \\[after commit\\] ✓ " + took);
    assertThat(tree.get(3)).matches("   └─ email\\.sent " + shortId);
    assertThat(tree.get(4)).matches("      ├─ InviteHandlers\\.Activity\\.record\\(DomainEvent\\) ✓ " + took);
    assertThat(tree.get(5)).matches(
        "      └─ InviteHandlers\\.Activity\\.audit\\(WelcomeMailSent\\) ✓ " + took);
    assertThat(tree.get(6)).matches("invite\\.created " + shortId + "  \\(correlation .*\\)");
    assertThat(tree.get(7)).matches("├─ InviteHandlers\\.Activity\\.record\\(DomainEvent\\) ✓ " + took);
    assertThat(tree.get(8)).matches(
        "└─ InviteHandlers\\.AbandonedInvites\\.record\\(InviteCreated\\) \\[after rollback\\] ✓ "
            + took);
    assertThat(output).doesNotContain("[after commit] ✗").doesNotContain("[after rollback] ✗");
  }

  @Test
  void leavesNoContextBehindOnTheCallingThread() {
    assertThat(EventContext.correlationId()).isEmpty();
    assertThat(EventContext.currentCause()).isEmpty();
    assertThat(UnitOfWork.isActive()).isFalse();
  }

  /** The lines after {@code heading}, up to the next blank line or the end. */
  private static List<String> section(String heading) {
    int start = lines.indexOf(heading);
    assertThat(start).as("heading %s", heading).isNotNegative();
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).isEmpty()) {
      end++;
    }
    return lines.subList(start + 1, end);
  }
}
