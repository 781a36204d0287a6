package io.github.domainevents.examples.inviteservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.trace.EventTrace;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /events} over real HTTP: the HTML carries the trace's Mermaid source and loads its
 * scripts from the service itself, and those scripts are served. That the diagram is drawn is
 * {@link EventsPageBrowserTest}'s job.
 */
@RunningService
class EventsPageTest {
  private static final Pattern SCRIPT_SRC = Pattern.compile("<script src=\"([^\"]+)\"");

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void thePage_showsTheTraceAsMermaidSource_andLoadsScriptsOnlyFromTheService() throws Exception {
    http.createInvite("page@example.com");

    HttpResponse<String> page = http.get("/events");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
    String html = page.body();
    assertThat(html)
        .contains("<pre class=\"mermaid\">flowchart TD\n")
        .contains("[&quot;invite.created&lt;br/&gt;…")
        .contains("WelcomeMail.send(InviteCreated) [after commit] ✓")
        .contains("<pre id=\"text\">invite.created …");
    assertThat(scripts(html))
        .containsExactly("/webjars/mermaid/dist/mermaid.min.js", "/events.js");
  }

  @Test
  void theMermaidScript_isServedByTheServiceFromItsWebJar() throws Exception {
    for (String script : scripts(http.get("/events").body())) {
      HttpResponse<String> served = http.get(script);

      assertThat(served.statusCode()).as(script).isEqualTo(200);
      assertThat(served.headers().firstValue("Content-Type")).as(script)
          .hasValue("text/javascript");
    }
    HttpResponse<String> mermaid = http.get(EventsPage.MERMAID_SCRIPT);
    assertThat(mermaid.body()).hasSizeGreaterThan(1_000_000).contains("mermaid");
  }

  @Test
  void withNothingTraced_thePageSaysSo_andHasNoDiagram() {
    String html = new EventsPage(EventTrace.create()).page().getBody();

    assertThat(html)
        .contains("<p id=\"empty\">No events yet: create an invite, then reload.</p>")
        .doesNotContain("class=\"mermaid\"");
  }

  @Test
  void markupInTheTrace_isEscaped() {
    assertThat(EventsPage.escape("a<b>&\"c\"'d'</pre><script>"))
        .isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;&lt;/pre&gt;&lt;script&gt;");
  }

  private static List<String> scripts(String html) {
    List<String> sources = new ArrayList<>();
    Matcher script = SCRIPT_SRC.matcher(html);
    while (script.find()) {
      sources.add(script.group(1));
    }
    return sources;
  }
}
