package io.github.domainevents.examples;

import io.github.domainevents.DispatchReport;
import io.github.domainevents.ErrorPolicy;
import io.github.domainevents.EventContext;
import io.github.domainevents.EventDispatchException;
import io.github.domainevents.wire.EventTypeRegistry;
import io.github.domainevents.HandlerInfo;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.TransactionPhase;
import io.github.domainevents.UnitOfWork;
import io.github.domainevents.jackson.EventJson;
import io.github.domainevents.trace.EventTrace;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The README's demo: the invite story, told with domain events.
 *
 * <p>An invite is created inside a request's correlation scope; after "saving" it, its events
 * are dispatched. One handler sends the welcome mail and raises a follow-up event, one logs all
 * activity, one audits mail, and one (warming a cache) fails. Under the run-all policy every
 * handler still runs, the failure is reported, and the recorded trace shows what ran.
 *
 * <p>Then the same mail handler is bound to the after-commit phase of a unit of work: an invite
 * saved in a unit that commits gets its mail after the commit; one whose unit rolls back gets
 * none, and an after-rollback handler records it as abandoned.
 */
public final class InviteDemo {
  private InviteDemo() {}

  /**
   * Runs the demo and prints to standard output.
   *
   * @param args {@code --mermaid} to print the trace as a Mermaid flowchart as well
   */
  public static void main(String[] args) {
    run(System.out, List.of(args).contains("--mermaid"));
  }

  /** Tells the story to {@code out}. */
  static void run(PrintStream out) {
    run(out, false);
  }

  /** Tells the story to {@code out}, with the Mermaid flowchart if {@code mermaid}. */
  static void run(PrintStream out, boolean mermaid) {
    EventTrace trace = EventTrace.create();
    List<String> outbox = new ArrayList<>();
    InviteHandlers.Activity activity = new InviteHandlers.Activity();
    try (InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder()
            .errorPolicy(ErrorPolicy.RUN_ALL_THEN_THROW)
            .interceptor(trace)
            .build()) {
      dispatcher.register(new InviteHandlers.SendWelcomeMail(dispatcher, outbox));
      dispatcher.register(new InviteHandlers.WarmInviteCache());
      dispatcher.registerAll(activity);

      out.println("Handlers for invite.created, in the order they run:");
      for (HandlerInfo handler : dispatcher.handlersFor(InviteCreated.class)) {
        out.println("  " + handler);
      }

      UUID requestId = UUID.fromString("0b5e7a1c-2d3f-4e5a-8b6c-7d8e9f0a1b2c");
      Invite invite;
      try (EventContext.Scope request = EventContext.openCorrelation(requestId)) {
        out.println();
        out.println("Request " + request.correlationId() + " creates an invite.");
        invite = Invite.create(42, "grace@example.com");
      }
      InviteCreated created = (InviteCreated) invite.recordedEvents().get(0);
      out.println();
      out.println("An invite was created (and saved):");
      out.println("  type        " + created.eventType());
      out.println("  id          " + created.eventId() + " (UUID version " + created.eventId().version() + ")");
      out.println("  occurred at " + created.occurredAt());
      out.println("  correlation " + created.correlationId().orElseThrow());
      EventJson json = EventJson.builder(EventTypeRegistry.of(InviteCreated.class)).build();
      out.println("  as the seed's JSON:");
      out.println("  " + json.toJson(created));

      out.println();
      out.println("Dispatching its events after saving...");
      try {
        dispatcher.dispatchAll(invite.pullEvents());
      } catch (EventDispatchException failure) {
        out.println("One handler failed; the others still ran (run-all policy):");
        DispatchReport report = failure.report().orElseThrow();
        for (DispatchReport.Outcome outcome : report.outcomes()) {
          out.println("  " + outcome.handler().description() + ": " + outcome.status()
              + outcome.failure().map(f -> " (" + f.getMessage() + ")").orElse(""));
        }
      }

      out.println();
      out.println("Mail outbox:   " + outbox);
      out.println("Activity log:  " + activity.log().size() + " entries");
      activity.log().forEach(line -> out.println("  " + line));
      out.println();
      out.println("What ran (EventTrace):");
      out.print(trace.renderText());
      if (mermaid) {
        out.println();
        out.println("```mermaid");
        out.print(trace.renderMermaid());
        out.println("```");
      }
    }
    out.println();
    unitsOfWork(out);
  }

  /** The second part: the welcome mail goes out only for an invite whose unit commits. */
  private static void unitsOfWork(PrintStream out) {
    EventTrace trace = EventTrace.create();
    List<String> outbox = new ArrayList<>();
    InviteHandlers.AbandonedInvites abandoned = new InviteHandlers.AbandonedInvites();
    try (InProcessEventDispatcher dispatcher =
        InProcessEventDispatcher.builder().interceptor(trace).build()) {
      dispatcher.register(
          TransactionPhase.AFTER_COMMIT, new InviteHandlers.SendWelcomeMail(dispatcher, outbox));
      dispatcher.registerAll(abandoned);
      dispatcher.registerAll(new InviteHandlers.Activity());

      out.println("Units of work: the welcome mail waits for the commit.");
      for (HandlerInfo handler : dispatcher.handlersFor(InviteCreated.class)) {
        out.println("  " + handler);
      }

      out.println();
      out.println("Invite 43 is saved in a unit of work that commits:");
      try (UnitOfWork unit = UnitOfWork.begin()) {
        dispatcher.dispatchAll(Invite.create(43, "ada@example.com").pullEvents());
        out.println("  dispatched; mails sent before the commit: " + outbox.size());
        unit.commit();
        out.println("  committed;  mails sent after the commit:  " + outbox.size());
      }

      out.println("Invite 44 is saved in a unit of work that rolls back:");
      try (UnitOfWork unit = UnitOfWork.begin()) {
        dispatcher.dispatchAll(Invite.create(44, "alan@example.com").pullEvents());
        out.println("  dispatched; the database refuses the invite; rolling back");
        unit.rollback();
      }
      out.println("  mails sent: " + outbox.size() + "; abandoned invites: " + abandoned.abandoned());

      out.println();
      out.println("What ran in the units of work (EventTrace):");
      out.print(trace.renderText());
    }
  }
}
