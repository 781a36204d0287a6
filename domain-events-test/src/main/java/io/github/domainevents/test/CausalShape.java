package io.github.domainevents.test;

import io.github.domainevents.DomainEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Causal trees reduced to their shape: event type names, indented two spaces per level, with
 * siblings sorted so that the order in which asynchronous events arrived does not matter.
 */
final class CausalShape {
  private CausalShape() {}

  /** A node of a shape tree. */
  private record Node(String label, List<Node> children) {
    String render(int depth) {
      StringBuilder text = new StringBuilder();
      text.append("  ".repeat(depth)).append(label).append('\n');
      for (Node child : children) {
        text.append(child.render(depth + 1));
      }
      return text.toString();
    }
  }

  /**
   * The canonical shape of {@code events}: roots are events whose cause is not among them; each
   * label is the event's type name.
   */
  static String of(List<DomainEvent> events) {
    Set<UUID> ids = new HashSet<>();
    for (DomainEvent event : events) {
      ids.add(event.eventId());
    }
    Map<UUID, List<DomainEvent>> children = new HashMap<>();
    List<DomainEvent> roots = new ArrayList<>();
    for (DomainEvent event : events) {
      UUID cause = event.causationId().orElse(null);
      if (cause != null && ids.contains(cause) && !cause.equals(event.eventId())) {
        children.computeIfAbsent(cause, key -> new ArrayList<>()).add(event);
      } else {
        roots.add(event);
      }
    }
    List<Node> nodes = new ArrayList<>();
    for (DomainEvent root : roots) {
      nodes.add(build(root, children, new HashSet<>()));
    }
    return render(nodes);
  }

  /**
   * The canonical form of a shape written by a user: one type name per line, each level indented
   * deeper than its parent. A label may be the event type name or the class's simple name; simple
   * names of captured classes are translated with {@code simpleNameToType}.
   *
   * @throws IllegalArgumentException if the shape is empty or a line is indented less than the
   *     first line
   */
  static String parse(String shape, Map<String, String> simpleNameToType) {
    List<Node> roots = new ArrayList<>();
    List<Integer> indents = new ArrayList<>();
    List<Node> open = new ArrayList<>();
    int first = firstIndent(shape);
    int lineNumber = 0;
    for (String line : shape.split("\n", -1)) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      if (indent < first) {
        throw new IllegalArgumentException(
            "causal tree shape line " + lineNumber + " ('" + line.strip()
                + "') is indented less than the first line");
      }
      String label = line.strip();
      label = simpleNameToType.getOrDefault(label, label);
      Node node = new Node(label, new ArrayList<>());
      while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
        indents.remove(indents.size() - 1);
        open.remove(open.size() - 1);
      }
      if (open.isEmpty()) {
        roots.add(node);
      } else {
        open.get(open.size() - 1).children().add(node);
      }
      indents.add(indent);
      open.add(node);
    }
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("causal tree shape must name at least one event type");
    }
    return render(roots);
  }

  private static int firstIndent(String shape) {
    for (String line : shape.split("\n", -1)) {
      if (!line.isBlank()) {
        return line.length() - line.stripLeading().length();
      }
    }
    return 0;
  }

  private static Node build(
      DomainEvent event, Map<UUID, List<DomainEvent>> children, Set<UUID> onPath) {
    List<Node> nodes = new ArrayList<>();
    if (onPath.add(event.eventId())) {
      for (DomainEvent child : children.getOrDefault(event.eventId(), List.of())) {
        nodes.add(build(child, children, onPath));
      }
      onPath.remove(event.eventId());
    }
    return new Node(event.eventType(), nodes);
  }

  private static String render(List<Node> roots) {
    List<Node> sorted = sortDeep(roots);
    StringBuilder text = new StringBuilder();
    for (Node root : sorted) {
      text.append(root.render(0));
    }
    return text.toString();
  }

  private static List<Node> sortDeep(List<Node> nodes) {
    List<Node> sorted = new ArrayList<>();
    for (Node node : nodes) {
      sorted.add(new Node(node.label(), sortDeep(node.children())));
    }
    sorted.sort(Comparator.comparing(node -> node.render(0)));
    return sorted;
  }
}
