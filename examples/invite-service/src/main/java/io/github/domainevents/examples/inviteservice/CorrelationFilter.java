package io.github.domainevents.examples.inviteservice;

import io.github.domainevents.EventContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request one correlation id: the {@code X-Request-Id} header when it is a UUID, a
 * new one otherwise. Every event the request causes carries it; the response returns it as {@code
 * X-Correlation-Id}.
 */
@Component
class CorrelationFilter extends OncePerRequestFilter {
  static final String REQUEST_ID = "X-Request-Id";
  static final String CORRELATION_ID = "X-Correlation-Id";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try (EventContext.Scope scope =
        EventContext.openCorrelation(requestId(request.getHeader(REQUEST_ID)))) {
      response.setHeader(CORRELATION_ID, scope.correlationId().toString());
      chain.doFilter(request, response);
    }
  }

  private static UUID requestId(@Nullable String header) {
    if (header != null) {
      try {
        return UUID.fromString(header.strip());
      } catch (IllegalArgumentException notAUuid) {
        // a request id of another shape: start a new correlation
      }
    }
    return UUID.randomUUID();
  }
}
