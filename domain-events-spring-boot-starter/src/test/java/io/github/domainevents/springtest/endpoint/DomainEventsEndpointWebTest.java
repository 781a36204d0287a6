package io.github.domainevents.springtest.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The endpoint over real HTTP, on a random port, as Boot's actuator serves it. */
@SpringBootTest(
    classes = EndpointWebApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.endpoints.web.exposure.include=domainevents",
      "domain-events.no-unit-of-work-policy=run-now",
      "spring.datasource.generate-unique-name=true",
      "spring.main.banner-mode=off",
      "logging.level.root=warn"
    })
@Timeout(60)
class DomainEventsEndpointWebTest {
  @LocalServerPort int port;

  @Test
  void getReturnsTheHandlerPlansAsJson() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/domainevents"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).contains("json"));
    assertThat(response.body())
        .contains(
            "\"eventType\":\"endpoint.invite.created\"",
            "\"phase\":\"after_commit\"",
            "\"error-policy\":\"FAIL_FAST\"",
            "\"trace\":null");
  }
}
