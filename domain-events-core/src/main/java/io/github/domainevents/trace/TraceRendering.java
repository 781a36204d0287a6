package io.github.domainevents.trace;

import io.github.domainevents.TransactionPhase;
import io.github.domainevents.internal.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Turns recorded nodes into text trees and Mermaid flowcharts. Called under the trace's lock. */
final class TraceRendering {
  private static final String SUCCEEDED = "✓";
  private static final String FAILED = "✗";
  private static final String RUNNING = "…";
  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

  private TraceRendering() {}

  // --- text ---

  static String text(List<EventTrace.Node> roots, Function<EventTrace.Node, List<EventTrace.Node>> children) {
    StringBuilder out = new StringBuilder();
    for (EventTrace.Node root : roots) {
      out.append(SafeText.escape(root.eventType)).append(' ').append(shortId(root.eventId))
          .append("  (correlation ").append(root.correlationId).append(")\n");
      textBelow(root, "", children, out);
    }
    return out.toString();
  }

  private static void textBelow(
      EventTrace.Node node,
      String prefix,
      Function<EventTrace.Node, List<EventTrace.Node>> children,
      StringBuilder out) {
    List<Object> items = new ArrayList<>(node.runs);
    for (EventTrace.Node child : children.apply(node)) {
      if (!raisedHere(child, node)) {
        items.add(child);
      }
    }
    for (int i = 0; i < items.size(); i++) {
      boolean last = i == items.size() - 1;
      String connector = last ? "└─ " : "├─ ";
      String nextPrefix = prefix + (last ? "   " : "│  ");
      Object item = items.get(i);
      if (item instanceof EventTrace.Run run) {
        out.append(prefix).append(connector).append(describe(run)).append('\n');
        List<EventTrace.Node> raised = raisedBy(run, node, children);
        for (int j = 0; j < raised.size(); j++) {
          boolean lastRaised = j == raised.size() - 1;
          EventTrace.Node child = raised.get(j);
          out.append(nextPrefix).append(lastRaised ? "└─ " : "├─ ")
              .append(SafeText.escape(child.eventType)).append(' ').append(shortId(child.eventId))
              .append('\n');
          textBelow(child, nextPrefix + (lastRaised ? "   " : "│  "), children, out);
        }
      } else if (item instanceof EventTrace.Node child) {
        out.append(prefix).append(connector).append(SafeText.escape(child.eventType)).append(' ')
            .append(shortId(child.eventId)).append(" (raised outside a handler run)\n");
        textBelow(child, nextPrefix, children, out);
      }
    }
  }

  // --- Mermaid ---

  static String mermaid(List<EventTrace.Node> roots, Function<EventTrace.Node, List<EventTrace.Node>> children) {
    MermaidWriter writer = new MermaidWriter(children);
    for (EventTrace.Node root : roots) {
      writer.event(root);
    }
    return writer.finish();
  }

  private static final class MermaidWriter {
    private final Function<EventTrace.Node, List<EventTrace.Node>> children;
    private final StringBuilder out = new StringBuilder("flowchart TD\n");
    private final List<String> failedRuns = new ArrayList<>();
    private int events;
    private int runs;

    MermaidWriter(Function<EventTrace.Node, List<EventTrace.Node>> children) {
      this.children = children;
    }

    String event(EventTrace.Node node) {
      String id = "E" + ++events;
      out.append("  ").append(id).append("[\"").append(escape(SafeText.escape(node.eventType))).append("<br/>")
          .append(shortId(node.eventId)).append("\"]\n");
      for (EventTrace.Run run : node.runs) {
        String runId = "H" + ++runs;
        out.append("  ").append(id).append(" --> ").append(runId).append("(\"")
            .append(escape(describe(run))).append("\")\n");
        if (run.failure != null) {
          failedRuns.add(runId);
        }
        for (EventTrace.Node raised : raisedBy(run, node, children)) {
          String childId = event(raised);
          out.append("  ").append(runId).append(" --> ").append(childId).append('\n');
        }
      }
      for (EventTrace.Node child : children.apply(node)) {
        if (!raisedHere(child, node)) {
          String childId = event(child);
          out.append("  ").append(id).append(" -.-> ").append(childId).append('\n');
        }
      }
      return id;
    }

    String finish() {
      if (!failedRuns.isEmpty()) {
        out.append("  classDef failed fill:#fde2e2,stroke:#c62828,color:#8e0000\n")
            .append("  class ").append(String.join(",", failedRuns)).append(" failed\n");
      }
      return out.toString();
    }
  }

  // --- shared ---

  private static boolean raisedHere(EventTrace.Node child, EventTrace.Node parent) {
    EventTrace.Run run = child.raisedBy;
    return run != null && run.owner == parent;
  }

  private static List<EventTrace.Node> raisedBy(
      EventTrace.Run run,
      EventTrace.Node owner,
      Function<EventTrace.Node, List<EventTrace.Node>> children) {
    List<EventTrace.Node> raised = new ArrayList<>();
    for (EventTrace.Node child : children.apply(owner)) {
      if (child.raisedBy == run) {
        raised.add(child);
      }
    }
    return raised;
  }

  static String describe(EventTrace.Run run) {
    String handler = run.phase == TransactionPhase.IMMEDIATE
        ? run.handler
        : run.handler + " [" + run.phase.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "]";
    if (!run.finished) {
      return SafeText.escape(handler) + " " + RUNNING + " running";
    }
    String outcome = run.failure == null ? SUCCEEDED : FAILED;
    String text = SafeText.escape(handler) + " " + outcome + " " + duration(run.nanos);
    return run.failure == null ? text : text + " " + oneLine(run.failure);
  }

  /**
   * Joins the lines of a multi-line failure message with spaces, so that it stays on its run's
   * line: a raw line break would cut the text tree's connectors and end a Mermaid label.
   */
  private static String oneLine(String failure) {
    return SafeText.escape(LINE_BREAKS.matcher(failure.strip()).replaceAll(" "));
  }

  static String duration(long nanos) {
    if (nanos < 1_000_000) {
      return (nanos / 1_000) + " µs";
    }
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
  }

  static String shortId(UUID id) {
    String text = id.toString();
    return "…" + text.substring(text.length() - 8);
  }

  static String summary(Throwable failure) {
    @Nullable String message = failure.getMessage();
    String name = failure.getClass().getSimpleName();
    return message == null ? name : name + ": " + message;
  }

  private static String escape(String label) {
    return label.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
  }
}
