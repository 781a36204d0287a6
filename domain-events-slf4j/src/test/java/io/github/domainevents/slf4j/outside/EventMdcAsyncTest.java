package io.github.domainevents.slf4j.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.domainevents.DispatchReport;
import io.github.domainevents.InProcessEventDispatcher;
import io.github.domainevents.slf4j.EventMdc;
import io.github.domainevents.slf4j.outside.Events.InviteCreated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The MDC interceptor on a one-thread pool whose thread carries stale MDC from an earlier task.
 */
@Timeout(30)
class EventMdcAsyncTest {
  private static final Logger LOG = LoggerFactory.getLogger("handlers.async");
  private static final Map<String, String> STALE =
      Map.of(
          EventMdc.EVENT_ID, "stale-id",
          EventMdc.EVENT_TYPE, "stale.type",
          EventMdc.CORRELATION_ID, "stale-correlation",
          EventMdc.CAUSATION_ID, "stale-causation",
          "tenant", "stale-tenant");

  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private final InProcessEventDispatcher dispatcher =
      InProcessEventDispatcher.builder()
          .interceptor(EventMdc.interceptor())
          .executor(pool)
          .build();
  private LogLines log;

  @BeforeEach
  void setUp() throws Exception {
    log = LogLines.capture("handlers.async");
    pool.submit(() -> MDC.setContextMap(STALE)).get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() throws Exception {
    log.close();
    dispatcher.close();
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void handlerOnAPooledThreadSeesTheDispatchsValuesAndTheStaleOnesAreBackAfter() throws Exception {
    dispatcher.register(InviteCreated.class, e -> LOG.info("handled"));
    InviteCreated event = new InviteCreated("ada@example.com");

    dispatcher.dispatchAsync(event).get(10, TimeUnit.SECONDS);

    assertThat(log.lines())
        .containsExactly(
            "invite.created id=" + event.eventId()
                + " corr=- cause=- tenant=stale-tenant | handled");
    assertThat(mdcOnPoolThread()).isEqualTo(STALE);
  }

  @Test
  void staleValuesAreBackAfterAFailingHandlerOnAPooledThread() throws Exception {
    dispatcher.register(
        InviteCreated.class,
        e -> {
          LOG.info("failing");
          throw new IllegalStateException("cache down");
        });
    InviteCreated event = new InviteCreated("ada@example.com");

    CompletableFuture<DispatchReport> outcome = dispatcher.dispatchAsync(event);

    assertThat(outcome).failsWithin(10, TimeUnit.SECONDS);
    assertThat(log.lines()).singleElement().asString().startsWith("invite.created id=" + event.eventId());
    assertThat(mdcOnPoolThread()).isEqualTo(STALE);
  }

  @Test
  void handlerNestedInAnAsyncDispatchGetsTheCallersCausationIds() throws Exception {
    InviteCreated outer = new InviteCreated("ada@example.com");
    List<CompletableFuture<DispatchReport>> inner = new ArrayList<>();
    dispatcher.register(
        InviteCreated.class,
        e -> {
          if (e == outer) {
            inner.add(dispatcher.dispatchAsync(new InviteCreated("bob@example.com")));
          }
          LOG.info("handled {}", e.email());
        });

    dispatcher.dispatchAsync(outer).get(10, TimeUnit.SECONDS);
    inner.get(0).get(10, TimeUnit.SECONDS);

    assertThat(log.lines()).hasSize(2);
    assertThat(log.lines().get(1))
        .endsWith(
            " corr=" + outer.eventId() + " cause=" + outer.eventId()
                + " tenant=stale-tenant | handled bob@example.com");
    assertThat(mdcOnPoolThread()).isEqualTo(STALE);
  }

  @Test
  void theDispatchingThreadsMdcIsNotChangedByAnAsyncDispatch() throws Exception {
    MDC.clear();
    MDC.put("tenant", "caller");
    dispatcher.register(InviteCreated.class, e -> LOG.info("handled"));

    dispatcher.dispatchAsync(new InviteCreated("ada@example.com")).get(10, TimeUnit.SECONDS);

    assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("tenant", "caller"));
    MDC.clear();
  }

  private Map<String, String> mdcOnPoolThread() throws Exception {
    return pool.submit(
            () -> {
              Map<String, String> copy = MDC.getCopyOfContextMap();
              return copy == null ? new HashMap<String, String>() : copy;
            })
        .get(10, TimeUnit.SECONDS);
  }
}
