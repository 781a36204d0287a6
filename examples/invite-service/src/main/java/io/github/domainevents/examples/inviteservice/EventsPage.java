package io.github.domainevents.examples.inviteservice;

import io.github.domainevents.trace.EventTrace;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /events}: the causal tree of recent requests, drawn in the browser by Mermaid from
 * {@link EventTrace#renderMermaid()}, and as text from {@link EventTrace#renderText()}. The page
 * loads nothing from other sites: Mermaid comes from the application's WebJar and the page's own
 * script from {@code /events.js}, which its Content-Security-Policy enforces.
 */
@RestController
class EventsPage {
  /** Mermaid's bundle in the WebJar, the version resolved by webjars-locator-lite. */
  static final String MERMAID_SCRIPT = "/webjars/mermaid/dist/mermaid.min.js";

  /** Scripts and everything else from this origin only; Mermaid styles its SVG inline. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

  private final EventTrace trace;

  EventsPage(EventTrace trace) {
    this.trace = trace;
  }

  @GetMapping("/events")
  ResponseEntity<String> page() {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .body(html());
  }

  private String html() {
    String diagram;
    String text;
    if (trace.size() == 0) {
      diagram = "<p id=\"empty\">No events yet: create an invite, then reload.</p>";
      text = "";
    } else {
      diagram = "<pre class=\"mermaid\">" + escape(trace.renderMermaid()) + "</pre>";
      text = escape(trace.renderText());
    }
    return String.join(
        "\n",
        "<!DOCTYPE html>",
        "<html lang=\"en\">",
        "<head>",
        "<meta charset=\"utf-8\">",
        "<title>Invite service: recent events</title>",
        "<link rel=\"stylesheet\" href=\"/events.css\">",
        "</head>",
        "<body>",
        "<h1>Recent events</h1>",
        "<p>What the last requests caused: each invite event, the handlers that ran for it (with"
            + " their transaction phase, outcome and time) and the events they raised. Failed runs"
            + " are red. <a href=\"/invites\">Invites</a> · <a href=\"/mails\">Mails</a></p>",
        "<div id=\"diagram\">" + diagram + "</div>",
        "<details><summary>As text</summary><pre id=\"text\">" + text + "</pre></details>",
        "<script src=\"" + MERMAID_SCRIPT + "\"></script>",
        "<script src=\"/events.js\"></script>",
        "</body>",
        "</html>",
        "");
  }

  /** Escapes text for an HTML element's content; Mermaid reads it back as the element's text. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
