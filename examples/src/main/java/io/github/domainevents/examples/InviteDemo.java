package io.github.domainevents.examples;

import io.github.domainevents.EventHeader;
import java.io.PrintStream;
import java.util.UUID;

/** The README's demo: the invite story, told with domain events. Run it with {@code ./mvnw}. */
public final class InviteDemo {
  private InviteDemo() {}

  /**
   * Runs the demo and prints to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Tells the story to {@code out}. */
  static void run(PrintStream out) {
    UUID requestId = UUID.randomUUID();
    InviteCreated invite =
        new InviteCreated(
            EventHeader.builder()
                .correlationId(requestId)
                .metadata("source", "invite-service")
                .metadata("actor", "ada@example.com")
                .build(),
            42,
            "tok_7f3a",
            "grace@example.com");

    out.println("An invite was created:");
    out.println("  type        " + invite.eventType());
    out.println("  id          " + invite.eventId() + " (version " + invite.eventId().version() + ")");
    out.println("  occurred at " + invite.occurredAt());
    out.println("  correlation " + invite.correlationId().orElseThrow());
    out.println("  metadata    " + invite.metadata());
    out.println("  payload     invite " + invite.inviteId() + " for " + invite.email());
    out.println();
    out.println(invite);
  }
}
