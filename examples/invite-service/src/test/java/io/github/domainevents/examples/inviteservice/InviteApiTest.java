package io.github.domainevents.examples.inviteservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.TransactionPhase;
import io.github.domainevents.trace.EventTrace;
import io.github.domainevents.trace.HandlerRun;
import io.github.domainevents.trace.TracedEvent;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The JSON API over real HTTP: an invite is committed, then its welcome mail is sent and its
 * {@link WelcomeMailSent} is caused by its {@link InviteCreated}; a refused invite leaves no row
 * and sends no mail. Each test uses its own addresses, so the tests share the service's state
 * without seeing each other's invites.
 */
@RunningService
class InviteApiTest {
  @LocalServerPort int port;
  @Autowired EventTrace trace;
  @Autowired LoggingMailSender mailSender;
  @Autowired JdbcClient jdbc;

  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void creatingAnInvite_commitsIt_thenSendsTheWelcomeMail_causedByTheInviteEvent()
      throws Exception {
    UUID requestId = UUID.randomUUID();

    HttpResponse<String> created =
        http.createInvite("ada@example.com", "X-Request-Id", requestId.toString());

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode invite = Http.json(created);
    long id = invite.get("id").asLong();
    assertThat(created.headers().firstValue("Location")).hasValue("/invites/" + id);
    assertThat(created.headers().firstValue("X-Correlation-Id")).hasValue(requestId.toString());
    assertThat(invite.get("email").asString()).isEqualTo("ada@example.com");
    // Written by WelcomedInvites in a transaction of its own, after the invite's commit: it
    // finds the row only because the invite is committed by then.
    assertThat(invite.get("welcomeMailSentAt").isNull()).isFalse();

    List<TracedEvent> events = trace.correlated(requestId);
    TracedEvent inviteCreated = only(events, "invite.created");
    TracedEvent mailSent = only(events, "welcome-mail.sent");
    assertThat(mailSent.causationId()).isEqualTo(inviteCreated.eventId());
    HandlerRun welcomeMail = run(inviteCreated, "WelcomeMail");
    assertThat(welcomeMail.phase()).isEqualTo(TransactionPhase.AFTER_COMMIT);
    assertThat(welcomeMail.failed()).isFalse();
    assertThat(welcomeMail.raisedEvents()).containsExactly(mailSent.eventId());

    JsonNode mail = mailTo("ada@example.com");
    assertThat(mail.get("inviteId").asLong()).isEqualTo(id);
    assertThat(mail.get("eventId").asString()).isEqualTo(mailSent.eventId().toString());
    assertThat(mail.get("causationId").asString()).isEqualTo(inviteCreated.eventId().toString());
    assertThat(mail.get("correlationId").asString()).isEqualTo(requestId.toString());
    assertThat(mailSender.sent())
        .filteredOn(sent -> sent.to().equals("ada@example.com"))
        .singleElement()
        .satisfies(sent -> assertThat(sent.body()).contains("invite number is " + id));

    JsonNode listed = invite(id);
    assertThat(listed.get("email").asString()).isEqualTo("ada@example.com");
    assertThat(listed.get("welcomeMailSentAt").isNull()).isFalse();
    assertThat(Http.json(http.get("/invites/" + id)).get("email").asString())
        .isEqualTo("ada@example.com");
  }

  @Test
  void anInviteRefusedAfterTheInsert_isRolledBack_andNoMailIsSent() throws Exception {
    UUID requestId = UUID.randomUUID();

    HttpResponse<String> refused =
        http.createInvite("eve@blocked.example", "X-Request-Id", requestId.toString());

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Http.json(refused).get("detail").asString())
        .isEqualTo(
            "invites to blocked.example are refused;"
                + " the invite was rolled back and no mail was sent");

    // The row was inserted, then rolled back: no invite, no mail, and the rollback handler ran.
    assertThat(emailsIn(http.get("/invites"))).doesNotContain("eve@blocked.example");
    assertThat(emailsIn(http.get("/mails"), "to")).doesNotContain("eve@blocked.example");
    assertThat(mailSender.sent()).noneMatch(mail -> mail.to().equals("eve@blocked.example"));
    TracedEvent inviteCreated = only(trace.correlated(requestId), "invite.created");
    assertThat(trace.correlated(requestId)).containsExactly(inviteCreated);
    HandlerRun policy = run(inviteCreated, "BlockedDomains");
    assertThat(policy.failure())
        .isEqualTo("InviteRefusedException: invites to blocked.example are refused");
    assertThat(run(inviteCreated, "RolledBackInvites").phase())
        .isEqualTo(TransactionPhase.AFTER_ROLLBACK);
    assertThat(inviteCreated.handlerRuns()).noneMatch(r -> r.handler().startsWith("WelcomeMail"));
    assertThat(
            jdbc.sql("select count(*) from invite where email = ?")
                .param("eve@blocked.example")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anUnknownInvite_isNotFound() throws Exception {
    assertThat(http.get("/invites/999999").statusCode()).isEqualTo(404);
  }

  @Test
  void aSecondInviteToTheSameAddress_isAConflict_andSendsNoSecondMail() throws Exception {
    assertThat(http.createInvite("bob@example.com").statusCode()).isEqualTo(201);

    HttpResponse<String> again = http.createInvite("bob@example.com");

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Http.json(again).get("detail").asString())
        .isEqualTo("this address has an invite already");
    assertThat(emailsIn(http.get("/mails"), "to")).containsOnlyOnce("bob@example.com");
  }

  @Test
  void aMalformedAddress_isABadRequest_namingIt() throws Exception {
    HttpResponse<String> response = http.createInvite("not an address");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).get("detail").asString())
        .isEqualTo("email must look like name@example.com, was 'not an address'");
    assertThat(http.postJson("/invites", "{}").statusCode()).isEqualTo(400);
  }

  @Test
  void aRequestIdThatIsNotAUuid_getsANewCorrelationId() throws Exception {
    HttpResponse<String> response = http.get("/invites");

    assertThat(response.statusCode()).isEqualTo(200);
    String correlationId = response.headers().firstValue("X-Correlation-Id").orElseThrow();
    assertThat(UUID.fromString(correlationId)).isNotNull();
    HttpResponse<String> withOddId =
        http.createInvite("carol@example.com", "X-Request-Id", "request-17");
    UUID assigned =
        UUID.fromString(withOddId.headers().firstValue("X-Correlation-Id").orElseThrow());
    assertThat(only(trace.correlated(assigned), "invite.created")).isNotNull();
  }

  private static TracedEvent only(List<TracedEvent> events, String type) {
    return events.stream()
        .filter(event -> event.eventType().equals(type))
        .reduce((a, b) -> {
          throw new AssertionError("two " + type + " events in " + events);
        })
        .orElseThrow(() -> new AssertionError("no " + type + " event in " + events));
  }

  private static HandlerRun run(TracedEvent event, String handlerPrefix) {
    return event.handlerRuns().stream()
        .filter(run -> run.handler().startsWith(handlerPrefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no run of " + handlerPrefix + " in " + event));
  }

  private JsonNode mailTo(String email) throws Exception {
    return StreamSupport.stream(Http.json(http.get("/mails")).spliterator(), false)
        .filter(mail -> mail.get("to").asString().equals(email))
        .reduce((a, b) -> {
          throw new AssertionError("two mails to " + email);
        })
        .orElseThrow(() -> new AssertionError("no mail to " + email));
  }

  private JsonNode invite(long id) throws Exception {
    return StreamSupport.stream(Http.json(http.get("/invites")).spliterator(), false)
        .filter(invite -> invite.get("id").asLong() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("invite " + id + " not listed"));
  }

  private static List<String> emailsIn(HttpResponse<String> response) {
    return emailsIn(response, "email");
  }

  private static List<String> emailsIn(HttpResponse<String> response, String field) {
    assertThat(response.statusCode()).isEqualTo(200);
    return StreamSupport.stream(Http.json(response).spliterator(), false)
        .map(node -> node.get(field).asString())
        .toList();
  }
}
